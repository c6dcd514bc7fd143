package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

func globalVariablesResources(region, secret, zone string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_global_variable" "region" {
  name  = %q
  value = "eu-west-101"
}

resource "huaweidata_dli_global_variable" "secret" {
  name         = %q
  value        = "s3cret"
  is_sensitive = true
}

resource "huaweidata_dli_global_variable" "zone" {
  name  = %q
  value = "az1"
}

# Read in the same apply, right after the creates.
data "huaweidata_dli_global_variables" "fresh" {
  depends_on = [huaweidata_dli_global_variable.region, huaweidata_dli_global_variable.secret, huaweidata_dli_global_variable.zone]
}
`, region, secret, zone)
}

func globalVariablesQueries(prefix string) string {
	return fmt.Sprintf(`
data "huaweidata_dli_global_variables" "test" {}

data "huaweidata_dli_global_variables" "by_regex" {
  name_regex = "^%s(region|secret)$"
}
`, prefix)
}

// TestAccDLIGlobalVariables_namesNeverValues: every variable, sorted by name, with its
// sensitivity and times and nothing else (no value, sensitive or not); a refresh of three
// variables and two data sources costs one shared listing. On a shared account the
// unfiltered lists hold other tests' variables too: that they are exactly the test's is
// checked against the emulator only, and everywhere that they hold the test's.
func TestAccDLIGlobalVariables_namesNeverValues(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	region, secret, zone := env.Name("region"), env.Name("secret"), env.Name("zone")
	resources := globalVariablesResources(region, secret, zone)
	const all, byRegex = "data.huaweidata_dli_global_variables.test", "data.huaweidata_dli_global_variables.by_regex"
	rfc3339 := knownvalue.StringRegexp(regexpOf(`^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`))
	variable := func(name string, sensitive bool) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{ // exact: no value attribute
			"name": knownvalue.StringExact(name), "is_sensitive": knownvalue.Bool(sensitive),
			"create_time": rfc3339, "update_time": rfc3339,
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				// Created with the emulator's consistency delay: the data source read right
				// after them waits until they are listed.
				Config: env.Config(resources),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("data.huaweidata_dli_global_variables.fresh", "variables", includes(region, secret, zone)),
					env.EmulatorOnlyCheck(expectAttr("data.huaweidata_dli_global_variables.fresh", "variables", names(region, secret, zone))),
				},
			},
			{
				Config: env.Config(resources + globalVariablesQueries(env.Prefix())),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(all, "variables", knownvalue.SetPartial([]knownvalue.Check{
						variable(region, false), variable(secret, true), variable(zone, false),
					})),
					env.EmulatorOnlyCheck(expectAttr(all, "variables", knownvalue.ListExact([]knownvalue.Check{
						variable(region, false), variable(secret, true), variable(zone, false),
					}))),
					expectAttr(byRegex, "variables", names(region, secret)),
				},
			},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListGlobalVariables", 1, 1),
			},
		},
	})
}

func TestAccDLIGlobalVariables_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad regex": {
			Config: `data "huaweidata_dli_global_variables" "test" { name_regex = "a{2,1}" }`,
			Want:   `(?s)name_regex\s+must\s+be\s+a\s+regular\s+expression\s+in\s+RE2\s+syntax.*invalid\s+repeat\s+count`,
		},
	})
}
