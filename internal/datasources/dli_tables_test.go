package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// tablesResources are a database with a DLI table, an OBS table and a view.
func tablesResources(database string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "db" {
  name          = %[1]q
  force_destroy = true
}

resource "huaweidata_dli_table" "orders" {
  database_name       = huaweidata_dli_database.db.name
  name                = "orders"
  data_location       = "DLI"
  deletion_protection = false
  columns = [
    { name = "id", type = "bigint", description = "order id" },
    { name = "dt", type = "string", is_partition = true },
  ]
}

resource "huaweidata_dli_table" "orders_obs" {
  database_name       = huaweidata_dli_database.db.name
  name                = "orders_obs"
  data_location       = "OBS"
  data_format         = "csv"
  bucket_location     = "obs://acc-bucket/orders"
  deletion_protection = false
  columns = [
    { name = "id", type = "bigint" },
    { name = "dt", type = "string", is_partition = true },
  ]
}

resource "huaweidata_dli_table" "view" {
  database_name       = huaweidata_dli_database.db.name
  name                = "big_orders"
  data_location       = "VIEW"
  select_statement    = "select * from %[1]s.orders where id > 100"
  deletion_protection = false
  depends_on          = [huaweidata_dli_table.orders]
}

# Read in the same apply, right after the creates.
data "huaweidata_dli_tables" "fresh" {
  database_name = huaweidata_dli_database.db.name
  depends_on    = [huaweidata_dli_table.orders, huaweidata_dli_table.orders_obs, huaweidata_dli_table.view]
}
`, database)
}

func tablesQueries(database string) string {
	return fmt.Sprintf(`
data "huaweidata_dli_tables" "test" {
  database_name = %[1]q
}

data "huaweidata_dli_tables" "obs" {
  database_name = %[1]q
  table_type    = "EXTERNAL"
}

data "huaweidata_dli_tables" "orders" {
  database_name = %[1]q
  name_regex    = "^orders"
  with_columns  = true
}

data "huaweidata_dli_tables" "by_keyword" {
  database_name = %[1]q
  keyword       = "BIG"
}
`, database)
}

// TestAccDLITables_filtersColumnsAndOneListing: the tables of a database, sorted by name,
// with each filter; with_columns describes each matching table. A refresh of the database,
// three tables and four data sources costs one table listing and one database listing;
// the describes are one per table resource and one per table with_columns reads.
func TestAccDLITables_filtersColumnsAndOneListing(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	database, nowhere := env.Name("catalog"), env.Name("nowhere")
	const all = "data.huaweidata_dli_tables.test"
	ds := func(name string) string { return "data.huaweidata_dli_tables." + name }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				// Created with the emulator's consistency delay: the data source read right
				// after them waits until the database and its tables are listed.
				Config:            env.Config(tablesResources(database)),
				ConfigStateChecks: []statecheck.StateCheck{expectAttr(ds("fresh"), "tables", names("big_orders", "orders", "orders_obs"))},
			},
			{
				Config: env.Config(tablesResources(database) + tablesQueries(database)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(all, "tables", names("big_orders", "orders", "orders_obs")),
					expectAttr(all, "tables.0.table_type", knownvalue.StringExact("VIEW")),
					expectAttr(all, "tables.0.columns", knownvalue.Null()),
					expectAttr(all, "tables.1.table_type", knownvalue.StringExact("MANAGED")),
					expectAttr(all, "tables.1.data_location", knownvalue.StringExact("DLI")),
					env.EmulatorOnlyCheck(expectAttr(all, "tables.1.owner", knownvalue.StringExact("demo_user"))), // the emulator's user
					expectAttr(all, "tables.1.create_time", knownvalue.StringRegexp(regexpOf(`^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`))),
					expectAttr(all, "tables.1.location", knownvalue.Null()),
					expectAttr(all, "tables.2", knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"table_type": knownvalue.StringExact("EXTERNAL"), "data_location": knownvalue.StringExact("OBS"),
						"data_type": knownvalue.StringExact("csv"), "location": knownvalue.StringExact("obs://acc-bucket/orders"),
						"partition_columns": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("dt")}),
					})),
					expectAttr(ds("obs"), "tables", names("orders_obs")),
					expectAttr(ds("by_keyword"), "tables", names("big_orders")),
					expectAttr(ds("orders"), "tables", names("orders", "orders_obs")),
					expectAttr(ds("orders"), "tables.0.columns", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"name": knownvalue.StringExact("id"), "type": knownvalue.StringExact("bigint"),
							"description": knownvalue.StringExact("order id"), "is_partition": knownvalue.Bool(false),
						}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"name": knownvalue.StringExact("dt"), "type": knownvalue.StringExact("string"),
							"description": knownvalue.Null(), "is_partition": knownvalue.Bool(true),
						}),
					})),
					expectAttr(ds("orders"), "tables.1.columns", knownvalue.ListSizeExact(2)),
				},
			},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check: resource.ComposeTestCheckFunc(
					env.CheckRequests("ListTables", 1, 1),
					env.CheckRequests("ListDatabases", 1, 1),
					env.CheckRequests("ShowTable", 3+2, 3+2),
				),
			},
			{
				// A database that does not exist is an error, not an empty list.
				Config:      env.Config(tablesResources(database) + fmt.Sprintf(`data "huaweidata_dli_tables" "missing" { database_name = %q }`, nowhere)),
				ExpectError: regexpOf(`(?s)Listing the tables of DLI database ` + nowhere + ` failed.*ListTables.*HTTP\s+\d+.*error_code\s+DLI\.\d+`),
			},
		},
	})
}

func TestAccDLITables_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad database name": {
			Config: `data "huaweidata_dli_tables" "test" { database_name = "Acc-DB" }`,
			Want:   `(?s)Invalid name.*database_name "Acc-DB".*a database name must be`,
		},
		"leading underscore": {
			Config: `data "huaweidata_dli_tables" "test" { database_name = "_acc" }`,
			Want:   `(?s)Invalid name.*database_name "_acc"`,
		},
		"bad regex": {
			Config: `data "huaweidata_dli_tables" "test" {
  database_name = "acc_catalog"
  name_regex    = "[a-"
}`,
			Want: `(?s)name_regex\s+must\s+be\s+a\s+regular\s+expression\s+in\s+RE2\s+syntax.*missing\s+closing\s+\]`,
		},
		"table type": {
			Config: `data "huaweidata_dli_tables" "test" {
  database_name = "acc_catalog"
  table_type    = "MANAGED_TABLE"
}`,
			Want: `(?s)Attribute\s+table_type\s+value\s+must\s+be\s+one\s+of.*"MANAGED"`,
		},
	})
}
