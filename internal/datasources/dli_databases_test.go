package datasources_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

const databasesAddr = "data.huaweidata_dli_databases.test"

// databasesResources are three databases for the list data source to find; their names
// start with prefix.
func databasesResources(sales, salesEU, hr, prefix string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "sales" {
  name        = %[1]q
  description = "sales data"
  tags        = { team = "sales" }
}

resource "huaweidata_dli_database" "sales_eu" {
  name  = %[2]q
  owner = "analyst"
}

resource "huaweidata_dli_database" "hr" {
  name = %[3]q
}

# Read in the same apply, right after the creates.
data "huaweidata_dli_databases" "fresh" {
  name_regex = "^%[4]s"
  depends_on = [huaweidata_dli_database.sales, huaweidata_dli_database.sales_eu, huaweidata_dli_database.hr]
}
`, sales, salesEU, hr, prefix)
}

// databasesQueries are the list with each filter. All but the unfiltered one are kept to
// the test's names (the prefix): on a shared account other tests' databases are listed
// too. The keyword is the upper-cased prefix and "sales_": still a case-insensitive
// substring that leaves out the sales database.
func databasesQueries(prefix string) string {
	return fmt.Sprintf(`
data "huaweidata_dli_databases" "test" {}

data "huaweidata_dli_databases" "by_regex" {
  name_regex = "^%[1]ssales"
}

data "huaweidata_dli_databases" "by_keyword" {
  keyword = %[2]q
}

data "huaweidata_dli_databases" "by_owner" {
  name_regex = "^%[1]s"
  owner      = "demo_user"
}

data "huaweidata_dli_databases" "by_tags" {
  tags       = { team = "sales" }
  name_regex = "^%[1]s"
}

data "huaweidata_dli_databases" "none" {
  name_regex = "^%[1]s"
  owner      = "nobody"
}
`, prefix, strings.ToUpper(prefix+"sales_"))
}

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
	prefix := env.Prefix()
	sales, salesEU, hr := env.Name("sales"), env.Name("sales_eu"), env.Name("hr")
	resources := databasesResources(sales, salesEU, hr, prefix)
	ds := func(name string) string { return "data.huaweidata_dli_databases." + name }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				// The databases are created with the emulator's consistency delay: the data
				// source read right after them waits until they are listed.
				Config:            env.Config(resources),
				ConfigStateChecks: []statecheck.StateCheck{expectAttr(ds("fresh"), "databases", names(hr, sales, salesEU))},
			},
			{
				Config: env.Config(resources + databasesQueries(prefix)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(databasesAddr, "databases", containsObject(map[string]knownvalue.Check{
						"name": knownvalue.StringExact(sales), "description": knownvalue.StringExact("sales data"),
						"enterprise_project_id": knownvalue.StringExact("0"), "table_count": knownvalue.Int64Exact(0),
					})),
					env.EmulatorOnlyCheck(expectAttr(databasesAddr, "databases", containsObject(map[string]knownvalue.Check{
						"name": knownvalue.StringExact(sales), "owner": knownvalue.StringExact("demo_user"), // the emulator's user
					}))),
					expectAttr(databasesAddr, "databases", containsObject(map[string]knownvalue.Check{
						"name": knownvalue.StringExact(hr), "description": knownvalue.Null(),
					})),
					expectAttr(ds("by_regex"), "databases", names(sales, salesEU)),
					expectAttr(ds("by_regex"), "databases.1.owner", knownvalue.StringExact("analyst")),
					expectAttr(ds("by_keyword"), "databases", names(salesEU)),
					env.EmulatorOnlyCheck(expectAttr(ds("by_owner"), "databases", names(hr, sales))), // owned by the emulator's user
					expectAttr(ds("by_tags"), "databases", names(sales)),
					expectAttr(ds("none"), "databases", knownvalue.ListSizeExact(0)),
					expectAttr(ds("none"), "id", knownvalue.StringRegexp(regexpOf(`^[0-9a-f]{16}$`))),
				},
			},
			{
				PreConfig:    env.ResetCounts,
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
