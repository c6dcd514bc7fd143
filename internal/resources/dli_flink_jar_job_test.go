package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const jarAddr = "huaweidata_dli_flink_jar_job.test"

// jarConfig is a Jar job on the queue of flinkQueue.
func jarConfig(name, args, extra string) string {
	return jarConfigOn("acc_flink", name, args, extra)
}

// jarConfigOn is jarConfig with the queue named queue (a name from Env.Name).
func jarConfigOn(queue, name, args, extra string) string {
	return flinkQueueNamed(queue) + fmt.Sprintf(`
resource "huaweidata_dli_flink_jar_job" "test" {
  name            = %q
  queue_name      = huaweidata_dli_queue.flink.name
  entrypoint      = "acc_group/stream.jar"
  main_class      = "org.example.StreamJob"
  entrypoint_args = %q
%s
}
`, name, args, extra)
}

func expectJar(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(jarAddr, tfjsonpath.New(attr), v)
}

// jarHistory checks what the emulator recorded for the job at jarAddr. Emulator-only.
func jarHistory(env *acctest.Env, check func(h emulator.FlinkJobHistory) error) statecheck.StateCheck {
	return expectJar("id", knownvalue.StringFunc(func(v string) error {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return err
		}
		return env.EmulatorOnly(func(emu *emulator.Emulator) error {
			h, found := emu.FlinkJob(id)
			if !found {
				return fmt.Errorf("the emulator has no Flink job %d", id)
			}
			if err := check(h); err != nil {
				return fmt.Errorf("Flink Jar job %d: %w (runs %+v, stops %+v)", id, err, h.Runs, h.Stops)
			}
			return nil
		})
	}))
}

// jarDestroyed checks that the Jar jobs are gone and that no running job was stopped
// without a savepoint, except (with allowUnsavedDelete) by the final delete.
func jarDestroyed(env *acctest.Env, t *testing.T, allowUnsavedDelete bool) resource.TestCheckFunc {
	gone := acctest.CheckDestroyed("huaweidata_dli_flink_jar_job", func(ctx context.Context, id string) error {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return err
		}
		_, err = env.Client(t).ShowFlinkJob(ctx, n)
		return err
	})
	return func(s *terraform.State) error {
		if err := gone(s); err != nil {
			return err
		}
		return flinkStopsSaved(env, allowUnsavedDelete)
	}
}

// create -> import -> in-place update -> two restarting updates (each stops with a
// savepoint and resumes from it, with a warning in the plan) -> stop -> destroy.
func TestAccDLIFlinkJarJob_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue, name, renamed := env.Name("flink"), env.Name("jar"), env.Name("jar_renamed")
	factories, warnings := env.ProviderFactoriesRecordingWarnings()
	restartWarning := `DLI Flink Jar job will restart: .*cannot change %s while the job runs.*resuming from that savepoint`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             jarDestroyed(env, t, false),
		Steps: []resource.TestStep{
			{
				Config: env.Config(jarConfigOn(queue, name, "-rate 3", `
  dependency_jars  = ["acc_group/dep.jar", "obs://acc-bucket/libs/extra.jar"]
  dependency_files = ["acc_group/cities.csv"]
  cu_number        = 4
  parallel_number  = 2
  runtime_config   = { "taskmanager.memory.process.size" = "4g" }
  tags             = { team = "data" }`)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectJar("status", knownvalue.StringExact("job_running")),
					expectJar("queue_name", knownvalue.StringExact(queue)),
					expectJar("dependency_jars", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("acc_group/dep.jar"), knownvalue.StringExact("obs://acc-bucket/libs/extra.jar")})),
					expectJar("tm_slot_num", knownvalue.Int32Exact(1)),
					expectJar("checkpoint_mode", knownvalue.StringExact("exactly_once")),
					expectJar("resume_max_num", knownvalue.Int32Exact(-1)),
					expectJar("main_class", knownvalue.StringExact("org.example.StreamJob")),
					jarHistory(env, wantRuns(1, "")),
				},
			},
			{
				ResourceName:            jarAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts", "tags", "tags.%", "tags.team"},
			},
			{
				// Settings a running job takes in place: no stop, no new run, no warning.
				PreConfig: warnings.Forget,
				Config: env.Config(jarConfigOn(queue, renamed, "-rate 3", `
  dependency_jars        = ["acc_group/dep.jar", "obs://acc-bucket/libs/extra.jar"]
  dependency_files       = ["acc_group/cities.csv"]
  cu_number              = 4
  parallel_number        = 2
  runtime_config         = { "taskmanager.memory.process.size" = "4g" }
  tags                   = { team = "data" }
  description            = "stream job"
  smn_topic              = "jar_alarms"
  restart_when_exception = true`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jarAddr, plancheck.ResourceActionUpdate),
					warnings.Expect(`will restart`, false),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectJar("name", knownvalue.StringExact(renamed)),
					expectJar("smn_topic", knownvalue.StringExact("jar_alarms")),
					jarHistory(env, wantRuns(1, "")),
					jarHistory(env, wantStops(0)),
				},
			},
			{
				// New arguments restart the job: stop with a savepoint, update, resume from it.
				Config: env.Config(jarConfigOn(queue, renamed, "-rate 5", `
  cu_number       = 4
  parallel_number = 2
  tags            = { team = "data" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jarAddr, plancheck.ResourceActionUpdate),
					warnings.Expect(fmt.Sprintf(restartWarning, `entrypoint_args, dependency_jars, dependency_files, runtime_config`), true),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectJar("status", knownvalue.StringExact("job_running")),
					expectJar("entrypoint_args", knownvalue.StringExact("-rate 5")),
					expectJar("dependency_jars", knownvalue.Null()),
					expectJar("savepoint_path", knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
					// The emulator's name of its savepoint 1 (a real account names it otherwise).
					env.EmulatorOnlyCheck(expectJar("savepoint_path", knownvalue.StringRegexp(regexp.MustCompile(`savepoint-1$`)))),
					jarHistory(env, wantStops(1)),
					jarHistory(env, wantRuns(2, "latest")),
				},
			},
			{
				// A second restart keeps the state again: it resumes from the second savepoint.
				Config: env.Config(jarConfigOn(queue, renamed, "-rate 5", `
  cu_number       = 4
  parallel_number = 3
  tags            = { team = "data" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jarAddr, plancheck.ResourceActionUpdate),
					warnings.Expect(fmt.Sprintf(restartWarning, `parallel_number`), true),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectJar("parallel_number", knownvalue.Int32Exact(3)),
					expectJar("savepoint_path", knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
					// The emulator's name of its savepoint 2 (a real account names it otherwise).
					env.EmulatorOnlyCheck(expectJar("savepoint_path", knownvalue.StringRegexp(regexp.MustCompile(`savepoint-2$`)))),
					jarHistory(env, wantStops(2)),
					jarHistory(env, wantRuns(3, "latest")),
					jarHistory(env, func(h emulator.FlinkJobHistory) error {
						if h.Runs[2].ResumedFrom != h.Stops[1].SavepointPath || h.Runs[2].Entrypoint != "acc_group/stream.jar" {
							return fmt.Errorf("the second restart did not resume from its stop's savepoint")
						}
						return nil
					}),
				},
			},
			{
				// fresh_start: the warning says the state is not kept.
				Config: env.Config(jarConfigOn(queue, renamed, "-rate 7", `
  cu_number       = 4
  parallel_number = 3
  restart_policy  = "fresh_start"
  tags            = { team = "data" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					warnings.Expect(`will restart without its state: .*entrypoint_args.*WITHOUT its streaming state`, true),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					jarHistory(env, wantStops(3)),
					jarHistory(env, wantRuns(4, "")),
				},
			},
			{
				PreConfig: warnings.Forget,
				Config: env.Config(jarConfigOn(queue, renamed, "-rate 7", `
  cu_number       = 4
  parallel_number = 3
  restart_policy  = "fresh_start"
  desired_state   = "stopped"
  tags            = { team = "data" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{warnings.Expect(`will restart`, false)}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectJar("status", knownvalue.StringExact("job_cancel_success")),
					jarHistory(env, wantStops(4)),
				},
			},
		},
	})
}

// A plan that changes a running Flink SQL job's SQL warns that the job restarts.
func TestAccDLIFlinkSQLJob_restartWarning(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("flink_warn")
	factories, warnings := env.ProviderFactoriesRecordingWarnings()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             flinkDestroyed(env, t, false),
		Steps: []resource.TestStep{
			{Config: env.Config(flinkConfig(name, flinkSQL1, ""))},
			{
				Config: env.Config(flinkConfig(name, flinkSQL2, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(flinkAddr, plancheck.ResourceActionUpdate),
					warnings.Expect(`DLI Flink SQL job will restart: A Flink SQL job cannot change sql while the job runs\. `+
						`The apply stops the running job \d+ with a savepoint, updates it and runs it again resuming from that savepoint`, true),
				}},
				ConfigStateChecks: []statecheck.StateCheck{flinkHistory(env, wantRuns(2, "latest"))},
			},
			{
				// New tags replace the job: its state is not carried over, and the plan says so.
				PreConfig: warnings.Forget,
				Config:    env.Config(flinkConfig(name, flinkSQL2, `  tags = { team = "data" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(flinkAddr, plancheck.ResourceActionDestroyBeforeCreate),
					warnings.Expect(`DLI Flink SQL job will be replaced and start without its state: Changing tags replaces the job: `+
						`the apply stops the running job \d+ with a savepoint and deletes it`, true),
					warnings.Expect(`will restart`, false),
				}},
			},
		},
	})
}

// A Jar job that fails to submit: DLI's reason, the job kept in state (tainted) and
// replaced by the next apply, never orphaned.
func TestAccDLIFlinkJarJob_submitFailureTaints(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "an injected Flink run failure")
	doomed := env.Name("jar_doomed")
	if err := env.Emulator.FailNextFlinkRun(emulator.FlinkFailure{JobName: doomed, Reason: "ClassNotFoundException: org.example.StreamJob"}); err != nil {
		t.Fatal(err)
	}
	config := env.Config(jarConfigOn(env.Name("flink"), doomed, "-x", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             jarDestroyed(env.Env, t, false),
		Steps: []resource.TestStep{
			{Config: config, ExpectError: regexp.MustCompile(`(?s)job_submit_fail.*ClassNotFoundException`)},
			{
				Config:           config,
				ConfigPlanChecks: acctest.ExpectAction(jarAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectJar("status", knownvalue.StringExact("job_running")),
					jarHistory(env.Env, func(emulator.FlinkJobHistory) error {
						live := 0
						for _, h := range env.Emulator.FlinkJobs() {
							if !h.Deleted {
								live++
							}
						}
						if n := len(env.Emulator.FlinkJobs()); n != 2 || live != 1 {
							return fmt.Errorf("%d jobs, %d not deleted; want the failed one deleted and its replacement", n, live)
						}
						return nil
					}),
				},
			},
		},
	})
}

// Out of band: a changed argument is drift; a deleted job is planned for creation.
func TestAccDLIFlinkJarJob_driftAndDisappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(jarConfigOn(env.Name("flink"), env.Name("jar_drift"), "-rate 1", ""))
	jobID := func(s *terraform.State) (int64, error) {
		return strconv.ParseInt(s.RootModule().Resources[jarAddr].Primary.ID, 10, 64)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             jarDestroyed(env, t, true),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					id, err := jobID(s)
					if err != nil {
						return err
					}
					return env.Client(t).UpdateFlinkJarJob(context.Background(), id, &jarArgsBody)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            config,
				ConfigPlanChecks:  acctest.ExpectAction(jarAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{expectJar("entrypoint_args", knownvalue.StringExact("-rate 1"))},
				Check: func(s *terraform.State) error {
					id, err := jobID(s)
					if err != nil {
						return err
					}
					return env.Client(t).DeleteFlinkJob(context.Background(), id)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            config,
				ConfigPlanChecks:  acctest.ExpectAction(jarAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{expectJar("status", knownvalue.StringExact("job_running"))},
			},
			{
				ResourceName:  jarAddr,
				ImportState:   true,
				ImportStateId: "12x",
				ExpectError:   regexp.MustCompile(`Import a DLI Flink Jar job by its numeric job id`),
			},
		},
	})
}

// Every documented plan-time rule of a Jar job.
func TestAccDLIFlinkJarJob_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	job := func(body string) string {
		return `resource "huaweidata_dli_flink_jar_job" "bad" {
  name       = "acc_bad"
  queue_name = "acc_flink"
  entrypoint = "acc_group/stream.jar"
` + body + "\n}\n"
	}
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"no entrypoint":        {Config: `resource "huaweidata_dli_flink_jar_job" "bad" {` + "\n name = \"x\"\n queue_name = \"q\"\n}\n", Want: `"entrypoint" is required`},
		"no queue":             {Config: `resource "huaweidata_dli_flink_jar_job" "bad" {` + "\n name = \"x\"\n entrypoint = \"a.jar\"\n}\n", Want: `"queue_name" is required`},
		"bad entrypoint":       {Config: job(`  main_class = "x"` + "\n" + `  dependency_jars = ["obs://bucket"]`), Want: `(?s)dependency_jars.*is not a complete OBS path`},
		"blank dependency":     {Config: job(`  dependency_files = [" "]`), Want: `(?s)dependency_files.*is empty`},
		"log without bucket":   {Config: job(`  log_enabled = true`), Want: `(?s)log_enabled = true needs obs_bucket`},
		"checkpoint no bucket": {Config: job(`  checkpoint_enabled = true`), Want: `(?s)checkpoint_enabled = true needs obs_bucket`},
		"manager too large":    {Config: job(`  cu_number = 2` + "\n" + `  manager_cu_number = 2`), Want: `manager_cu_number \(2\) must be less than cu_number`},
		"parallel too large":   {Config: job(`  cu_number = 3` + "\n" + `  parallel_number = 9`), Want: `(?s)parallel_number \(9\) must be at most.*= 8`},
		"custom no image":      {Config: job(`  feature = "custom"`), Want: `(?s)Missing image`},
		"image without custom": {Config: job(`  image = "org/flink:1.0"`), Want: `(?s)image is only used with feature = "custom"`},
		"bad image":            {Config: job(`  feature = "custom"` + "\n" + `  image = "flink"`), Want: `(?s)must be <organization>/<image>:<version>`},
		"version with custom":  {Config: job(`  feature = "custom"` + "\n" + `  image = "org/flink:1.0"` + "\n" + `  flink_version = "1.15"`), Want: `(?s)flink_version with feature custom`},
		"agency before 1.15":   {Config: job(`  flink_version = "1.12"` + "\n" + `  execution_agency_urn = "dli_agency"`), Want: `(?s)execution_agency_urn is supported from Flink 1.15`},
		"bad version":          {Config: job(`  flink_version = "2.0"`), Want: `(?s)flink_version.*value must be one of`},
		"log config not json":  {Config: job(`  flink_log_config = "INFO"`), Want: `(?s)flink_log_config must be a JSON object`},
		"bad feature":          {Config: job(`  feature = "fancy"`), Want: `(?s)feature.*value must be one of`},
		"resume max zero":      {Config: job(`  resume_max_num = 0`), Want: `(?s)resume_max_num`},
		"long name":            {Config: `resource "huaweidata_dli_flink_jar_job" "bad" {` + "\n name = \"" + strings.Repeat("n", 58) + "\"\n queue_name = \"q\"\n entrypoint = \"a.jar\"\n}\n", Want: `(?s)name UTF-8 character count must be between 1 and 57`},
	})
}

// jarArgsBody changes a Jar job's arguments out of band.
var jarArgsBody = model.UpdateFlinkJarJobRequestBody{EntrypointArgs: ptr.Of("-rate 99")}
