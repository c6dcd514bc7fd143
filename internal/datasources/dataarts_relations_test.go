package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

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
	env := acctest.NewEnv(t)
	const byName, byWindow = "data.huaweidata_dataarts_relations.by_name", "data.huaweidata_dataarts_relations.by_window"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				// 234 relations at 100 a page: three calls per read of the unfiltered one. The
				// window is given in +08:00 (sent in UTC): alice's "sales" relations created in
				// the first 24 hours, i.e. i in {0, 12}.
				Config: withDataArts(env, relationsConfig("")+`
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
				Check: resource.ComposeAggregateTestCheckFunc(
					countIsMultiple(env, "ListRelations", 3+1+1),
					resource.TestCheckResourceAttr(relationsAddr, "workspace_id", emulator.DemoDataArtsWorkspaceID),
					resource.TestCheckResourceAttr(relationsAddr, "relations.#", "234"),
					// Sorted by name: the demo's customer_ltv_customers comes first.
					resource.TestCheckResourceAttr(relationsAddr, "relations.0.name", "customer_ltv_customers"),
					resource.TestCheckTypeSetElemNestedAttrs(relationsAddr, "relations.*", map[string]string{
						"id": "1225137038202957824", "name": "left_relation_right_test", "source_type": "ONE",
						"create_time": "2024-04-03T17:37:12+08:00", "mappings.#": "1", "mappings.0.id": "1225137038211346432",
						"mappings.0.relation_id": "1225137038202957824", "mappings.0.source_field_name": "id",
					}),
					resource.TestCheckResourceAttr(byName, "relations.#", "2"),
					resource.TestCheckResourceAttr(byName, "relations.0.name", "orders_clean_customers"),
					resource.TestCheckResourceAttr(byName, "relations.1.mappings.#", "2"),
					resource.TestCheckResourceAttr(byName, "relations.1.mappings.1.target_field_name", "region"),
					resource.TestCheckNoResourceAttr(byName, "relations.0.role"),
					resource.TestCheckResourceAttr(byWindow, "relations.#", "2"),
					resource.TestCheckResourceAttr(byWindow, "relations.0.name", "fact_sales_dim_000"),
					resource.TestCheckResourceAttr(byWindow, "relations.1.create_by", "alice"),
				),
			},
			{
				// The workspace can be set per data source; the emulator knows no other one.
				Config:      withDataArts(env, relationsConfig(`  workspace_id = "feedfeedfeedfeedfeedfeedfeedfeed"`)),
				ExpectError: regexpMust(`(?s)HTTP\s+403,\s+error_code\s+DS.6000.*feedfeed`),
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
			Want:   `(?s)begin_time "2024-01-01 00:00:00" is not an RFC 3339 timestamp`,
		},
		"end before begin": {
			Config: withDataArts(env, relationsConfig("  begin_time = \"2024-01-02T00:00:00Z\"\n  end_time = \"2024-01-01T00:00:00Z\"")),
			Want:   `(?s)end_time \(2024-01-01T00:00:00Z\) must be at or after begin_time`,
		},
		"empty name": {Config: withDataArts(env, relationsConfig(`  name = ""`)), Want: `name must not be empty`},
	})
}
