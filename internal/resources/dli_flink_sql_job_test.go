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

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const (
	flinkAddr = "huaweidata_dli_flink_sql_job.test"
	flinkSQL1 = "INSERT INTO demo_db.totals SELECT region, SUM(amount) FROM demo_db.orders GROUP BY region"
	flinkSQL2 = "INSERT INTO demo_db.totals SELECT region, SUM(amount) FROM demo_db.orders WHERE amount > 0 GROUP BY region"
)

func flinkConfig(name, sql, extra string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_flink_sql_job" "test" {
  name = %q
  sql  = %q
%s
}
`, name, sql, extra)
}

// flinkQueue is a ready general-purpose queue for exclusive_cluster jobs.
const flinkQueue = `
resource "huaweidata_dli_queue" "flink" {
  name       = "acc_flink"
  cu_count   = 16
  queue_type = "general"
}
`

// flinkQueueNamed is flinkQueue with the queue named name (a name from Env.Name).
func flinkQueueNamed(name string) string {
	return strings.Replace(flinkQueue, `"acc_flink"`, strconv.Quote(name), 1)
}

// emulatorWording is the regular expression want against the emulator, whose wording of an
// error it is, and loose against a real account (chosen through Env.EmulatorOnly).
func emulatorWording(env *acctest.Env, want, loose string) *regexp.Regexp {
	re := loose
	env.WithEmulator(func(*emulator.Emulator) { re = want })
	return regexp.MustCompile(re)
}

// expectFlink is a state check of one attribute of the job at flinkAddr.
func expectFlink(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(flinkAddr, tfjsonpath.New(attr), v)
}

// withFlinkJobID is a state check that hands the job id in the state (its `id`) to check.
func withFlinkJobID(check func(id int64) error) statecheck.StateCheck {
	return expectFlink("id", knownvalue.StringFunc(func(v string) error {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return err
		}
		return check(id)
	}))
}

// flinkJobIDInState is the job id of the job at flinkAddr in a state, for hooks that act on
// the job between steps.
func flinkJobIDInState(s *terraform.State) (int64, error) {
	rs, ok := s.RootModule().Resources[flinkAddr]
	if !ok {
		return 0, fmt.Errorf("%s is not in the state", flinkAddr)
	}
	return strconv.ParseInt(rs.Primary.ID, 10, 64)
}

// flinkHistory checks what the emulator recorded for the job at flinkAddr: its runs, stops
// and savepoints. Emulator-only.
func flinkHistory(env *acctest.Env, check func(h emulator.FlinkJobHistory) error) statecheck.StateCheck {
	return withFlinkJobID(func(id int64) error {
		return env.EmulatorOnly(func(emu *emulator.Emulator) error {
			h, found := emu.FlinkJob(id)
			if !found {
				return fmt.Errorf("the emulator has no Flink job %d", id)
			}
			if err := check(h); err != nil {
				return fmt.Errorf("Flink job %d: %w (runs %+v, stops %+v)", id, err, h.Runs, h.Stops)
			}
			return nil
		})
	})
}

// idIsJobID is a state check that `id` is `job_id` as a string.
var idIsJobID = statecheck.CompareValuePairs(flinkAddr, tfjsonpath.New("id"), flinkAddr, tfjsonpath.New("job_id"), sameText{})

// sameText compares values by their text, e.g. the string "12" and the number 12.
type sameText struct{}

func (sameText) CompareValues(values ...any) error {
	if len(values) == 2 && fmt.Sprint(values[0]) == fmt.Sprint(values[1]) {
		return nil
	}
	return fmt.Errorf("the values differ: %v", values)
}

// expectRefreshed is a plan check of an attribute of the job at flinkAddr in the state the
// refresh produced (the plan's prior state), for refresh-only steps.
func expectRefreshed(attr string, want knownvalue.Check) plancheck.PlanCheck {
	return refreshedCheck{attr: attr, want: want}
}

type refreshedCheck struct {
	attr string
	want knownvalue.Check
}

func (c refreshedCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan.PriorState == nil || req.Plan.PriorState.Values == nil || req.Plan.PriorState.Values.RootModule == nil {
		resp.Error = fmt.Errorf("the plan has no prior state")
		return
	}
	for _, r := range req.Plan.PriorState.Values.RootModule.Resources {
		if r.Address != flinkAddr {
			continue
		}
		v, err := tfjsonpath.Traverse(r.AttributeValues, tfjsonpath.New(c.attr))
		if err == nil {
			err = c.want.CheckValue(v)
		}
		if err != nil {
			resp.Error = fmt.Errorf("%s.%s after refresh: %w", flinkAddr, c.attr, err)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the refreshed state", flinkAddr)
}

// wantRuns checks the number of runs and where the last one resumed from: "" for a fresh
// start, "latest" for the latest savepoint.
func wantRuns(n int, resumedFrom string) func(emulator.FlinkJobHistory) error {
	return func(h emulator.FlinkJobHistory) error {
		if len(h.Runs) != n {
			return fmt.Errorf("%d runs, want %d", len(h.Runs), n)
		}
		if n == 0 {
			return nil
		}
		last := h.Runs[n-1]
		want := resumedFrom
		if resumedFrom == "latest" { // the latest savepoint complete when the run started
			want = ""
			for _, sp := range h.Savepoints {
				if sp.Time <= last.At {
					want = sp.Path
				}
			}
			if want == "" {
				return fmt.Errorf("no savepoint to resume from")
			}
		}
		if last.ResumedFrom != want {
			return fmt.Errorf("the last run resumed from %q, want %q", last.ResumedFrom, want)
		}
		return nil
	}
}

func wantStops(n int) func(emulator.FlinkJobHistory) error {
	return func(h emulator.FlinkJobHistory) error {
		if len(h.Stops) != n {
			return fmt.Errorf("%d stops, want %d", len(h.Stops), n)
		}
		return nil
	}
}

// flinkDestroyed checks that every job is gone and that no running job was ever stopped
// without a savepoint, except (with allowUnsavedDelete) by the final delete.
func flinkDestroyed(env *acctest.Env, t *testing.T, allowUnsavedDelete bool) resource.TestCheckFunc {
	gone := acctest.CheckDestroyed("huaweidata_dli_flink_sql_job", func(ctx context.Context, id string) error {
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

// flinkStopsSaved fails if any job was stopped while running without a savepoint.
// Emulator-only.
func flinkStopsSaved(env *acctest.Env, allowUnsavedDelete bool) error {
	return env.EmulatorOnly(func(emu *emulator.Emulator) error {
		for id, h := range emu.FlinkJobs() {
			for i, st := range h.Stops {
				last := i == len(h.Stops)-1
				if st.StatusBefore == client.FlinkRunning && !st.TriggerSavepoint && !(allowUnsavedDelete && last && h.Deleted) {
					return fmt.Errorf("Flink job %d was stopped while running without a savepoint (stop %d of %d: %+v)", id, i+1, len(h.Stops), st)
				}
			}
		}
		return nil
	})
}

func TestAccDLIFlinkSQLJob_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name, renamed := env.Name("flink"), env.Name("flink_renamed")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env, t, false),
		Steps: []resource.TestStep{
			{
				Config: env.Config(flinkConfig(name, flinkSQL1, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					expectFlink("desired_state", knownvalue.StringExact("running")),
					expectFlink("run_mode", knownvalue.StringExact("shared_cluster")),
					expectFlink("type", knownvalue.StringExact("flink_sql_job")),
					expectFlink("cu_number", knownvalue.Int32Exact(2)),
					expectFlink("tm_slot_num", knownvalue.Int32Exact(1)),
					expectFlink("idle_state_retention", knownvalue.Int32Exact(3600)),
					expectFlink("checkpoint_mode", knownvalue.StringExact("exactly_once")),
					expectFlink("resume_max_num", knownvalue.Int32Exact(-1)),
					expectFlink("savepoint_path", knownvalue.StringExact("")),
					idIsJobID,
					expectFlink("start_time", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
					flinkHistory(env, wantRuns(1, "")),
				},
			},
			{
				ResourceName:            flinkAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				// Settings a running job takes in place: no stop, no new run.
				Config: env.Config(flinkConfig(renamed, flinkSQL1, `
  description            = "totals per region"
  smn_topic              = "flink_alarms"
  restart_when_exception = true
  resume_max_num         = 5`)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("name", knownvalue.StringExact(renamed)),
					expectFlink("smn_topic", knownvalue.StringExact("flink_alarms")),
					expectFlink("status", knownvalue.StringExact("job_running")),
					flinkHistory(env, wantRuns(1, "")),
					flinkHistory(env, wantStops(0)),
				},
			},
			{
				// An SQL change restarts the job: stop with a savepoint, update, resume from it.
				Config:           env.Config(flinkConfig(renamed, flinkSQL2, "")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					expectFlink("smn_topic", knownvalue.Null()),
					expectFlink("savepoint_path", knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
					// The emulator's name of its savepoint 1 (a real account names it otherwise).
					env.EmulatorOnlyCheck(expectFlink("savepoint_path", knownvalue.StringRegexp(regexp.MustCompile(`savepoint-1$`)))),
					flinkHistory(env, wantStops(1)),
					flinkHistory(env, wantRuns(2, "latest")),
					flinkHistory(env, func(h emulator.FlinkJobHistory) error {
						if !h.Stops[0].TriggerSavepoint || h.Runs[1].SQL != flinkSQL2 {
							return fmt.Errorf("the restart did not stop with a savepoint and run the new SQL")
						}
						return nil
					}),
				},
			},
			{
				Config:           env.Config(flinkConfig(renamed, flinkSQL2, `  desired_state = "stopped"`)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_cancel_success")),
					expectFlink("savepoint_path", knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
					// The emulator's name of its savepoint 2 (a real account names it otherwise).
					env.EmulatorOnlyCheck(expectFlink("savepoint_path", knownvalue.StringRegexp(regexp.MustCompile(`savepoint-2$`)))),
					flinkHistory(env, wantStops(2)),
					flinkHistory(env, wantRuns(2, "latest")),
				},
			},
			{
				// A stopped job takes every change without running.
				Config:           env.Config(flinkConfig(renamed, flinkSQL1, "  desired_state = \"stopped\"\n  parallel_number = 4")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_cancel_success")),
					expectFlink("parallel_number", knownvalue.Int32Exact(4)),
					expectFlink("tm_slot_num", knownvalue.Int32Exact(4)),
					flinkHistory(env, wantRuns(2, "latest")),
				},
			},
			{
				Config:           env.Config(flinkConfig(renamed, flinkSQL1, "  parallel_number = 4")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					flinkHistory(env, wantRuns(3, "latest")),
					flinkHistory(env, func(h emulator.FlinkJobHistory) error {
						if h.Runs[2].ResumedFrom != h.Savepoints[1].Path || h.Runs[2].SQL != flinkSQL1 {
							return fmt.Errorf("the run did not resume from the stop's savepoint with the new SQL")
						}
						return nil
					}),
				},
			},
			{
				// fresh_start: the stop still takes a savepoint, the run does not resume.
				Config: env.Config(flinkConfig(renamed, flinkSQL2,
					"  parallel_number = 4\n  restart_policy = \"fresh_start\"")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					flinkHistory(env, wantStops(3)),
					flinkHistory(env, wantRuns(4, "")),
				},
			},
		},
	})
}

// An exclusive_cluster job on a queue, created stopped, then run; every argument set; delete
// without a savepoint when asked.
func TestAccDLIFlinkSQLJob_exclusiveCreatedStopped(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue := env.Name("flink")
	full := func(desired string, cu int) string {
		return flinkQueueNamed(queue) + flinkConfig(env.Name("flink_full"), flinkSQL1, fmt.Sprintf(`
  run_mode               = "exclusive_cluster"
  queue_name             = huaweidata_dli_queue.flink.name
  cu_number              = %d
  manager_cu_number      = 1
  parallel_number        = 3
  tm_cus                 = 1
  tm_slot_num            = 2
  checkpoint_enabled     = true
  checkpoint_mode        = "at_least_once"
  checkpoint_interval    = 30
  obs_bucket             = "acc-flink-bucket"
  log_enabled            = true
  idle_state_retention   = 7200
  dirty_data_strategy    = "2:obs://acc-flink-bucket/dirty"
  udf_jar_url            = "group/udf.jar"
  resume_checkpoint      = true
  flink_version          = "1.12"
  runtime_config         = { "table.exec.state.ttl" = "1h" }
  tags                   = { team = "data" }
  desired_state          = %q
  savepoint_on_delete    = false
  timeouts {
    create = "5m"
  }`, cu, desired))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: resource.ComposeAggregateTestCheckFunc(
			flinkDestroyed(env, t, true),
			func(*terraform.State) error {
				return env.EmulatorOnly(func(emu *emulator.Emulator) error {
					for id, h := range emu.FlinkJobs() {
						if len(h.Stops) == 0 || h.Stops[len(h.Stops)-1].TriggerSavepoint || !h.Deleted {
							return fmt.Errorf("job %d: the delete did not stop without a savepoint as configured: %+v", id, h.Stops)
						}
					}
					return nil
				})
			},
		),
		Steps: []resource.TestStep{
			{
				Config: env.Config(full("stopped", 4)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_init")),
					expectFlink("queue_name", knownvalue.StringExact(queue)),
					expectFlink("checkpoint_mode", knownvalue.StringExact("at_least_once")),
					statecheck.ExpectKnownValue(flinkAddr, tfjsonpath.New("runtime_config").AtMapKey("table.exec.state.ttl"), knownvalue.StringExact("1h")),
					expectFlink("start_time", knownvalue.Null()),
					flinkHistory(env, func(h emulator.FlinkJobHistory) error {
						if len(h.Runs) != 0 {
							return fmt.Errorf("a stopped job was run")
						}
						return nil
					}),
				},
			},
			{
				ResourceName:      flinkAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// DLI never returns tags; the other arguments are configuration only.
				ImportStateVerifyIgnore: []string{"timeouts", "tags", "tags.%", "tags.team", "savepoint_on_delete"},
			},
			{
				Config:           env.Config(full("running", 4)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					flinkHistory(env, wantRuns(1, "")), // nothing to resume from yet
				},
			},
			{
				// More CUs than the queue has: the run is refused with DLI's reason, after the
				// running job was stopped with a savepoint. (The reason is in the emulator's
				// words; against a real account only the refusal is required.)
				Config:      env.Config(full("running", 32)),
				ExpectError: emulatorWording(env, `(?s)cu_number 32 exceeds\s+the 16 CUs of queue\s+`+regexp.QuoteMeta(queue), `.`),
			},
			{
				Config:           env.Config(full("running", 8)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					expectFlink("cu_number", knownvalue.Int32Exact(8)),
					flinkHistory(env, wantRuns(2, "latest")),
					flinkHistory(env, wantStops(1)),
				},
			},
			{
				Config:           env.Config(strings.Replace(full("running", 8), `team = "data"`, `team = "ops"`, 1)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionDestroyBeforeCreate),
			},
		},
	})
}
