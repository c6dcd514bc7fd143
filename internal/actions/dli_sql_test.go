package actions_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// sqlWorld is an SQL queue and a database that is dropped with its tables on destroy.
func sqlWorld(queue, database string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "sql" {
  name     = %q
  cu_count = 16
}

resource "huaweidata_dli_database" "db" {
  name          = %q
  force_destroy = true
}
`, queue, database)
}

// sqlAction invokes huaweidata_dli_sql with statement after the queue and database exist.
func sqlAction(name, statement string) string {
	return invokedOnCreate("huaweidata_dli_sql", name, "[huaweidata_dli_queue.sql.id, huaweidata_dli_database.db.id]", fmt.Sprintf(`
    queue_name    = huaweidata_dli_queue.sql.name
    database_name = huaweidata_dli_database.db.name
    sql           = %q`, statement))
}

// The statement runs on the queue (the table it creates exists) and the
// invocation waits for it; a statement DLI rejects fails the apply with DLI's message.
func TestAccActionDLISQL(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue, database := env.Name("sql"), env.Name("db")
	world := sqlWorld(queue, database)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   needsActions,
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(lines(world, sqlAction("create", "CREATE TABLE from_action (id INT, name STRING) USING parquet"))),
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("CreateSqlJob", 1, 1),
					acctest.CheckAPI(func(ctx context.Context) error {
						c := env.Client(t)
						err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) error {
							_, err := c.GetTableListing(ctx, database, "from_action")
							return err
						})
						if err != nil {
							return fmt.Errorf("the statement's table %s.from_action: %w", database, err)
						}
						return nil
					}),
				},
			},
			{
				Config: env.Config(lines(world, sqlAction("create", "CREATE TABLE from_action (id INT, name STRING) USING parquet"),
					sqlAction("broken", "CREATE TABLE (id INT"))),
				ExpectError: regexp.MustCompile(`(?s)Running an SQL statement on DLI queue\s+` + regexp.QuoteMeta(queue) + `.*DLI\.\d+`),
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
