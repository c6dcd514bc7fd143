package resources_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

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

// expectBatch is a state check of one attribute of the batch job.
func expectBatch(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(batchAddr, tfjsonpath.New(attr), v)
}

// expectBatchAt is a state check of the value at a path of the batch job.
func expectBatchAt(p tfjsonpath.Path, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(batchAddr, p, v)
}

// batchState is a state check that the job is in one of the given states.
func batchState(states ...string) statecheck.StateCheck {
	return expectBatch("state", knownvalue.StringRegexp(regexp.MustCompile(`^(`+strings.Join(states, "|")+`)$`)))
}

// batchID is a state check that captures the job id from state into *id.
func batchID(id *string) statecheck.StateCheck {
	return expectBatch("id", knownvalue.StringFunc(func(v string) error {
		if v == "" {
			return fmt.Errorf("empty batch job id")
		}
		*id = v
		return nil
	}))
}

// batchInEmulator checks the job with id *id as DLI reports it (through the API: the
// emulator or a real account).
func batchInEmulator(env *acctest.Env, t *testing.T, id *string, check func(state string, reqBody map[string]any, log []string) error) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		j, err := env.Client(t).ShowBatchJob(ctx, *id)
		if err != nil {
			return err
		}
		var req map[string]any
		if err := json.Unmarshal([]byte(j.ReqBody), &req); err != nil {
			return fmt.Errorf("req_body %q: %w", j.ReqBody, err)
		}
		return check(j.State, req, j.Log)
	})
}

// setBatchFaults is a state check that changes the emulator's injected faults (for the
// post-apply plans of the step and the steps after it).
func setBatchFaults(env *acctest.EmulatedEnv, f emulator.Faults) statecheck.StateCheck {
	return acctest.CheckAPI(func(context.Context) error { env.SetFaults(f); return nil })
}

func TestAccDLIBatchJob_completedImportAndTriggers(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue, jobName := env.Name("batch"), env.Name("sales_report")
	var first string
	// A triggers change submits a new run: a new id.
	newRun := statecheck.CompareValue(compare.ValuesDiffer())
	body := func(run string) string {
		return sparkPi + fmt.Sprintf(`
  name            = %q
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
`, jobName, run)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		// Finished runs are forgotten on destroy, never cancelled.
		CheckDestroy: env.CheckRequests("CancelSparkJob", 0, 0),
		Steps: []resource.TestStep{
			{
				Config: env.Config(batchConfig(queue, body("1"))),
				ConfigStateChecks: []statecheck.StateCheck{
					batchID(&first),
					newRun.AddStateValue(batchAddr, tfjsonpath.New("id")),
					expectBatch("state", knownvalue.StringExact("success")),
					expectBatch("wait_for", knownvalue.StringExact("completed")),
					expectBatch("effective_sc_type", knownvalue.StringExact("CUSTOMIZED")),
					expectBatch("feature", knownvalue.StringExact("basic")),
					expectBatch("kind", knownvalue.StringExact("spark")),
					expectBatch("args", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("--date"), knownvalue.StringExact("2024-01-01"), knownvalue.StringExact("--tables"),
						knownvalue.StringExact("demo.sales demo.orders"), knownvalue.StringExact(""),
					})),
					expectBatch("executor_cores", knownvalue.Int32Exact(2)),
					expectBatch("num_executors", knownvalue.Int32Exact(3)),
					expectBatch("driver_cores", knownvalue.Int32Exact(1)),
					expectBatch("max_retry_times", knownvalue.Int32Exact(3)),
					expectBatch("app_id", knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
					expectBatch("owner", knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
					expectBatch("create_time", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
					expectBatch("duration", knownvalue.Int64Func(func(v int64) error {
						if v <= 0 {
							return fmt.Errorf("duration %d, want a positive number of milliseconds", v)
						}
						return nil
					})),
					expectBatch("name", knownvalue.StringExact(jobName)),
					expectBatch("log_tail", knownvalue.NotNull()),
					// The emulator's log of a run; a real account logs other lines.
					env.EmulatorOnlyCheck(expectBatch("log_tail", knownvalue.ListSizeExact(7))),
					env.EmulatorOnlyCheck(expectBatchAt(tfjsonpath.New("log_tail").AtSliceIndex(6), knownvalue.StringRegexp(regexp.MustCompile(`Shutdown hook called`)))),
					batchInEmulator(env, t, &first, func(state string, req map[string]any, _ []string) error {
						if state != "success" || fmt.Sprint(req["args"]) != "[--date 2024-01-01 --tables demo.sales demo.orders ]" ||
							req["executorMemory"] != "2048M" || req["sc_type"] != "B" || req["execution_agency_urn"] != "dli_agency" {
							return fmt.Errorf("emulator job: state %s, req_body %v", state, req)
						}
						return nil
					}),
				},
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
				PreConfig:        func() { env.WithEmulator(func(emu *emulator.Emulator) { emu.Advance(24 * time.Hour) }) },
				Config:           env.Config(batchConfig(queue, body("1"))),
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionNoop),
			},
			{
				Config:           env.Config(batchConfig(queue, body("2"))),
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectBatch("id", knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
					newRun.AddStateValue(batchAddr, tfjsonpath.New("id")),
					expectBatch("state", knownvalue.StringExact("success")),
				},
			},
		},
	})
}

func TestAccDLIBatchJob_waitForSubmittedAndRunning(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the batch run time and the emulated clock")
	env.Emulator.SetBatchRunTime(time.Hour) // the first run is still going when refreshed
	queue, longRun := env.Name("submitted"), env.Name("long_run")
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(batchConfig(queue, sparkPi+`  wait_for = "submitted"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					// Apply did not wait: no state poll was made. (The job starts 360 emulated
					// seconds, 0.6 s real, after submission, and then runs for an hour.)
					batchState("starting", "running"),
					env.ExpectRequests("ShowSparkJobStatus", 0, 0),
				},
			},
			{
				// Changing wait_for only records it; the finished job refreshes without a diff.
				PreConfig:        func() { env.Emulator.Advance(2 * time.Hour) },
				Config:           env.Config(batchConfig(queue, sparkPi+`  wait_for = "running"`)),
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectBatch("state", knownvalue.StringExact("success")),
					expectBatch("wait_for", knownvalue.StringExact("running")),
				},
			},
			{
				// A new run with wait_for = running returns once the job runs.
				PreConfig: func() { env.Emulator.SetBatchRunTime(time.Hour) },
				Config:    env.Config(batchConfig(queue, sparkPi+fmt.Sprintf("  wait_for = \"running\"\n  name = %q", longRun))),
				ConfigStateChecks: []statecheck.StateCheck{
					batchID(&id),
					expectBatch("state", knownvalue.StringExact("running")),
					expectBatch("app_id", knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
				},
			},
			{
				// Destroying the running job cancels it and waits until it is dead.
				Config:  env.Config(batchConfig(queue, sparkPi+fmt.Sprintf("  wait_for = \"running\"\n  name = %q", longRun))),
				Destroy: true,
				ConfigStateChecks: []statecheck.StateCheck{
					batchInEmulator(env.Env, t, &id, func(state string, _ map[string]any, log []string) error {
						if state != "dead" || !strings.Contains(strings.Join(log, "\n"), "cancelled by") {
							return fmt.Errorf("after destroy the job is %s; log %v", state, log)
						}
						return nil
					}),
					env.ExpectRequests("CancelSparkJob", 1, 1),
				},
			},
		},
	})
}

func TestAccDLIBatchJob_cancelOnDestroyFalse(t *testing.T) {
	t.Parallel()
	// The job must still run after the destroy (and is then left running, to the emulator
	// that ends with the test).
	env := acctest.NewEmulatedEnv(t, "the batch run time: the job still runs after destroy")
	env.Emulator.SetBatchRunTime(time.Hour)
	var id string
	cfg := env.Config(batchConfig(env.Name("keep"), sparkPi+"  wait_for = \"running\"\n  cancel_on_destroy = false"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: cfg, ConfigStateChecks: []statecheck.StateCheck{batchID(&id)}},
			{
				Config:  cfg,
				Destroy: true,
				ConfigStateChecks: []statecheck.StateCheck{
					batchInEmulator(env.Env, t, &id, func(state string, _ map[string]any, _ []string) error {
						if state != "running" {
							return fmt.Errorf("job %s after destroy with cancel_on_destroy = false, want still running", state)
						}
						return nil
					}),
					env.ExpectRequests("CancelSparkJob", 0, 0),
				},
			},
		},
	})
}

// A run that ends dead fails the apply with the log lines and stays tainted: the next apply
// submits it again.
func TestAccDLIBatchJob_deadRunTaints(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "an injected batch failure")
	doomed := env.Name("doomed")
	env.Emulator.FailBatchesNamed(doomed, "java.io.FileNotFoundException: obs://demo-bucket/input/2024-01-01 does not exist")
	cfg := env.Config(batchConfig(env.Name("dead"), sparkPi+fmt.Sprintf("  name = %q", doomed)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      cfg,
				ExpectError: regexp.MustCompile(`(?s)ended in state dead; last log\s+lines:.*FileNotFoundException: obs://demo-bucket/input/2024-01-01.*Final app status: FAILED.*tainted`),
			},
			{
				PreConfig:         func() { env.Emulator.FailBatchesNamed(doomed, "") },
				Config:            cfg,
				ConfigPlanChecks:  acctest.ExpectAction(batchAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{expectBatch("state", knownvalue.StringExact("success"))},
			},
		},
	})
}

// A job that dies while apply waits for it to run fails too; one submitted with
// wait_for = submitted that dies later is not re-run by itself.
func TestAccDLIBatchJob_deadAfterSubmitIsKept(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "an injected batch failure, the batch run time and the emulated clock")
	later := env.Name("later")
	env.Emulator.FailBatchesNamed(later, "boom")
	env.Emulator.SetBatchRunTime(time.Hour) // it dies at the end of its run, not before the refresh
	cfg := env.Config(batchConfig(env.Name("later_q"), sparkPi+fmt.Sprintf("  name = %q\n  wait_for = \"submitted\"", later)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: cfg, ConfigStateChecks: []statecheck.StateCheck{batchState("starting", "running")}},
			{
				PreConfig:         func() { env.Emulator.Advance(2 * time.Hour) },
				Config:            cfg,
				ConfigPlanChecks:  acctest.ExpectAction(batchAddr, plancheck.ResourceActionNoop),
				ConfigStateChecks: []statecheck.StateCheck{expectBatch("state", knownvalue.StringExact("dead"))},
			},
		},
	})
}

func TestAccDLIBatchJob_createTimeoutTaints(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the batch run time and a create timeout tuned to the emulator")
	env.Emulator.SetBatchRunTime(time.Hour)
	queue := env.Name("slow")
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(batchConfig(queue, sparkPi+"  timeouts {\n    create = \"3s\"\n  }")),
				ExpectError: regexp.MustCompile(`(?s)timed out waiting for batch job .*complete;\s+last\s+state:\s+running`),
			},
			{
				// The tainted run is still running: the replacement cancels it first.
				PreConfig:        func() { env.Emulator.SetBatchRunTime(0) },
				Config:           env.Config(batchConfig(queue, sparkPi)),
				ConfigPlanChecks: acctest.ExpectAction(batchAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					batchID(&id),
					expectBatch("state", knownvalue.StringExact("success")),
					env.ExpectRequests("CancelSparkJob", 1, 1), // the tainted run
				},
			},
		},
	})
}

// A submission answered 408 after DLI accepted it is recognised, not submitted twice, and a
// run with injected 5xx faults still converges.
func TestAccDLIBatchJob_faults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	queue, name408 := env.Name("faults"), env.Name("408")
	env.SetFaults(emulator.Faults{
		ErrorRates:        map[int]float64{408: 1},
		Operations:        []string{"CreateSparkJob"},
		RetryAfterSeconds: 1,
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(batchConfig(queue, sparkPi+fmt.Sprintf("  name = %q", name408))),
				ConfigStateChecks: []statecheck.StateCheck{
					expectBatch("state", knownvalue.StringExact("success")),
					env.ExpectRequests("CreateSparkJob", 1, 1),
					acctest.CheckAPI(func(ctx context.Context) error {
						page, err := env.Client(t).ListBatchJobs(ctx, client.BatchJobFilter{Name: name408})
						if err != nil {
							return fmt.Errorf("listing the jobs named %s: %w", name408, err)
						}
						if page.Total != 1 {
							return fmt.Errorf("jobs named %s: %v, want exactly 1", name408, page)
						}
						return nil
					}),
					// From here on, 15% of all requests fail with 500 and 15% with 502.
					setBatchFaults(env, emulator.Faults{ErrorRates: map[int]float64{500: 0.15, 502: 0.15}}),
				},
			},
			{
				Config: env.Config(batchConfig(queue, sparkPi+fmt.Sprintf("  name = %q\n  args = [\"a\", \"b\"]", env.Name("faulty")))),
				ConfigStateChecks: []statecheck.StateCheck{
					expectBatch("state", knownvalue.StringExact("success")),
					setBatchFaults(env, emulator.Faults{}),
				},
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
				Config: env.Config(batchConfig(env.Name("py"), `
  file         = "obs://demo-bucket/py/report.py"
  python_files = ["obs://demo-bucket/py/helpers.py"]
  feature      = "custom"
  image        = "demo_org/spark-custom:3.3.1"
  args         = []
  conf         = {}
`)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectBatch("state", knownvalue.StringExact("success")),
					expectBatch("class_name", knownvalue.Null()),
					expectBatch("effective_sc_type", knownvalue.StringExact("A")),
					expectBatch("spark_version", knownvalue.StringExact("2.3.2")),
					expectBatch("python_files", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("obs://demo-bucket/py/helpers.py")})),
				},
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
	// beyondInt32 is the error for an integer the API's int32 cannot hold, naming the attribute.
	beyondInt32 := func(attr, got string) string {
		return `(?s)Invalid number.*` + attr + `\s+is\s+` + got + `,\s+which\s+is\s+not\s+a\s+32-bit\s+integer`
	}
	cases := map[string]acctest.PlanError{
		"queue_name invalid":           {Config: strings.Replace(pi(""), `"q1"`, `"Bad-Queue"`, 1), Want: `(?s)queue_name.*"Bad-Queue"`},
		"file empty":                   {Config: job(`  file = ""` + "\n  class_name = \"A\""), Want: `(?s)file.*is empty`},
		"file bad obs path":            {Config: job(`  file = "obs://bucket"` + "\n  class_name = \"A\""), Want: `(?s)file.*not a complete OBS path`},
		"class_name missing":           {Config: job(`  file = "app.jar"`), Want: `(?s)class_name is required: file "app.jar" is not a Python file`},
		"name too long":                {Config: pi(fmt.Sprintf("  name = %q", strings.Repeat("n", 129))), Want: `(?s)name.*character count must be at most 128, got: 129`},
		"sc_type D":                    {Config: pi(`  sc_type = "D"`), Want: `(?s)sc_type.*must be one of: \["A" "B" "C"\]`},
		"driver_memory no unit":        {Config: pi(`  driver_memory = "2048"`), Want: `(?s)driver_memory "2048" must be a positive size with a unit`},
		"executor_memory zero":         {Config: pi(`  executor_memory = "0G"`), Want: `(?s)executor_memory "0G" must be a positive size`},
		"driver_cores 0":               {Config: pi(`  driver_cores = 0`), Want: `(?s)driver_cores.*must be at least 1`},
		"executor_cores 0":             {Config: pi(`  executor_cores = 0`), Want: `(?s)executor_cores.*must be at least 1`},
		"num_executors 0":              {Config: pi(`  num_executors = 0`), Want: `(?s)num_executors.*must be at least 1`},
		"max_retry_times 101":          {Config: pi(`  max_retry_times = 101`), Want: `(?s)max_retry_times.*must be between 0 and 100`},
		"max_retry_times -1":           {Config: pi(`  max_retry_times = -1`), Want: `(?s)max_retry_times.*must be between 0 and 100`},
		"driver_cores beyond int32":    {Config: pi(`  driver_cores = 2147483664`), Want: beyondInt32("driver_cores", "2147483664")},
		"executor_cores beyond int32":  {Config: pi(`  executor_cores = 2147483648`), Want: beyondInt32("executor_cores", "2147483648")},
		"num_executors beyond int32":   {Config: pi(`  num_executors = 9223372036854775808`), Want: beyondInt32("num_executors", "9223372036854775808")},
		"max_retry_times beyond int32": {Config: pi(`  max_retry_times = -2147483649`), Want: beyondInt32("max_retry_times", "-2147483649")},
		"catalog_name hive":            {Config: pi(`  catalog_name = "hive"`), Want: `(?s)catalog_name.*must be one of: \["dli"\]`},
		"module without sys":           {Config: pi(`  modules = ["hbase"]`), Want: `(?s)modules.*system module name`},
		"jar bad obs path":             {Config: pi(`  jars = ["obs://only-bucket"]`), Want: `(?s)jars.*not a complete OBS path`},
		"python_files empty":           {Config: pi(`  python_files = [""]`), Want: `(?s)python_files.*is empty`},
		"files bad obs path":           {Config: pi(`  files = ["obs:///x"]`), Want: `(?s)files.*not a complete OBS path`},
		"resource type":                {Config: pi(`  resources = [{ name = "a.jar", type = "zip" }]`), Want: `(?s)resources.*type.*must be one of`},
		"resource name missing":        {Config: pi(`  resources = [{ type = "jar" }]`), Want: `(?s)Incorrect attribute value type|attribute "name" is required`},
		"group name empty":             {Config: pi(`  groups = [{ name = "" }]`), Want: `(?s)groups.*name.*at least 1`},
		"group resource type":          {Config: pi(`  groups = [{ name = "g", resources = [{ name = "a", type = "egg" }] }]`), Want: `(?s)groups.*type.*must be one of`},
		"feature gpu":                  {Config: pi(`  feature = "gpu"`), Want: `(?s)feature.*must be one of: \["basic" "ai" "custom"\]`},
		"custom without image":         {Config: pi(`  feature = "custom"`), Want: `image is required when feature is "custom"`},
		"image without custom":         {Config: pi(`  image = "org/img:1"`), Want: `(?s)image is only used with feature = "custom"`},
		"image format":                 {Config: pi("  feature = \"custom\"\n  image = \"spark\""), Want: `(?s)image.*organization/image:version`},
		"spark_version format":         {Config: pi(`  spark_version = "3"`), Want: `(?s)spark_version.*version such as 3.3.1`},
		"agency without spark 3.3.1":   {Config: pi(`  execution_agency_urn = "agency"`), Want: `(?s)execution_agency_urn is supported from spark_version 3.3.1`},
		"agency on spark 2.4.5":        {Config: pi("  execution_agency_urn = \"agency\"\n  spark_version = \"2.4.5\""), Want: `(?s)spark_version\s+is "2.4.5"`},
		"wait_for done":                {Config: pi(`  wait_for = "done"`), Want: `(?s)wait_for.*"submitted" "running" "completed"`},
	}
	env.ExpectPlanErrors(t, cases)
}
