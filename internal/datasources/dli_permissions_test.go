package datasources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// permissionsConfig is a table with grants to two users on it and on a column, and the
// data source over the table, the column and the built-in database.
func permissionsConfig(database string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "perm" {
  name          = %q
  force_destroy = true
}

resource "huaweidata_dli_table" "perm" {
  database_name       = huaweidata_dli_database.perm.name
  name                = "accounts"
  data_location       = "DLI"
  deletion_protection = false
  columns = [
    { name = "id", type = "bigint" },
    { name = "iban", type = "string" },
  ]
}

locals {
  table = "databases.${huaweidata_dli_database.perm.name}.tables.${huaweidata_dli_table.perm.name}"
}

resource "huaweidata_dli_permission" "analyst" {
  object     = local.table
  user_name  = "analyst"
  privileges = ["SELECT", "DESCRIBE_TABLE"]
}

resource "huaweidata_dli_permission" "auditor_column" {
  object     = "${local.table}.columns.iban"
  user_name  = "auditor"
  privileges = ["SELECT"]
}

data "huaweidata_dli_permissions" "table" {
  object     = local.table
  depends_on = [huaweidata_dli_permission.analyst, huaweidata_dli_permission.auditor_column]
}

data "huaweidata_dli_permissions" "column" {
  object     = "${local.table}.columns.iban"
  depends_on = [huaweidata_dli_permission.analyst, huaweidata_dli_permission.auditor_column]
}
`, database)
}

func TestAccDLIPermissions_tableAndColumn(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	database := env.Name("perm_db")
	const tableAddr, columnAddr = "data.huaweidata_dli_permissions.table", "data.huaweidata_dli_permissions.column"
	privileges := func(p ...string) knownvalue.Check {
		checks := []knownvalue.Check{}
		for _, s := range p {
			checks = append(checks, knownvalue.StringExact(s))
		}
		return knownvalue.SetExact(checks)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{{
			Config: env.Config(permissionsConfig(database)),
			ConfigStateChecks: []statecheck.StateCheck{
				// The owner first (ALL), then the analyst; the column grant is not the table's.
				expectAttr(tableAddr, "permissions", knownvalue.ListSizeExact(2)),
				expectAttr(tableAddr, "permissions.0.is_admin", knownvalue.Bool(true)),
				expectAttr(tableAddr, "permissions.0.privileges", privileges("ALL")),
				expectAttr(tableAddr, "permissions.1.user_name", knownvalue.StringExact("analyst")),
				expectAttr(tableAddr, "permissions.1.is_admin", knownvalue.Bool(false)),
				expectAttr(tableAddr, "permissions.1.privileges", privileges("SELECT", "DESCRIBE_TABLE")),
				expectAttr(columnAddr, "permissions", knownvalue.ListSizeExact(1)),
				expectAttr(columnAddr, "permissions.0.user_name", knownvalue.StringExact("auditor")),
				expectAttr(columnAddr, "permissions.0.privileges", privileges("SELECT")),
				expectAttr(columnAddr, "id", knownvalue.StringExact("databases."+database+".tables.accounts.columns.iban")),
			},
		}},
	})
}

func TestAccDLIPermissions_invalidObject(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(`data "huaweidata_dli_permissions" "x" { object = "databases.a.views.b" }`),
			ExpectError: regexp.MustCompile(`(?s)object.*is not a DLI object`),
		}},
	})
}
