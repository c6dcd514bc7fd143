package datasources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const relationsAddr = "data.huaweidata_dataarts_relations.test"

func relationsConfig(body string) string {
	return fmt.Sprintf(`
data "huaweidata_dataarts_relations" "test" {
%s
}
`, body)
}

func TestAccDataArtsRelations_allPagesAndFilters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the emulator's default DataArts fixture")
	const byName, byWindow = "data.huaweidata_dataarts_relations.by_name", "data.huaweidata_dataarts_relations.by_window"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				// 234 relations at 100 a page: three calls per read of the unfiltered one. The
				// window is given in +08:00 (sent in UTC): alice's "sales" relations created in
				// the first 24 hours, i.e. i in {0, 12}.
				Config: withDataArts(env.Env, relationsConfig("")+`
data "huaweidata_dataarts_relations" "by_name" {
  name = "ORDERS"
}

data "huaweidata_dataarts_relations" "by_window" {
  create_by  = "alice"
  name       = "sales"
  begin_time = "2024-01-01T00:00:00+08:00"
  end_time   = "2024-01-01T23:59:59+08:00"
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					readsOf(env.Env, "ListRelations", 3+1+1),
					expectAttr(relationsAddr, "workspace_id", knownvalue.StringExact(emulator.DemoDataArtsWorkspaceID)),
					expectAttr(relationsAddr, "relations", knownvalue.ListSizeExact(234)),
					// Sorted by name: the demo's customer_ltv_customers comes first.
					expectAttr(relationsAddr, "relations.0.name", knownvalue.StringExact("customer_ltv_customers")),
					expectAttr(relationsAddr, "relations", containsObject(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("1225137038202957824"), "name": knownvalue.StringExact("left_relation_right_test"),
						"source_type": knownvalue.StringExact("ONE"), "create_time": knownvalue.StringExact("2024-04-03T17:37:12+08:00"),
						"mappings": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id":                knownvalue.StringExact("1225137038211346432"),
							"relation_id":       knownvalue.StringExact("1225137038202957824"),
							"source_field_name": knownvalue.StringExact("id"),
						})}),
					})),
					expectAttr(byName, "relations", knownvalue.ListSizeExact(2)),
					expectAttr(byName, "relations.0.name", knownvalue.StringExact("orders_clean_customers")),
					expectAttr(byName, "relations.0.role", knownvalue.Null()),
					expectAttr(byName, "relations.1.mappings", knownvalue.ListSizeExact(2)),
					expectAttr(byName, "relations.1.mappings.1.target_field_name", knownvalue.StringExact("region")),
					expectAttr(byWindow, "relations", knownvalue.ListSizeExact(2)),
					expectAttr(byWindow, "relations.0.name", knownvalue.StringExact("fact_sales_dim_000")),
					expectAttr(byWindow, "relations.1.create_by", knownvalue.StringExact("alice")),
				},
			},
			{
				// The workspace can be set per data source; the emulator knows no other one.
				Config:      withDataArts(env.Env, relationsConfig(`  workspace_id = "feedfeedfeedfeedfeedfeedfeedfeed"`)),
				ExpectError: regexp.MustCompile(`(?s)HTTP\s+403,\s+error_code\s+DS.6000.*feedfeed`),
			},
		},
	})
}

func TestAccDataArtsRelations_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"workspace missing in both places": {
			Config: relationsConfig(""),
			Want:   `(?s)Missing DataArts Studio workspace ID.*workspace_id on the data source.*dataarts = \{\s+workspace_id`,
		},
		"begin without end": {
			Config: withDataArts(env, relationsConfig(`  begin_time = "2024-01-01T00:00:00Z"`)),
			Want:   `(?s)Attribute "end_time" must be specified when "begin_time"`,
		},
		"end without begin": {
			Config: withDataArts(env, relationsConfig(`  end_time = "2024-01-01T00:00:00Z"`)),
			Want:   `(?s)Attribute "begin_time" must be specified when "end_time"`,
		},
		"not rfc3339": {
			Config: withDataArts(env, relationsConfig("  begin_time = \"2024-01-01 00:00:00\"\n  end_time = \"2024-01-02T00:00:00Z\"")),
			Want:   `(?s)Invalid RFC3339 String Value.*begin_time.*Given\s+Value:\s+2024-01-01\s+00:00:00`,
		},
		"end before begin": {
			Config: withDataArts(env, relationsConfig("  begin_time = \"2024-01-02T00:00:00Z\"\n  end_time = \"2024-01-01T00:00:00Z\"")),
			Want:   `(?s)end_time \(2024-01-01T00:00:00Z\) must be at or after begin_time`,
		},
		"empty name":      {Config: withDataArts(env, relationsConfig(`  name = ""`)), Want: `Attribute\s+name\s+string\s+length\s+must\s+be\s+at\s+least\s+1,\s+got:\s+0`},
		"blank create_by": {Config: withDataArts(env, relationsConfig(`  create_by = "  "`)), Want: `Attribute\s+create_by\s+must\s+not\s+be\s+blank`},
		"blank workspace": {Config: withDataArts(env, relationsConfig(`  workspace_id = " "`)), Want: `Attribute\s+workspace_id\s+must\s+not\s+be\s+blank`},
	})
}
