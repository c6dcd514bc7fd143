package datasources_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// seedSQLJobs submits n queries on the default queue directly, tagged parity=even|odd, and
// one failing INSERT tagged parity=odd, team=etl.
func seedSQLJobs(t *testing.T, env *acctest.EmulatedEnv, n int) {
	t.Helper()
	ctx := context.Background()
	c := env.Client(t)
	env.Emulator.FailSQLJobs("acc_fail", "java.lang.OutOfMemoryError: Java heap space")
	for i := range n {
		parity := map[bool]string{true: "even", false: "odd"}[i%2 == 0]
		if _, err := c.SubmitSQL(ctx, client.SQLJobSpec{SQL: fmt.Sprintf("select %d as acc_seed", i), Tags: map[string]string{"parity": parity}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.SubmitSQL(ctx, client.SQLJobSpec{SQL: "INSERT INTO t SELECT 1 AS acc_fail", Tags: map[string]string{"parity": "odd", "team": "etl"}}); err != nil {
		t.Fatal(err)
	}
	env.Emulator.Advance(time.Minute) // every job has ended
}

// Emulator-only: the seeded INSERT is failed by the emulator (FailSQLJobs) and its clock
// ends every job; the filters match by text and tags that any earlier run on a real
// account would match too (SQL jobs stay in the history).
func TestAccDLISQLJobs_filtersAndPages(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "a job failed by the emulator and its clock")
	env.Emulator.SetFaults(emulator.Faults{}) // the seeded jobs are visible at once
	seedSQLJobs(t, env, 150)
	const all, failed, tagged = "data.huaweidata_dli_sql_jobs.all", "data.huaweidata_dli_sql_jobs.failed", "data.huaweidata_dli_sql_jobs.tagged"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			PreConfig: env.ResetCounts,
			Config: env.Config(`
data "huaweidata_dli_sql_jobs" "all" {
  sql_contains  = "ACC_SEED"
  started_after = "2000-01-01T00:00:00Z"
}

data "huaweidata_dli_sql_jobs" "failed" {
  status   = "FAILED"
  job_type = "INSERT"
}

data "huaweidata_dli_sql_jobs" "tagged" {
  queue_name = "default"
  tags       = { parity = "odd", team = "etl" }
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				// 150 jobs at 100 a page: two calls for "all", one for each of the others.
				readsOf(env.Env, "ListSqlJobs", 2+1+1),
				expectAttr(all, "jobs", knownvalue.ListSizeExact(150)),
				expectAttr(all, "jobs.0.statement", knownvalue.StringExact("select 149 as acc_seed")), // newest first
				expectAttr(all, "jobs.0.status", knownvalue.StringExact("FINISHED")),
				expectAttr(all, "jobs.0.result_count", knownvalue.Int64Exact(1)),
				expectAttr(all, "jobs.0.tags", knownvalue.MapExact(map[string]knownvalue.Check{"parity": knownvalue.StringExact("odd")})),
				expectAttr(failed, "jobs", knownvalue.ListSizeExact(1)),
				expectAttr(failed, "jobs.0.message", knownvalue.StringExact("java.lang.OutOfMemoryError: Java heap space")),
				expectAttr(failed, "jobs.0.end_time", knownvalue.NotNull()),
				expectAttr(tagged, "jobs", knownvalue.ListSizeExact(1)),
				expectAttr(tagged, "jobs.0.job_type", knownvalue.StringExact("INSERT")),
			},
		}},
	})
}

// Emulator-only: the queue provisions and the 120 Spark jobs run on the emulator's clock,
// with no consistency delay.
func TestAccDLIBatchJobs_filtersAndPages(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "120 Spark jobs on the emulator's clock")
	env.Emulator.SetFaults(emulator.Faults{})
	ctx := context.Background()
	c := env.Client(t)
	general := "general"
	if err := c.CreateQueue(ctx, &model.CreateQueueRequestBody{QueueName: "acc_batches", CuCount: 16, QueueType: &general}); err != nil {
		t.Fatal(err)
	}
	env.Emulator.Advance(time.Hour) // provisioned
	for i := range 120 {
		if _, err := c.CreateBatchJob(ctx, &client.BatchJobRequest{File: "obs://b/etl.jar", ClassName: "com.example.Etl", Queue: "acc_batches",
			Name: ptr.Of(fmt.Sprintf("acc_batch_%03d", i))}); err != nil {
			t.Fatal(err)
		}
	}
	const all, one = "data.huaweidata_dli_batch_jobs.all", "data.huaweidata_dli_batch_jobs.one"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			PreConfig: env.ResetCounts,
			Config: env.Config(`
data "huaweidata_dli_batch_jobs" "all" {
  queue_name     = "acc_batches"
  created_before = "2999-01-01T00:00:00Z"
}

data "huaweidata_dli_batch_jobs" "one" {
  name = "acc_batch_007"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				readsOf(env.Env, "ListSparkJobs", 2+1),
				expectAttr(all, "jobs", knownvalue.ListSizeExact(120)),
				expectAttr(all, "jobs.0.queue_name", knownvalue.StringExact("acc_batches")),
				expectAttr(one, "jobs", knownvalue.ListSizeExact(1)),
				expectAttr(one, "jobs.0.name", knownvalue.StringExact("acc_batch_007")),
				expectAttr(one, "jobs.0.create_time", knownvalue.NotNull()),
			},
		}},
	})
}

func TestAccDLIJobLists_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"sql status":  {Config: `data "huaweidata_dli_sql_jobs" "x" { status = "DONE" }`, Want: `status[\s\S]*FINISHED`},
		"sql type":    {Config: `data "huaweidata_dli_sql_jobs" "x" { job_type = "SELECT" }`, Want: `job_type`},
		"sql window":  {Config: `data "huaweidata_dli_sql_jobs" "x" {` + "\n" + `started_after = "2024-02-01T00:00:00Z"` + "\n" + `started_before = "2024-01-01T00:00:00Z"` + "\n}", Want: `started_before`},
		"sql time":    {Config: `data "huaweidata_dli_sql_jobs" "x" { started_after = "yesterday" }`, Want: `Invalid RFC3339`},
		"batch state": {Config: `data "huaweidata_dli_batch_jobs" "x" { state = "FINISHED" }`, Want: `state[\s\S]*success`},
		"batch queue": {Config: `data "huaweidata_dli_batch_jobs" "x" { queue_name = "_q" }`, Want: `queue_name`},
	})
}
