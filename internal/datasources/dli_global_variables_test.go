package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

const globalVariablesResources = `
resource "huaweidata_dli_global_variable" "region" {
  name  = "acc_region"
  value = "eu-west-101"
}

resource "huaweidata_dli_global_variable" "secret" {
  name         = "acc_secret"
  value        = "s3cret"
  is_sensitive = true
}

resource "huaweidata_dli_global_variable" "zone" {
  name  = "acc_zone"
  value = "az1"
}

# Read in the same apply, right after the creates.
data "huaweidata_dli_global_variables" "fresh" {
  depends_on = [huaweidata_dli_global_variable.region, huaweidata_dli_global_variable.secret, huaweidata_dli_global_variable.zone]
}
`

const globalVariablesQueries = `
data "huaweidata_dli_global_variables" "test" {}

data "huaweidata_dli_global_variables" "by_regex" {
  name_regex = "^acc_(region|secret)$"
}
`

// TestAccDLIGlobalVariables_namesNeverValues: every variable, sorted by name, with its
// sensitivity and times and nothing else (no value, sensitive or not); a refresh of three
// variables and two data sources costs one shared listing.
func TestAccDLIGlobalVariables_namesNeverValues(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
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
				Config: env.Config(globalVariablesResources),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("data.huaweidata_dli_global_variables.fresh", "variables", names("acc_region", "acc_secret", "acc_zone")),
				},
			},
			{
				Config: env.Config(globalVariablesResources + globalVariablesQueries),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr(all, "variables", knownvalue.ListExact([]knownvalue.Check{
						variable("acc_region", false), variable("acc_secret", true), variable("acc_zone", false),
					})),
					expectAttr(byRegex, "variables", names("acc_region", "acc_secret")),
				},
			},
			{
				PreConfig:    env.Emulator.ResetCounts,
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
