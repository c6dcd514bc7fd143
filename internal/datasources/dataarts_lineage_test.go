package datasources_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const lineageAddr = "data.huaweidata_dataarts_lineage.test"

// lineageConfig wraps a data source body; the output makes any change in edge order a
// non-empty plan (the emulator returns every list in random order).
func lineageConfig(body string) string {
	return fmt.Sprintf(`
data "huaweidata_dataarts_lineage" "test" {
%s
}

output "edges" {
  value = data.huaweidata_dataarts_lineage.test.edges
}
`, body)
}

func bulkPages(env *acctest.EmulatedEnv) int {
	ops := 0
	for _, a := range env.Emulator.DataArtsFixture().Assets {
		if a.Kind == emulator.AssetNode {
			ops++
		}
	}
	return (ops + 99) / 100
}

func TestAccDataArtsLineage_bulkAllPagesFiltered(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the emulator's default DataArts fixture")
	pages := bulkPages(env)
	if pages < 5 {
		t.Fatalf("the default fixture should span several pages, has %d", pages)
	}
	const seed000, seed001 = "data.huaweidata_dataarts_lineage.seed000", "data.huaweidata_dataarts_lineage.seed001"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			// Three reads, each of every page, filtered differently.
			Config: withDataArts(env.Env, lineageConfig(`  source_database = "demo_db"`)+`
data "huaweidata_dataarts_lineage" "seed000" {
  source_table = "dli_01"
  target_table = "dli_02"
  target_type  = "dli_table_managed"
}

data "huaweidata_dataarts_lineage" "seed001" {
  target_table = "wk_02"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				readsOf(env.Env, "ShowLineageBulk", 3*pages),
				expectAttr(lineageAddr, "instance_id", knownvalue.StringExact(emulator.DemoDataArtsInstanceID)),
				expectAttr(lineageAddr, "edges", knownvalue.ListSizeExact(4)),
				expectAttr(lineageAddr, "entities", knownvalue.ListSizeExact(8)), // 5 tables, 3 operators
				expectAttr(lineageAddr, "visited_assets", knownvalue.Int64Exact(0)),
				// Sorted by source, then target qualified name.
				expectAttr(lineageAddr, "edges.0.source_table", knownvalue.StringExact("customers_raw")),
				expectAttr(lineageAddr, "edges.1.target_table", knownvalue.StringExact("customer_ltv")),
				expectAttr(lineageAddr, "edges.2.target_table", knownvalue.StringExact("orders_daily")),
				expectAttr(lineageAddr, "edges.3", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"source_table":  knownvalue.StringExact("orders_raw"),
					"node_name":     knownvalue.StringExact("clean_orders"),
					"node_type":     knownvalue.StringExact("dli_sql_node"),
					"source_type":   knownvalue.StringExact("dli_table_managed"),
					"source_schema": knownvalue.Null(),
					"workspace_id":  knownvalue.StringExact(emulator.DemoDataArtsWorkspaceID),
				})),
				// Seed 000's row, filtered on both ends; seed 001's dws row keeps its schema.
				expectAttr(seed000, "edges", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"node_name":   knownvalue.StringExact("DLI_SQL_6038"),
					"source_guid": knownvalue.StringExact("da431e05-804a-491f-945a-a29cfb77e635"),
				})})),
				expectAttr(seed001, "edges", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"target_schema": knownvalue.StringExact("public"),
					"node_type":     knownvalue.StringExact("dws_sql_node"),
				})})),
			},
		}},
	})
}

// The measure: depth 3 over the generated 1,000-table graph (with diamonds and the
// cycle t0 -> t2 -> t5 -> t0) costs exactly one call per visited asset.
func TestAccDataArtsLineage_depthThreeOneCallPerAsset(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the emulator's generated DataArts lineage graph")
	root := emulator.GeneratedTableGUID(0)
	fx := env.Emulator.DataArtsFixture()
	out := len(fx.ExpectedTraversal(root, "OUT", 3))
	bothRoot := emulator.GeneratedTableGUID(2) // upstream t0, t1 (diamond); downstream through the cycle
	both := len(fx.ExpectedTraversal(bothRoot, "BOTH", 3))
	t.Logf("depth 3: OUT from t0000 visits %d assets, BOTH from t0002 %d", out, both)
	callsPerRead := func(want int) statecheck.StateCheck { return readsOf(env.Env, "ShowDatamapLineage", want) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: env.ResetCounts,
				Config: withDataArts(env.Env, lineageConfig(fmt.Sprintf(`
  guid      = %q
  direction = "OUT"
  depth     = 3`, root))),
				ConfigStateChecks: []statecheck.StateCheck{
					callsPerRead(out),
					expectAttr(lineageAddr, "visited_assets", knownvalue.Int64Exact(int64(out))),
					expectAttr(lineageAddr, "truncated", knownvalue.Bool(false)),
					expectAttr(lineageAddr, "edges", containsObject(map[string]knownvalue.Check{
						"source_table": knownvalue.StringExact("t0005"), "target_table": knownvalue.StringExact("t0000"),
						"node_name": knownvalue.StringExact("gen_node_0005"), "source_database": knownvalue.StringExact("gen_db"),
					})),
					expectAttr(lineageAddr, "edges", containsObject(map[string]knownvalue.Check{
						"source_table": knownvalue.StringExact("t0001"), "target_table": knownvalue.StringExact("t0002"),
					})),
					expectAttr(lineageAddr, "entities", containsObject(map[string]knownvalue.Check{
						"display_name": knownvalue.StringExact("gen_node_0005"), "type": knownvalue.StringExact("dlf.dli_sql"),
						"attributes": knownvalue.MapPartial(map[string]knownvalue.Check{"nodeType": knownvalue.StringExact("dli_sql_node")}),
					})),
				},
			},
			{
				PreConfig: env.ResetCounts,
				Config: withDataArts(env.Env, lineageConfig(fmt.Sprintf(`
  guid  = %q
  depth = 3`, bothRoot))),
				ConfigStateChecks: []statecheck.StateCheck{
					callsPerRead(both),
					expectAttr(lineageAddr, "visited_assets", knownvalue.Int64Exact(int64(both))),
					expectAttr(lineageAddr, "edges", containsObject(map[string]knownvalue.Check{
						"source_table": knownvalue.StringExact("t0000"), "target_table": knownvalue.StringExact("t0002"),
					})),
					expectAttr(lineageAddr, "edges", containsObject(map[string]knownvalue.Check{
						"source_table": knownvalue.StringExact("t0006"), "target_table": knownvalue.StringExact("t0014"),
					})),
				},
			},
			{
				// depth 1 is one call; max_assets caps a deep walk with a warning.
				PreConfig: env.ResetCounts,
				Config: withDataArts(env.Env, lineageConfig(fmt.Sprintf(`
  guid      = %q
  direction = "IN"`, root))),
				ConfigStateChecks: []statecheck.StateCheck{
					callsPerRead(1),
					expectAttr(lineageAddr, "edges", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"source_table": knownvalue.StringExact("t0005"), // the cycle
					})})),
				},
			},
			{
				Config: withDataArts(env.Env, lineageConfig(fmt.Sprintf(`
  guid       = %q
  direction  = "OUT"
  depth      = 10
  max_assets = 7`, root))),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(lineageAddr, "visited_assets", knownvalue.Int64Exact(7)),
					expectAttr(lineageAddr, "truncated", knownvalue.Bool(true)),
				},
			},
		},
	})
}

func TestAccDataArtsLineage_instanceOverride(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the emulator's DataArts fixture and instance")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				// No dataarts block in the provider: the data source's own instance_id is used.
				Config: env.Config(lineageConfig(fmt.Sprintf(`
  instance_id = %q
  guid        = %q`, emulator.DemoDataArtsInstanceID, emulator.DemoOrdersRawGUID))),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(lineageAddr, "edges", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"target_table": knownvalue.StringExact("orders_clean"),
					})})),
					expectAttr(lineageAddr, "entities", knownvalue.ListSizeExact(3)), // the import node writing orders_raw has no edge
				},
			},
			{
				// The override wins over the provider default; the emulator knows no such instance.
				Config:      withDataArts(env.Env, lineageConfig(`  instance_id = "0000000000000000000000000000dead"`)),
				ExpectError: regexp.MustCompile(`(?s)HTTP\s+403,\s+error_code\s+DLS.1003.*0000000000000000000000000000dead`),
			},
			{
				Config:      withDataArts(env.Env, lineageConfig(`  guid = "no-such-asset"`)),
				ExpectError: regexp.MustCompile(`(?s)lineage\s+of\s+asset\s+no-such-asset.*HTTP\s+404,\s+error_code\s+DLS.4106`),
			},
		},
	})
}

func TestAccDataArtsLineage_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"instance missing in both places": {
			Config: lineageConfig(`  guid = "x"`),
			Want:   `(?s)Missing DataArts Studio instance ID.*instance_id on the data source.*dataarts = \{\s+instance_id`,
		},
		"empty instance_id":       {Config: withDataArts(env, lineageConfig(`  instance_id = ""`)), Want: `Attribute\s+instance_id\s+string\s+length\s+must\s+be\s+at\s+least\s+1,\s+got:\s+0`},
		"direction without guid":  {Config: withDataArts(env, lineageConfig(`  direction = "OUT"`)), Want: `(?s)Attribute "guid" must be specified when "direction"`},
		"depth without guid":      {Config: withDataArts(env, lineageConfig(`  depth = 2`)), Want: `(?s)Attribute "guid" must be specified when "depth"`},
		"unknown direction":       {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  direction = \"DOWN\"")), Want: `(?s)direction value must be one of`},
		"depth zero":              {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  depth = 0")), Want: `(?s)depth value must be between 1 and 10`},
		"depth too deep":          {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  depth = 11")), Want: `(?s)depth value must be between 1 and 10`},
		"max_assets zero":         {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  max_assets = 0")), Want: `(?s)max_assets value must be between 1 and 5000`},
		"filter with guid":        {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  source_table = \"t\"")), Want: `(?s)Attribute "guid" cannot be specified when "source_table"`},
		"empty filter":            {Config: withDataArts(env, lineageConfig(`  target_database = ""`)), Want: `Attribute\s+target_database\s+string\s+length\s+must\s+be\s+at\s+least\s+1,\s+got:\s+0`},
		"empty guid":              {Config: withDataArts(env, lineageConfig(`  guid = ""`)), Want: `Attribute\s+guid\s+string\s+length\s+must\s+be\s+at\s+least\s+1,\s+got:\s+0`},
		"blank guid":              {Config: withDataArts(env, lineageConfig(`  guid = "  "`)), Want: `Attribute\s+guid\s+must\s+not\s+be\s+blank`},
		"blank source_table":      {Config: withDataArts(env, lineageConfig(`  source_table = " "`)), Want: `Attribute\s+source_table\s+must\s+not\s+be\s+blank`},
		"max_assets without guid": {Config: withDataArts(env, lineageConfig(`  max_assets = 3`)), Want: `(?s)Attribute "guid" must be specified when "max_assets"`},
	})
}

// The demo's lineage file on its own: it finds orders_raw's GUID in the batch lineage and
// prints the tables downstream of it and the orders relations.
func TestAccDataArtsDemo_lineage(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the demo configuration and the emulator's DataArts fixture")
	demo, err := os.ReadFile(filepath.Join("..", "..", "examples", "demo", "lineage.tf"))
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: env.Config(string(demo)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("orders_raw_downstream_tables", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("demo_db.customer_ltv"),
					knownvalue.StringExact("demo_db.orders_clean"),
					knownvalue.StringExact("demo_db.orders_daily"),
				})),
				statecheck.ExpectKnownOutputValue("orders_relations", knownvalue.MapSizeExact(2)),
			},
		}},
	})
}
