package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const sqlJobAddr = "huaweidata_dli_sql_job.test"

// sqlJobNames are the names sqlJobConfig gives the test's database, queue and table.
func sqlJobNames(env *acctest.Env) (database, queue, table string) {
	return env.Name("sqljobs"), env.Name("sqljobs"), env.Name("sales")
}

// sqlJobCatalog is a database with a table of two columns and an SQL queue.
func sqlJobCatalog(env *acctest.Env) string {
	database, queue, table := sqlJobNames(env)
	return fmt.Sprintf(`
resource "huaweidata_dli_database" "db" {
  name          = %q
  force_destroy = true
}

resource "huaweidata_dli_queue" "sql" {
  name     = %q
  cu_count = 16
}

resource "huaweidata_dli_table" "sales" {
  database_name       = huaweidata_dli_database.db.name
  name                = %q
  data_location       = "DLI"
  deletion_protection = false
  columns = [
    { name = "id", type = "int" },
    { name = "region", type = "string" },
  ]
}
`, database, queue, table)
}

// sqlJobConfig is the catalog plus an SQL job with the given body.
func sqlJobConfig(env *acctest.Env, body string) string {
	return sqlJobCatalog(env) + fmt.Sprintf(`
resource "huaweidata_dli_sql_job" "test" {
  queue_name    = huaweidata_dli_queue.sql.name
  database_name = huaweidata_dli_database.db.name
%s
  depends_on = [huaweidata_dli_table.sales]
}
`, body)
}

// sqlJobOnDefaultQueue is an SQL job on the default queue, without other resources.
func sqlJobOnDefaultQueue(sql string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_sql_job" "test" {
  sql = %q
}
`, sql)
}

func expectSQLJob(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(sqlJobAddr, tfjsonpath.New(attr), v)
}

func TestAccDLISQLJob_queryImportUpdateRerun(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	_, queue, table := sqlJobNames(env)
	sameRun := statecheck.CompareValue(compare.ValuesSame())
	newRun := statecheck.CompareValue(compare.ValuesDiffer())
	body := func(previewRows int, run string) string {
		return fmt.Sprintf(`
  sql           = "select id, region as r, 7 from %s limit 2"
  conf          = { "spark.sql.shuffle.partitions" = "8" }
  tags          = { team = "data" }
  preview_rows  = %d
  triggers      = { run = %q }
`, table, previewRows, run)
	}
	previewOf := func(rows ...[]string) knownvalue.Check {
		lists := make([]knownvalue.Check, len(rows))
		for i, r := range rows {
			cells := make([]knownvalue.Check, len(r))
			for j, c := range r {
				cells[j] = knownvalue.StringExact(c)
			}
			lists[i] = knownvalue.ListExact(cells)
		}
		col := func(name, typ string) knownvalue.Check {
			return knownvalue.ObjectExact(map[string]knownvalue.Check{"name": knownvalue.StringExact(name), "type": knownvalue.StringExact(typ)})
		}
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"columns": knownvalue.ListExact([]knownvalue.Check{col("id", "int"), col("r", "string"), col("7", "int")}),
			"rows":    knownvalue.ListExact(lists),
		})
	}
	// The jobs tagged team=data: against the emulator every one of them, against a real
	// account (shared with other tests) those on the test's queue.
	filter := client.SQLJobFilter{Tags: "team=data", Queue: queue}
	env.WithEmulator(func(*emulator.Emulator) { filter.Queue = "" })
	jobInEmulator := acctest.CheckAPI(func(ctx context.Context) error {
		jobs, err := env.Client(t).ListSQLJobs(ctx, filter)
		if err != nil {
			return err
		}
		for _, j := range jobs {
			if j.Status != "FINISHED" || j.QueueName != queue || j.UserTags()["team"] != "data" {
				return fmt.Errorf("job in the emulator: %+v", j)
			}
		}
		return nil
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(acctest.CheckNothingLeft(env), env.CheckRequests("CancelSqlJob", 0, 0)),
		Steps: []resource.TestStep{
			{
				Config: env.Config(sqlJobConfig(env, body(10, "1"))),
				ConfigStateChecks: []statecheck.StateCheck{
					sameRun.AddStateValue(sqlJobAddr, tfjsonpath.New("id")),
					newRun.AddStateValue(sqlJobAddr, tfjsonpath.New("id")),
					expectSQLJob("status", knownvalue.StringExact("FINISHED")),
					expectSQLJob("job_type", knownvalue.StringExact("QUERY")),
					expectSQLJob("message", knownvalue.StringExact("")),
					expectSQLJob("result_count", knownvalue.Int64Exact(2)),
					expectSQLJob("end_time", knownvalue.NotNull()),
					expectSQLJob("result_preview", previewOf([]string{"1", "region_1", "7"}, []string{"2", "region_2", "7"})),
					jobInEmulator,
					// The statement was checked at plan time: once per plan of the create.
					env.ExpectRequests("CheckSql", 1, 2),
					env.ExpectRequests("PreviewSqlJobResult", 1, 1),
				},
			},
			{
				ResourceName:            sqlJobAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts", "triggers", "triggers.%", "triggers.run", "conf", "conf.%", "conf.spark.sql.shuffle.partitions", "preview_rows"},
			},
			{
				ResourceName:  sqlJobAddr,
				ImportState:   true,
				ImportStateId: "not-a-job-id",
				ExpectError:   regexp.MustCompile(`Invalid import id[\s\S]*UUID`),
			},
			{
				// preview_rows is a setting: updated in place, the preview read again; the
				// refresh of a finished job costs one status call and no preview.
				PreConfig: env.ResetCounts,
				Config:    env.Config(sqlJobConfig(env, body(1, "1"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sqlJobAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameRun.AddStateValue(sqlJobAddr, tfjsonpath.New("id")),
					expectSQLJob("result_preview", previewOf([]string{"1", "region_1", "7"})),
					env.ExpectRequests("PreviewSqlJobResult", 1, 1),
					env.ExpectRequests("CheckSql", 0, 0),
					env.ExpectRequests("CreateSqlJob", 0, 0),
				},
			},
			{
				// A triggers change runs the job again, with a plan warning (see the unit test).
				Config: env.Config(sqlJobConfig(env, body(1, "2"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sqlJobAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					newRun.AddStateValue(sqlJobAddr, tfjsonpath.New("id")),
					expectSQLJob("status", knownvalue.StringExact("FINISHED")),
					env.ExpectRequests("CreateSqlJob", 1, 1),
				},
			},
		},
	})
}

// A job that ends FAILED fails the apply with DLI's message and stays in state tainted; the
// next apply runs it again. A syntax error fails the plan through check-sql, before any job.
// Against a real account only the syntax error is checked: the failure is injected (its
// steps are added only against the emulator).
func TestAccDLISQLJob_failedAndSyntaxError(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	_, _, table := sqlJobNames(env)
	backfill := fmt.Sprintf(`
  sql      = "INSERT OVERWRITE TABLE %s SELECT 1, 'backfill'"
  wait_for = "completed"
`, table)
	steps := []resource.TestStep{{
		Config:      env.Config(sqlJobConfig(env, `  sql = "select 1 frm x"`)),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`Invalid SQL[\s\S]*CheckSql[\s\S]*DLI\.0004[\s\S]*near 'x'`),
	}}
	env.WithEmulator(func(emu *emulator.Emulator) {
		steps = append(steps, []resource.TestStep{
			{
				PreConfig:   func() { emu.FailSQLJobs("backfill", "java.lang.OutOfMemoryError: Java heap space") },
				Config:      env.Config(sqlJobConfig(env, backfill)),
				ExpectError: regexp.MustCompile(`SQL job \S+ ended FAILED[\s\S]*OutOfMemoryError: Java heap space[\s\S]*tainted`),
			},
			{
				PreConfig: func() { emu.FailSQLJobs("", "") },
				Config:    env.Config(sqlJobConfig(env, backfill)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sqlJobAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectSQLJob("status", knownvalue.StringExact("FINISHED")),
					expectSQLJob("job_type", knownvalue.StringExact("INSERT")),
					expectSQLJob("result_preview", knownvalue.Null()),
				},
			},
		}...)
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps:                    steps,
	})
}

// wait_for = "submitted" returns at once; the default queue is used without queue_name.
func TestAccDLISQLJob_submittedOnDefaultQueue(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "huaweidata_dli_sql_job" "test" {
  sql      = "select 'hello' as greeting"
  wait_for = "submitted"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectSQLJob("queue_name", knownvalue.StringExact("default")),
				expectSQLJob("database_name", knownvalue.Null()),
				expectSQLJob("status", knownvalue.StringRegexp(regexp.MustCompile(`^(LAUNCHING|RUNNING|FINISHED)$`))),
			},
		}},
	})
}

func TestAccDLISQLJob_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	job := func(body string) string {
		return `resource "huaweidata_dli_sql_job" "test" {` + "\n" + body + "\n}\n"
	}
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"blank sql":        {Config: job(`sql = "   "`), Want: `sql`},
		"empty sql":        {Config: job(`sql = ""`), Want: `sql[\s\S]*at least 1`},
		"bad queue":        {Config: job(`sql = "select 1"` + "\n" + `queue_name = "_q"`), Want: `queue_name`},
		"uppercase db":     {Config: job(`sql = "select 1"` + "\n" + `database_name = "Sales"`), Want: `database_name[\s\S]*lowercase`},
		"bad wait_for":     {Config: job(`sql = "select 1"` + "\n" + `wait_for = "running"`), Want: `wait_for[\s\S]*submitted`},
		"too many preview": {Config: job(`sql = "select 1"` + "\n" + `preview_rows = 101`), Want: `preview_rows[\s\S]*between 0 and 100`},
		"bad conf key":     {Config: job(`sql = "select 1"` + "\n" + `conf = { "bad key" = "1" }`), Want: `conf[\s\S]*configuration key`},
		"reserved tag":     {Config: job(`sql = "select 1"` + "\n" + `tags = { terraform_request = "x" }`), Want: `tags[\s\S]*terraform_request`},
	})
}

// Destroying a job that still runs cancels it (cancel_on_destroy, the default) and waits
// until it has ended; with cancel_on_destroy = false it is left running.
func TestAccDLISQLJob_destroyWhileRunning(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the SQL job run time: the jobs still run when destroyed")
	env.Emulator.SetSQLJobRunTime(1000 * time.Hour)
	var cancelled, kept string
	job := func(name, sql, extra string) string {
		return fmt.Sprintf(`
resource "huaweidata_dli_sql_job" %q {
  sql      = %q
  wait_for = "submitted"
%s
}
`, name, sql, extra)
	}
	cfg := env.Config(job("cancelled", "select 'long' as backfill", "") + job("kept", "select 'kept' as backfill", "  cancel_on_destroy = false"))
	statusOf := func(id *string, want string) statecheck.StateCheck {
		return acctest.CheckAPI(func(ctx context.Context) error {
			st, err := env.Client(t).ShowSQLJobStatus(ctx, *id)
			if err != nil {
				return err
			}
			if st.Status != want {
				return fmt.Errorf("job %s is %s, want %s", *id, st.Status, want)
			}
			return nil
		})
	}
	capture := func(addr string, id *string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error { *id = v; return nil }))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					capture("huaweidata_dli_sql_job.cancelled", &cancelled),
					capture("huaweidata_dli_sql_job.kept", &kept),
					statecheck.ExpectKnownValue("huaweidata_dli_sql_job.cancelled", tfjsonpath.New("status"), knownvalue.StringRegexp(regexp.MustCompile(`^(LAUNCHING|RUNNING)$`))),
				},
			},
			{
				Config:  cfg,
				Destroy: true,
				ConfigStateChecks: []statecheck.StateCheck{
					statusOf(&cancelled, "CANCELLED"),
					statusOf(&kept, "RUNNING"),
					env.ExpectRequests("CancelSqlJob", 1, 1),
					// Clean up the job left running on purpose.
					acctest.CheckAPI(func(ctx context.Context) error { return env.Client(t).CancelSQLJob(ctx, kept) }),
				},
			},
		},
	})
}

// A job imported by id: DLI does not return conf or triggers, so the first apply records them
// in place instead of running the job again; later changes do run it again.
func TestAccDLISQLJob_importedThenApplied(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	var id string
	cfg := func(run string) string {
		return env.Config(fmt.Sprintf(`
resource "huaweidata_dli_sql_job" "test" {
  sql      = "select 'imported' as origin"
  conf     = { "spark.sql.shuffle.partitions" = "8" }
  tags     = { team = "data" }
  triggers = { run = %q }
}
`, run))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					c := env.Client(t)
					job, err := c.SubmitSQL(context.Background(), client.SQLJobSpec{
						SQL: "select 'imported' as origin", Conf: []string{"spark.sql.shuffle.partitions=8"}, Tags: map[string]string{"team": "data"}})
					if err == nil {
						err = c.WaitForSQLJob(context.Background(), job.JobID) // finished and visible
					}
					if err != nil {
						t.Fatal(err)
					}
					id = job.JobID
				},
				Config:             cfg("1"),
				ResourceName:       sqlJobAddr,
				ImportState:        true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
				ImportStatePersist: true,
			},
			{
				Config: cfg("1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sqlJobAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectSQLJob("queue_name", knownvalue.StringExact("default")),
					expectSQLJob("tags", knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("data")})),
					expectSQLJob("result_preview", knownvalue.NotNull()),
					env.ExpectRequests("CreateSqlJob", 1, 1), // only the job submitted above
				},
			},
			{
				Config: cfg("2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sqlJobAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{env.ExpectRequests("CreateSqlJob", 2, 2)},
			},
		},
	})
}
