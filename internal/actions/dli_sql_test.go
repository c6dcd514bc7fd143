package actions_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// sqlWorld is an SQL queue and a database that is dropped with its tables on destroy.
const sqlWorld = `
resource "huaweidata_dli_queue" "sql" {
  name     = "acc_action_sql"
  cu_count = 16
}

resource "huaweidata_dli_database" "db" {
  name          = "acc_action_db"
  force_destroy = true
}
`

// sqlAction invokes huaweidata_dli_sql with statement after the queue and database exist.
func sqlAction(name, statement string) string {
	return invokedOnCreate("huaweidata_dli_sql", name, "[huaweidata_dli_queue.sql.id, huaweidata_dli_database.db.id]", fmt.Sprintf(`
    queue_name    = huaweidata_dli_queue.sql.name
    database_name = huaweidata_dli_database.db.name
    sql           = %q`, statement))
}

// The statement runs on the queue (the table it creates exists in the emulator) and the
// invocation waits for it; a statement DLI rejects fails the apply with DLI's message.
func TestAccActionDLISQL(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   needsActions,
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(lines(sqlWorld, sqlAction("create", "CREATE TABLE from_action (id INT, name STRING) USING parquet"))),
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("CreateSqlJob", 1, 1),
					acctest.CheckAPI(checkInventory(env, func(inv emulator.ProjectInventory) error {
						for _, tb := range inv.Tables {
							if tb.Database == "acc_action_db" && tb.Name == "from_action" {
								return nil
							}
						}
						return fmt.Errorf("the statement's table acc_action_db.from_action is not in the emulator: %+v", inv.Tables)
					})),
				},
			},
			{
				Config: env.Config(lines(sqlWorld, sqlAction("create", "CREATE TABLE from_action (id INT, name STRING) USING parquet"),
					sqlAction("broken", "CREATE TABLE (id INT"))),
				ExpectError: regexp.MustCompile(`(?s)Running an SQL statement on DLI queue\s+acc_action_sql.*DLI\.\d+`),
			},
		},
	})
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"blank sql": {Config: invokedOnCreate("huaweidata_dli_sql", "x", "null", `
    queue_name = "q1"
    sql        = "   "`), Want: `(?s)sql.*must not be blank`},
		"bad queue name": {Config: invokedOnCreate("huaweidata_dli_sql", "x", "null", `
    queue_name = "Bad-Queue"
    sql        = "SELECT 1"`), Want: `(?s)queue_name`},
		"missing sql": {Config: invokedOnCreate("huaweidata_dli_sql", "x", "null", `
    queue_name = "q1"`), Want: `(?s)"sql" is required`},
		"bad timeout": {Config: invokedOnCreate("huaweidata_dli_sql", "x", "null", `
    queue_name = "q1"
    sql        = "SELECT 1"
    timeout    = "soon"`), Want: `(?s)timeout.*(duration|Duration)`},
	})
}
