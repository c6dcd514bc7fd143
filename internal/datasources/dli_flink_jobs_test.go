package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// flinkJobsFixture is two SQL jobs (one tagged) and a Jar job on a queue, all stopped. The
// tag's value is the test's own (team), so that the tags filter keeps one job on a shared
// account too.
func flinkJobsFixture(queue, sqlA, sqlB, jarC, team string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "q" {
  name       = %[1]q
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_flink_sql_job" "a" {
  name          = %[2]q
  sql           = "INSERT INTO sink SELECT * FROM source"
  desired_state = "stopped"
  tags          = { team = %[5]q }
}

resource "huaweidata_dli_flink_sql_job" "b" {
  name          = %[3]q
  sql           = "INSERT INTO sink SELECT * FROM source"
  desired_state = "stopped"
}

resource "huaweidata_dli_flink_jar_job" "c" {
  name          = %[4]q
  queue_name    = huaweidata_dli_queue.q.name
  entrypoint    = "acc_group/stream.jar"
  desired_state = "stopped"
}
`, queue, sqlA, sqlB, jarC, team)
}

func flinkJobsQueries(queue, sqlB, team string) string {
	return fmt.Sprintf(`
data "huaweidata_dli_flink_jobs" "all" {
  depends_on = [huaweidata_dli_flink_sql_job.a, huaweidata_dli_flink_sql_job.b, huaweidata_dli_flink_jar_job.c]
}

data "huaweidata_dli_flink_jobs" "jar" {
  job_type   = "flink_jar_job"
  queue_name = %[1]q
  depends_on = [huaweidata_dli_flink_jar_job.c]
}

data "huaweidata_dli_flink_jobs" "tagged" {
  tags       = { team = %[3]q }
  status     = "job_init"
  depends_on = [huaweidata_dli_flink_sql_job.a]
}

data "huaweidata_dli_flink_jobs" "named" {
  name       = %[2]q
  depends_on = [huaweidata_dli_flink_sql_job.b]
}

data "huaweidata_dli_flink_jobs" "long_ago" {
  created_after  = "2000-01-01T00:00:00Z"
  created_before = "2000-01-02T00:00:00Z"
  depends_on     = [huaweidata_dli_flink_sql_job.a, huaweidata_dli_flink_sql_job.b, huaweidata_dli_flink_jar_job.c]
}
`, queue, sqlB, team)
}

// On a shared account the unfiltered list holds other tests' jobs too: its size is checked
// against the emulator only, and everywhere that it holds the test's three jobs.
func TestAccDLIFlinkJobs_filters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue, sqlA, sqlB, jarC, team := env.Name("jobs_q"), env.Name("sql_a"), env.Name("sql_b"), env.Name("jar_c"), env.Name("data")
	config := env.Config(flinkJobsFixture(queue, sqlA, sqlB, jarC, team) + flinkJobsQueries(queue, sqlB, team))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("data.huaweidata_dli_flink_jobs.all", "jobs", includes(sqlA, sqlB, jarC)),
					env.EmulatorOnlyCheck(expectAttr("data.huaweidata_dli_flink_jobs.all", "jobs", knownvalue.ListSizeExact(3))),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs", knownvalue.ListSizeExact(1)),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs.0.name", knownvalue.StringExact(jarC)),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs.0.job_type", knownvalue.StringExact("flink_jar_job")),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs.0.queue_name", knownvalue.StringExact(queue)),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs.0.start_time", knownvalue.Null()),
					expectAttr("data.huaweidata_dli_flink_jobs.tagged", "jobs", knownvalue.ListSizeExact(1)),
					expectAttr("data.huaweidata_dli_flink_jobs.tagged", "jobs.0.name", knownvalue.StringExact(sqlA)),
					expectAttr("data.huaweidata_dli_flink_jobs.named", "jobs", knownvalue.ListSizeExact(1)),
					expectAttr("data.huaweidata_dli_flink_jobs.named", "jobs.0.status", knownvalue.StringExact("job_init")),
					expectAttr("data.huaweidata_dli_flink_jobs.long_ago", "jobs", knownvalue.ListSizeExact(0)),
				},
			},
			{
				// Each data source reads one list; the resources' refresh reads no list.
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListFlinkJobs", 5, 5),
			},
		},
	})
}

func TestAccDLIFlinkJobs_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad status": {Config: `data "huaweidata_dli_flink_jobs" "x" { status = "running" }`, Want: `(?s)status value must be one of`},
		"bad type":   {Config: `data "huaweidata_dli_flink_jobs" "x" { job_type = "spark" }`, Want: `(?s)job_type value must be one of`},
		"window": {Config: `data "huaweidata_dli_flink_jobs" "x" {
  created_after  = "2026-01-02T00:00:00Z"
  created_before = "2026-01-01T00:00:00Z"
}`, Want: `(?s)created_before`},
	})
}
