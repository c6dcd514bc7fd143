package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

const databasesAddr = "data.huaweidata_dli_databases.test"

// databasesResources are three databases for the list data source to find.
const databasesResources = `
resource "huaweidata_dli_database" "sales" {
  name        = "acc_sales"
  description = "sales data"
  tags        = { team = "sales" }
}

resource "huaweidata_dli_database" "sales_eu" {
  name  = "acc_sales_eu"
  owner = "analyst"
}

resource "huaweidata_dli_database" "hr" {
  name = "acc_hr"
}

# Read in the same apply, right after the creates.
data "huaweidata_dli_databases" "fresh" {
  name_regex = "^acc_"
  depends_on = [huaweidata_dli_database.sales, huaweidata_dli_database.sales_eu, huaweidata_dli_database.hr]
}
`

const databasesQueries = `
data "huaweidata_dli_databases" "test" {}

data "huaweidata_dli_databases" "by_regex" {
  name_regex = "^acc_sales"
}

data "huaweidata_dli_databases" "by_keyword" {
  keyword = "SALES_"
}

data "huaweidata_dli_databases" "by_owner" {
  name_regex = "^acc_"
  owner      = "demo_user"
}

data "huaweidata_dli_databases" "by_tags" {
  tags = { team = "sales" }
}

data "huaweidata_dli_databases" "none" {
  name_regex = "^acc_"
  owner      = "nobody"
}
`

func names(ns ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ns))
	for i, n := range ns {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(n)})
	}
	return knownvalue.ListExact(checks)
}

// TestAccDLIDatabases_filtersAndOneListing: the data source lists every database, sorted by
// name, with each filter; a refresh of three databases and six data sources costs one shared
// listing, plus one for the tags filter, which only the API can apply. Read in the apply
// that creates the databases, it lists them all.
func TestAccDLIDatabases_filtersAndOneListing(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	ds := func(name string) string { return "data.huaweidata_dli_databases." + name }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				// The databases are created with the emulator's consistency delay: the data
				// source read right after them waits until they are listed.
				Config:            env.Config(databasesResources),
				ConfigStateChecks: []statecheck.StateCheck{expectAttr(ds("fresh"), "databases", names("acc_hr", "acc_sales", "acc_sales_eu"))},
			},
			{
				Config: env.Config(databasesResources + databasesQueries),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(databasesAddr, "databases", containsObject(map[string]knownvalue.Check{
						"name": knownvalue.StringExact("acc_sales"), "description": knownvalue.StringExact("sales data"),
						"owner": knownvalue.StringExact("demo_user"), "enterprise_project_id": knownvalue.StringExact("0"),
						"table_count": knownvalue.Int64Exact(0),
					})),
					expectAttr(databasesAddr, "databases", containsObject(map[string]knownvalue.Check{
						"name": knownvalue.StringExact("acc_hr"), "description": knownvalue.Null(),
					})),
					expectAttr(ds("by_regex"), "databases", names("acc_sales", "acc_sales_eu")),
					expectAttr(ds("by_regex"), "databases.1.owner", knownvalue.StringExact("analyst")),
					expectAttr(ds("by_keyword"), "databases", names("acc_sales_eu")),
					expectAttr(ds("by_owner"), "databases", names("acc_hr", "acc_sales")),
					expectAttr(ds("by_tags"), "databases", names("acc_sales")),
					expectAttr(ds("none"), "databases", knownvalue.ListSizeExact(0)),
					expectAttr(ds("none"), "id", knownvalue.StringRegexp(regexpOf(`^[0-9a-f]{16}$`))),
				},
			},
			{
				PreConfig:    env.Emulator.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListDatabases", 2, 2),
			},
		},
	})
}

func TestAccDLIDatabases_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad regex": {
			Config: `data "huaweidata_dli_databases" "test" { name_regex = "(acc" }`,
			Want:   `(?s)Invalid regular expression.*name_regex\s+must\s+be\s+a\s+regular\s+expression\s+in\s+RE2\s+syntax.*missing\s+closing\s+\)`,
		},
		"look-ahead": {
			Config: `data "huaweidata_dli_databases" "test" { name_regex = "acc(?!_hr)" }`,
			Want:   `(?s)name_regex\s+must\s+be\s+a\s+regular\s+expression\s+in\s+RE2\s+syntax.*invalid\s+or\s+unsupported\s+Perl\s+syntax`,
		},
		"blank keyword": {Config: `data "huaweidata_dli_databases" "test" { keyword = " " }`, Want: `Attribute\s+keyword\s+must\s+not\s+be\s+blank`},
		"empty owner":   {Config: `data "huaweidata_dli_databases" "test" { owner = "" }`, Want: `Attribute\s+owner\s+string\s+length\s+must\s+be\s+at\s+least\s+1`},
		"empty tags":    {Config: `data "huaweidata_dli_databases" "test" { tags = {} }`, Want: `Attribute\s+tags\s+map\s+must\s+contain\s+at\s+least\s+1`},
	})
}
