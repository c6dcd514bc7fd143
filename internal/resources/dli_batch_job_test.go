package resources_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const batchAddr = "huaweidata_dli_batch_job.test"

// batchConfig is a general queue plus a batch job on it with the given body.
func batchConfig(queue, body string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "q" {
  name       = %q
  cu_count   = 16
  queue_type = "general"
}

resource "huaweidata_dli_batch_job" "test" {
  queue_name = huaweidata_dli_queue.q.name
%s
}
`, queue, body)
}

const sparkPi = `
  file       = "obs://demo-bucket/jars/spark-examples.jar"
  class_name = "org.apache.spark.examples.SparkPi"
`

// batchID captures the job id from state into *id.
func batchID(id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[batchAddr]
		if !ok {
			return fmt.Errorf("%s not in state", batchAddr)
		}
		*id = rs.Primary.ID
		return nil
	}
}

// batchInEmulator checks the job as the emulator reports it.
func batchInEmulator(env *acctest.Env, t *testing.T, id *string, check func(state string, reqBody map[string]any, log []string) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		j, err := env.Client(t).ShowBatchJob(context.Background(), *id)
		if err != nil {
			return err
		}
		var req map[string]any
		if err := json.Unmarshal([]byte(j.ReqBody), &req); err != nil {
			return fmt.Errorf("req_body %q: %v", j.ReqBody, err)
		}
		return check(j.State, req, j.Log)
	}
}

func TestAccDLIBatchJob_completedImportAndTriggers(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	var first, second string
	body := func(run string) string {
		return sparkPi + fmt.Sprintf(`
  name            = "acc_sales_report"
  args            = ["--date", "2024-01-01", "--tables", "demo.sales demo.orders", ""]
  jars            = ["obs://demo-bucket/jars/deps.jar"]
  files           = ["count.txt"]
  modules         = ["sys.datasource.rds"]
  conf            = { "spark.sql.shuffle.partitions" = "8" }
  sc_type         = "B"
  driver_memory   = "2G"
  executor_memory = "2048M"
  executor_cores  = 2
  num_executors   = 3
  driver_cores    = 1
  obs_bucket      = "demo-logs"
  auto_recovery   = true
  max_retry_times = 3
  catalog_name    = "dli"
  spark_version   = "3.3.1"
  execution_agency_urn = "dli_agency"
  resources = [
    { name = "groupTest/testJar.jar", type = "jar" },
    { name = "kafka-clients.jar" },
  ]
  groups = [
    { name = "groupTestJar", resources = [{ name = "testJar.jar", type = "jar" }] },
  ]
  triggers = { run = %q }
`, run)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			// Finished runs are forgotten on destroy, never cancelled.
			if n := env.Count("CancelSparkJob"); n != 0 {
				return fmt.Errorf("destroying finished jobs sent %d cancel requests", n)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(batchConfig("acc_batch", body("1"))),
				Check: resource.ComposeAggregateTestCheckFunc(
					batchID(&first),
					resource.TestCheckResourceAttr(batchAddr, "state", "success"),
					resource.TestCheckResourceAttr(batchAddr, "wait_for", "completed"),
					resource.TestCheckResourceAttr(batchAddr, "effective_sc_type", "CUSTOMIZED"),
					resource.TestCheckResourceAttr(batchAddr, "feature", "basic"),
					resource.TestCheckResourceAttr(batchAddr, "kind", "spark"),
					resource.TestCheckResourceAttr(batchAddr, "args.#", "5"),
					resource.TestCheckResourceAttr(batchAddr, "args.3", "demo.sales demo.orders"),
					resource.TestCheckResourceAttrSet(batchAddr, "app_id"),
					resource.TestCheckResourceAttrSet(batchAddr, "owner"),
					resource.TestMatchResourceAttr(batchAddr, "create_time", regexp.MustCompile(`^\d{4}-\d\d-\d\dT`)),
					resource.TestMatchResourceAttr(batchAddr, "duration", regexp.MustCompile(`^[1-9]\d*$`)),
					resource.TestCheckResourceAttr(batchAddr, "log_tail.#", "7"),
					resource.TestMatchResourceAttr(batchAddr, "log_tail.6", regexp.MustCompile(`Shutdown hook called`)),
					batchInEmulator(env, t, &first, func(state string, req map[string]any, _ []string) error {
						if state != "success" || fmt.Sprint(req["args"]) != "[--date 2024-01-01 --tables demo.sales demo.orders ]" ||
							req["executorMemory"] != "2048M" || req["sc_type"] != "B" || req["execution_agency_urn"] != "dli_agency" {
							return fmt.Errorf("emulator job: state %s, req_body %v", state, req)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:            batchAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts", "triggers", "triggers.%", "triggers.run"},
			},
			{
				ResourceName:  batchAddr,
				ImportState:   true,
				ImportStateId: "not a batch id",
				ExpectError:   regexp.MustCompile(`Import a DLI batch job by its id`),
			},
			{
				// Time passes: the finished run is refreshed, not re-run, and nothing changes.
				PreConfig:        func() { env.Emulator.Advance(24 * time.Hour) },
				Config:           env.Config(batchConfig("acc_batch", body("1"))),
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionNoop),
			},
			{
				Config:           env.Config(batchConfig("acc_batch", body("2"))),
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeAggregateTestCheckFunc(
					batchID(&second),
					resource.TestCheckResourceAttr(batchAddr, "state", "success"),
					func(*terraform.State) error {
						if second == first || second == "" {
							return fmt.Errorf("a triggers change did not submit a new run (id %s, before %s)", second, first)
						}
						return nil
					},
				),
			},
		},
	})
}

func TestAccDLIBatchJob_waitForSubmittedAndRunning(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(batchConfig("acc_submitted", sparkPi+`  wait_for = "submitted"`)),
				Check: resource.ComposeAggregateTestCheckFunc(
					// Apply did not wait: no state poll was made. (The job starts 360 emulated
					// seconds, 0.6 s real, after submission: usually still starting.)
					resource.TestMatchResourceAttr(batchAddr, "state", regexp.MustCompile(`^(starting|running)$`)),
					func(*terraform.State) error {
						if n := env.Count("ShowSparkJobStatus"); n != 0 {
							return fmt.Errorf("wait_for = submitted polled the job state %d times", n)
						}
						return nil
					},
				),
			},
			{
				// Changing wait_for only records it; the finished job refreshes without a diff.
				PreConfig:        func() { env.Emulator.Advance(time.Hour) },
				Config:           env.Config(batchConfig("acc_submitted", sparkPi+`  wait_for = "running"`)),
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(batchAddr, "state", "success"),
					resource.TestCheckResourceAttr(batchAddr, "wait_for", "running"),
				),
			},
			{
				// A new run with wait_for = running returns once the job runs.
				PreConfig: func() { env.Emulator.SetBatchRunTime(time.Hour) },
				Config:    env.Config(batchConfig("acc_submitted", sparkPi+"  wait_for = \"running\"\n  name = \"long_run\"")),
				Check: resource.ComposeAggregateTestCheckFunc(
					batchID(&id),
					resource.TestCheckResourceAttr(batchAddr, "state", "running"),
					resource.TestCheckResourceAttrSet(batchAddr, "app_id"),
				),
			},
			{
				// Destroying the running job cancels it and waits until it is dead.
				Config:  env.Config(batchConfig("acc_submitted", sparkPi+"  wait_for = \"running\"\n  name = \"long_run\"")),
				Destroy: true,
				Check: batchInEmulator(env, t, &id, func(state string, _ map[string]any, log []string) error {
					if state != "dead" || !strings.Contains(strings.Join(log, "\n"), "cancelled by") {
						return fmt.Errorf("after destroy the job is %s; log %v", state, log)
					}
					if n := env.Count("CancelSparkJob"); n != 1 {
						return fmt.Errorf("cancel requests = %d, want 1", n)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccDLIBatchJob_cancelOnDestroyFalse(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Emulator.SetBatchRunTime(time.Hour)
	var id string
	cfg := env.Config(batchConfig("acc_keep", sparkPi+"  wait_for = \"running\"\n  cancel_on_destroy = false"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: cfg, Check: batchID(&id)},
			{
				Config:  cfg,
				Destroy: true,
				Check: batchInEmulator(env, t, &id, func(state string, _ map[string]any, _ []string) error {
					if state != "running" || env.Count("CancelSparkJob") != 0 {
						return fmt.Errorf("job %s after destroy with cancel_on_destroy = false (cancels: %d)", state, env.Count("CancelSparkJob"))
					}
					return nil
				}),
			},
		},
	})
}

// A run that ends dead fails the apply with the log lines and stays tainted: the next apply
// submits it again.
func TestAccDLIBatchJob_deadRunTaints(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Emulator.FailBatchesNamed("acc_doomed", "java.io.FileNotFoundException: obs://demo-bucket/input/2024-01-01 does not exist")
	cfg := env.Config(batchConfig("acc_dead", sparkPi+`  name = "acc_doomed"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      cfg,
				ExpectError: regexp.MustCompile(`(?s)ended in state dead; last log\s+lines:.*FileNotFoundException: obs://demo-bucket/input/2024-01-01.*Final app status: FAILED.*tainted`),
			},
			{
				PreConfig:        func() { env.Emulator.FailBatchesNamed("acc_doomed", "") },
				Config:           cfg,
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check:            resource.TestCheckResourceAttr(batchAddr, "state", "success"),
			},
		},
	})
}

// A job that dies while apply waits for it to run fails too; one submitted with
// wait_for = submitted that dies later is not re-run by itself.
func TestAccDLIBatchJob_deadAfterSubmitIsKept(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Emulator.FailBatchesNamed("acc_later", "boom")
	cfg := env.Config(batchConfig("acc_later_q", sparkPi+"  name = \"acc_later\"\n  wait_for = \"submitted\""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: cfg, Check: resource.TestMatchResourceAttr(batchAddr, "state", regexp.MustCompile(`^(starting|running)$`))},
			{
				PreConfig:        func() { env.Emulator.Advance(time.Hour) },
				Config:           cfg,
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionNoop),
				Check:            resource.TestCheckResourceAttr(batchAddr, "state", "dead"),
			},
		},
	})
}

func TestAccDLIBatchJob_createTimeoutTaints(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Emulator.SetBatchRunTime(time.Hour)
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(batchConfig("acc_slow", sparkPi+"  timeouts {\n    create = \"3s\"\n  }")),
				ExpectError: regexp.MustCompile(`(?s)timed out waiting for batch job .*complete;\s+last\s+state:\s+running`),
			},
			{
				// The tainted run is still running: the replacement cancels it first.
				PreConfig: func() { env.Emulator.SetBatchRunTime(0) },
				Config:    env.Config(batchConfig("acc_slow", sparkPi)),
				Check: resource.ComposeAggregateTestCheckFunc(
					batchID(&id),
					resource.TestCheckResourceAttr(batchAddr, "state", "success"),
					func(*terraform.State) error {
						if n := env.Count("CancelSparkJob"); n != 1 {
							return fmt.Errorf("cancel requests = %d, want 1 (the tainted run)", n)
						}
						return nil
					},
				),
			},
		},
	})
}

// A submission answered 408 after DLI accepted it is recognised, not submitted twice, and a
// run with injected 5xx faults still converges.
func TestAccDLIBatchJob_faults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Emulator.SetFaults(emulator.Faults{
		ErrorRates:        map[int]float64{408: 1},
		Operations:        []string{"CreateSparkJob"},
		RetryAfterSeconds: 1,
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(batchConfig("acc_faults", sparkPi+`  name = "acc_408"`)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(batchAddr, "state", "success"),
					func(*terraform.State) error {
						if n := env.Count("CreateSparkJob"); n != 1 {
							return fmt.Errorf("CreateSparkJob requests = %d, want 1", n)
						}
						page, err := env.Client(t).ListBatchJobs(context.Background(), client.BatchJobFilter{Name: "acc_408"})
						if err != nil || page.Total != 1 {
							return fmt.Errorf("jobs named acc_408: %v (err %v), want exactly 1", page, err)
						}
						env.Emulator.SetFaults(emulator.Faults{ErrorRates: map[int]float64{500: 0.15, 502: 0.15}})
						return nil
					},
				),
			},
			{
				Config: env.Config(batchConfig("acc_faults", sparkPi+"  name = \"acc_faulty\"\n  args = [\"a\", \"b\"]")),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(batchAddr, "state", "success"),
					func(*terraform.State) error { env.Emulator.SetFaults(emulator.Faults{}); return nil },
				),
			},
		},
	})
}

func TestAccDLIBatchJob_python(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(batchConfig("acc_py", `
  file         = "obs://demo-bucket/py/report.py"
  python_files = ["obs://demo-bucket/py/helpers.py"]
  feature      = "custom"
  image        = "demo_org/spark-custom:3.3.1"
  args         = []
  conf         = {}
`)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(batchAddr, "state", "success"),
					resource.TestCheckNoResourceAttr(batchAddr, "class_name"),
					resource.TestCheckResourceAttr(batchAddr, "effective_sc_type", "A"),
					resource.TestCheckResourceAttr(batchAddr, "spark_version", "2.3.2"),
				),
			},
			{
				ResourceName:            batchAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts", "args.#", "conf.%"}, // empty lists read back as null
			},
		},
	})
}

func TestAccDLIBatchJob_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	job := func(body string) string {
		return `
resource "huaweidata_dli_batch_job" "test" {
  queue_name = "q1"
` + body + `
}
`
	}
	pi := func(extra string) string { return job(sparkPi + extra) }
	cases := map[string]acctest.PlanError{
		"queue_name invalid":         {Config: strings.Replace(pi(""), `"q1"`, `"Bad-Queue"`, 1), Want: `(?s)queue_name.*"Bad-Queue"`},
		"file empty":                 {Config: job(`  file = ""` + "\n  class_name = \"A\""), Want: `(?s)file.*is empty`},
		"file bad obs path":          {Config: job(`  file = "obs://bucket"` + "\n  class_name = \"A\""), Want: `(?s)file.*not a complete OBS path`},
		"class_name missing":         {Config: job(`  file = "app.jar"`), Want: `(?s)class_name is required: file "app.jar" is not a Python file`},
		"name too long":              {Config: pi(fmt.Sprintf("  name = %q", strings.Repeat("n", 129))), Want: `(?s)name.*character count must be at most 128, got: 129`},
		"sc_type D":                  {Config: pi(`  sc_type = "D"`), Want: `(?s)sc_type.*must be one of: \["A" "B" "C"\]`},
		"driver_memory no unit":      {Config: pi(`  driver_memory = "2048"`), Want: `(?s)driver_memory "2048" must be a positive size with a unit`},
		"executor_memory zero":       {Config: pi(`  executor_memory = "0G"`), Want: `(?s)executor_memory "0G" must be a positive size`},
		"driver_cores 0":             {Config: pi(`  driver_cores = 0`), Want: `(?s)driver_cores.*must be at least 1`},
		"executor_cores 0":           {Config: pi(`  executor_cores = 0`), Want: `(?s)executor_cores.*must be at least 1`},
		"num_executors 0":            {Config: pi(`  num_executors = 0`), Want: `(?s)num_executors.*must be at least 1`},
		"max_retry_times 101":        {Config: pi(`  max_retry_times = 101`), Want: `(?s)max_retry_times.*must be between 0 and 100`},
		"max_retry_times -1":         {Config: pi(`  max_retry_times = -1`), Want: `(?s)max_retry_times.*must be between 0 and 100`},
		"catalog_name hive":          {Config: pi(`  catalog_name = "hive"`), Want: `(?s)catalog_name.*must be one of: \["dli"\]`},
		"module without sys":         {Config: pi(`  modules = ["hbase"]`), Want: `(?s)modules.*system module name`},
		"jar bad obs path":           {Config: pi(`  jars = ["obs://only-bucket"]`), Want: `(?s)jars.*not a complete OBS path`},
		"python_files empty":         {Config: pi(`  python_files = [""]`), Want: `(?s)python_files.*is empty`},
		"files bad obs path":         {Config: pi(`  files = ["obs:///x"]`), Want: `(?s)files.*not a complete OBS path`},
		"resource type":              {Config: pi(`  resources = [{ name = "a.jar", type = "zip" }]`), Want: `(?s)resources.*type.*must be one of`},
		"resource name missing":      {Config: pi(`  resources = [{ type = "jar" }]`), Want: `(?s)Incorrect attribute value type|attribute "name" is required`},
		"group name empty":           {Config: pi(`  groups = [{ name = "" }]`), Want: `(?s)groups.*name.*at least 1`},
		"group resource type":        {Config: pi(`  groups = [{ name = "g", resources = [{ name = "a", type = "egg" }] }]`), Want: `(?s)groups.*type.*must be one of`},
		"feature gpu":                {Config: pi(`  feature = "gpu"`), Want: `(?s)feature.*must be one of: \["basic" "ai" "custom"\]`},
		"custom without image":       {Config: pi(`  feature = "custom"`), Want: `image is required when feature is "custom"`},
		"image without custom":       {Config: pi(`  image = "org/img:1"`), Want: `(?s)image is only used with feature = "custom"`},
		"image format":               {Config: pi("  feature = \"custom\"\n  image = \"spark\""), Want: `(?s)image.*organization/image:version`},
		"spark_version format":       {Config: pi(`  spark_version = "3"`), Want: `(?s)spark_version.*version such as 3.3.1`},
		"agency without spark 3.3.1": {Config: pi(`  execution_agency_urn = "agency"`), Want: `(?s)execution_agency_urn is supported from spark_version 3.3.1`},
		"agency on spark 2.4.5":      {Config: pi("  execution_agency_urn = \"agency\"\n  spark_version = \"2.4.5\""), Want: `(?s)spark_version\s+is "2.4.5"`},
		"wait_for done":              {Config: pi(`  wait_for = "done"`), Want: `(?s)wait_for.*"submitted" "running" "completed"`},
	}
	env.ExpectPlanErrors(t, cases)
}
