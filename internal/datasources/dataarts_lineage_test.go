package datasources_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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

func bulkPages(env *acctest.Env) int {
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
	env := acctest.NewEnv(t)
	pages := bulkPages(env)
	if pages < 5 {
		t.Fatalf("the default fixture should span several pages, has %d", pages)
	}
	const seed000, seed001 = "data.huaweidata_dataarts_lineage.seed000", "data.huaweidata_dataarts_lineage.seed001"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			// Three reads, each of every page, filtered differently.
			Config: withDataArts(env, lineageConfig(`  source_database = "demo_db"`)+`
data "huaweidata_dataarts_lineage" "seed000" {
  source_table = "dli_01"
  target_table = "dli_02"
  target_type  = "dli_table_managed"
}

data "huaweidata_dataarts_lineage" "seed001" {
  target_table = "wk_02"
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				countIsMultiple(env, "ShowLineageBulk", 3*pages),
				resource.TestCheckResourceAttr(lineageAddr, "instance_id", emulator.DemoDataArtsInstanceID),
				resource.TestCheckResourceAttr(lineageAddr, "edges.#", "4"),
				resource.TestCheckResourceAttr(lineageAddr, "entities.#", "8"), // 5 tables, 3 operators
				resource.TestCheckResourceAttr(lineageAddr, "visited_assets", "0"),
				// Sorted by source, then target qualified name.
				resource.TestCheckResourceAttr(lineageAddr, "edges.0.source_table", "customers_raw"),
				resource.TestCheckResourceAttr(lineageAddr, "edges.1.target_table", "customer_ltv"),
				resource.TestCheckResourceAttr(lineageAddr, "edges.2.target_table", "orders_daily"),
				resource.TestCheckResourceAttr(lineageAddr, "edges.3.source_table", "orders_raw"),
				resource.TestCheckResourceAttr(lineageAddr, "edges.3.node_name", "clean_orders"),
				resource.TestCheckResourceAttr(lineageAddr, "edges.3.node_type", "dli_sql_node"),
				resource.TestCheckResourceAttr(lineageAddr, "edges.3.source_type", "dli_table_managed"),
				resource.TestCheckNoResourceAttr(lineageAddr, "edges.3.source_schema"),
				resource.TestCheckResourceAttr(lineageAddr, "edges.3.workspace_id", emulator.DemoDataArtsWorkspaceID),
				// Seed 000's row, filtered on both ends; seed 001's dws row keeps its schema.
				resource.TestCheckResourceAttr(seed000, "edges.#", "1"),
				resource.TestCheckResourceAttr(seed000, "edges.0.node_name", "DLI_SQL_6038"),
				resource.TestCheckResourceAttr(seed000, "edges.0.source_guid", "da431e05-804a-491f-945a-a29cfb77e635"),
				resource.TestCheckResourceAttr(seed001, "edges.#", "1"),
				resource.TestCheckResourceAttr(seed001, "edges.0.target_schema", "public"),
				resource.TestCheckResourceAttr(seed001, "edges.0.node_type", "dws_sql_node"),
			),
		}},
	})
}

// The measure: depth 3 over the generated 1,000-table graph (with diamonds and the
// cycle t0 -> t2 -> t5 -> t0) costs exactly one call per visited asset.
func TestAccDataArtsLineage_depthThreeOneCallPerAsset(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	root := emulator.GeneratedTableGUID(0)
	fx := env.Emulator.DataArtsFixture()
	out := len(fx.ExpectedTraversal(root, "OUT", 3))
	bothRoot := emulator.GeneratedTableGUID(2) // upstream t0, t1 (diamond); downstream through the cycle
	both := len(fx.ExpectedTraversal(bothRoot, "BOTH", 3))
	t.Logf("depth 3: OUT from t0000 visits %d assets, BOTH from t0002 %d", out, both)
	callsPerRead := func(want int) resource.TestCheckFunc { return countIsMultiple(env, "ShowDatamapLineage", want) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: env.Emulator.ResetCounts,
				Config: withDataArts(env, lineageConfig(fmt.Sprintf(`
  guid      = %q
  direction = "OUT"
  depth     = 3`, root))),
				Check: resource.ComposeAggregateTestCheckFunc(
					callsPerRead(out),
					resource.TestCheckResourceAttr(lineageAddr, "visited_assets", strconv.Itoa(out)),
					resource.TestCheckResourceAttr(lineageAddr, "truncated", "false"),
					resource.TestCheckTypeSetElemNestedAttrs(lineageAddr, "edges.*", map[string]string{
						"source_table": "t0005", "target_table": "t0000", "node_name": "gen_node_0005", "source_database": "gen_db",
					}),
					resource.TestCheckTypeSetElemNestedAttrs(lineageAddr, "edges.*", map[string]string{"source_table": "t0001", "target_table": "t0002"}),
					resource.TestCheckTypeSetElemNestedAttrs(lineageAddr, "entities.*", map[string]string{
						"display_name": "gen_node_0005", "type": "dlf.dli_sql", "attributes.nodeType": "dli_sql_node",
					}),
				),
			},
			{
				PreConfig: env.Emulator.ResetCounts,
				Config: withDataArts(env, lineageConfig(fmt.Sprintf(`
  guid  = %q
  depth = 3`, bothRoot))),
				Check: resource.ComposeAggregateTestCheckFunc(
					callsPerRead(both),
					resource.TestCheckResourceAttr(lineageAddr, "visited_assets", strconv.Itoa(both)),
					resource.TestCheckTypeSetElemNestedAttrs(lineageAddr, "edges.*", map[string]string{"source_table": "t0000", "target_table": "t0002"}),
					resource.TestCheckTypeSetElemNestedAttrs(lineageAddr, "edges.*", map[string]string{"source_table": "t0006", "target_table": "t0014"}),
				),
			},
			{
				// depth 1 is one call; max_assets caps a deep walk with a warning.
				PreConfig: env.Emulator.ResetCounts,
				Config: withDataArts(env, lineageConfig(fmt.Sprintf(`
  guid      = %q
  direction = "IN"`, root))),
				Check: resource.ComposeAggregateTestCheckFunc(
					callsPerRead(1),
					resource.TestCheckResourceAttr(lineageAddr, "edges.#", "1"),
					resource.TestCheckResourceAttr(lineageAddr, "edges.0.source_table", "t0005"), // the cycle
				),
			},
			{
				Config: withDataArts(env, lineageConfig(fmt.Sprintf(`
  guid       = %q
  direction  = "OUT"
  depth      = 10
  max_assets = 7`, root))),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(lineageAddr, "visited_assets", "7"),
					resource.TestCheckResourceAttr(lineageAddr, "truncated", "true"),
				),
			},
		},
	})
}

func TestAccDataArtsLineage_instanceOverride(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				// No dataarts block in the provider: the data source's own instance_id is used.
				Config: env.Config(lineageConfig(fmt.Sprintf(`
  instance_id = %q
  guid        = %q`, emulator.DemoDataArtsInstanceID, emulator.DemoOrdersRawGUID))),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(lineageAddr, "edges.#", "1"),
					resource.TestCheckResourceAttr(lineageAddr, "edges.0.target_table", "orders_clean"),
					resource.TestCheckResourceAttr(lineageAddr, "entities.#", "3"), // the import node writing orders_raw has no edge
				),
			},
			{
				// The override wins over the provider default; the emulator knows no such instance.
				Config:      withDataArts(env, lineageConfig(`  instance_id = "0000000000000000000000000000dead"`)),
				ExpectError: regexp.MustCompile(`(?s)HTTP\s+403,\s+error_code\s+DLS.1003.*0000000000000000000000000000dead`),
			},
			{
				Config:      withDataArts(env, lineageConfig(`  guid = "no-such-asset"`)),
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
		"empty instance_id":       {Config: withDataArts(env, lineageConfig(`  instance_id = ""`)), Want: `instance_id must not be empty`},
		"direction without guid":  {Config: withDataArts(env, lineageConfig(`  direction = "OUT"`)), Want: `(?s)Attribute "guid" must be specified when "direction"`},
		"depth without guid":      {Config: withDataArts(env, lineageConfig(`  depth = 2`)), Want: `(?s)Attribute "guid" must be specified when "depth"`},
		"unknown direction":       {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  direction = \"DOWN\"")), Want: `(?s)direction value must be one of`},
		"depth zero":              {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  depth = 0")), Want: `(?s)depth value must be between 1 and 10`},
		"depth too deep":          {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  depth = 11")), Want: `(?s)depth value must be between 1 and 10`},
		"max_assets zero":         {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  max_assets = 0")), Want: `(?s)max_assets value must be between 1 and 5000`},
		"filter with guid":        {Config: withDataArts(env, lineageConfig("  guid = \"x\"\n  source_table = \"t\"")), Want: `(?s)Attribute "guid" cannot be specified when "source_table"`},
		"empty filter":            {Config: withDataArts(env, lineageConfig(`  target_database = ""`)), Want: `target_database must not be empty`},
		"empty guid":              {Config: withDataArts(env, lineageConfig(`  guid = ""`)), Want: `guid must not be empty`},
		"max_assets without guid": {Config: withDataArts(env, lineageConfig(`  max_assets = 3`)), Want: `(?s)Attribute "guid" must be specified when "max_assets"`},
	})
}

// The demo's lineage file on its own: it finds orders_raw's GUID in the batch lineage and
// prints the tables downstream of it and the orders relations.
func TestAccDataArtsDemo_lineage(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
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
