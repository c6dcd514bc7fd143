package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// flinkJobsFixture is two SQL jobs (one tagged) and a Jar job on a queue, all stopped.
const flinkJobsFixture = `
resource "huaweidata_dli_queue" "q" {
  name       = "acc_jobs_q"
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_flink_sql_job" "a" {
  name          = "acc_sql_a"
  sql           = "INSERT INTO sink SELECT * FROM source"
  desired_state = "stopped"
  tags          = { team = "data" }
}

resource "huaweidata_dli_flink_sql_job" "b" {
  name          = "acc_sql_b"
  sql           = "INSERT INTO sink SELECT * FROM source"
  desired_state = "stopped"
}

resource "huaweidata_dli_flink_jar_job" "c" {
  name          = "acc_jar_c"
  queue_name    = huaweidata_dli_queue.q.name
  entrypoint    = "acc_group/stream.jar"
  desired_state = "stopped"
}
`

const flinkJobsQueries = `
data "huaweidata_dli_flink_jobs" "all" {
  depends_on = [huaweidata_dli_flink_sql_job.a, huaweidata_dli_flink_sql_job.b, huaweidata_dli_flink_jar_job.c]
}

data "huaweidata_dli_flink_jobs" "jar" {
  job_type   = "flink_jar_job"
  queue_name = "acc_jobs_q"
  depends_on = [huaweidata_dli_flink_jar_job.c]
}

data "huaweidata_dli_flink_jobs" "tagged" {
  tags       = { team = "data" }
  status     = "job_init"
  depends_on = [huaweidata_dli_flink_sql_job.a]
}

data "huaweidata_dli_flink_jobs" "named" {
  name       = "acc_sql_b"
  depends_on = [huaweidata_dli_flink_sql_job.b]
}

data "huaweidata_dli_flink_jobs" "long_ago" {
  created_after  = "2000-01-01T00:00:00Z"
  created_before = "2000-01-02T00:00:00Z"
  depends_on     = [huaweidata_dli_flink_sql_job.a, huaweidata_dli_flink_sql_job.b, huaweidata_dli_flink_jar_job.c]
}
`

func TestAccDLIFlinkJobs_filters(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(flinkJobsFixture + flinkJobsQueries)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("data.huaweidata_dli_flink_jobs.all", "jobs", knownvalue.ListSizeExact(3)),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs", knownvalue.ListSizeExact(1)),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs.0.name", knownvalue.StringExact("acc_jar_c")),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs.0.job_type", knownvalue.StringExact("flink_jar_job")),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs.0.queue_name", knownvalue.StringExact("acc_jobs_q")),
					expectAttr("data.huaweidata_dli_flink_jobs.jar", "jobs.0.start_time", knownvalue.Null()),
					expectAttr("data.huaweidata_dli_flink_jobs.tagged", "jobs", knownvalue.ListSizeExact(1)),
					expectAttr("data.huaweidata_dli_flink_jobs.tagged", "jobs.0.name", knownvalue.StringExact("acc_sql_a")),
					expectAttr("data.huaweidata_dli_flink_jobs.named", "jobs", knownvalue.ListSizeExact(1)),
					expectAttr("data.huaweidata_dli_flink_jobs.named", "jobs.0.status", knownvalue.StringExact("job_init")),
					expectAttr("data.huaweidata_dli_flink_jobs.long_ago", "jobs", knownvalue.ListSizeExact(0)),
				},
			},
			{
				// Each data source reads one list; the resources' refresh reads no list.
				PreConfig:    env.Emulator.ResetCounts,
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
