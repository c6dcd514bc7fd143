package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

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

// flinkJobID is the job id of the resource at addr in the state.
func flinkJobID(s *terraform.State, addr string) (int64, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return 0, fmt.Errorf("%s is not in the state", addr)
	}
	return strconv.ParseInt(rs.Primary.ID, 10, 64)
}

// flinkHistory checks what the emulator recorded for the job at addr: its runs, stops and
// savepoints.
func flinkHistory(env *acctest.Env, addr string, check func(h emulator.FlinkJobHistory) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := flinkJobID(s, addr)
		if err != nil {
			return err
		}
		h, found := env.Emulator.FlinkJob(id)
		if !found {
			return fmt.Errorf("the emulator has no Flink job %d", id)
		}
		if err := check(h); err != nil {
			return fmt.Errorf("Flink job %d: %w (runs %+v, stops %+v)", id, err, h.Runs, h.Stops)
		}
		return nil
	}
}

// wantRuns checks the number of runs and where the last one resumed from: "" for a fresh
// start, "latest" for the latest savepoint.
func wantRuns(n int, resumedFrom string) func(emulator.FlinkJobHistory) error {
	return func(h emulator.FlinkJobHistory) error {
		if len(h.Runs) != n {
			return fmt.Errorf("%d runs, want %d", len(h.Runs), n)
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
func flinkStopsSaved(env *acctest.Env, allowUnsavedDelete bool) error {
	for id, h := range env.Emulator.FlinkJobs() {
		for i, st := range h.Stops {
			last := i == len(h.Stops)-1
			if st.StatusBefore == client.FlinkRunning && !st.TriggerSavepoint && !(allowUnsavedDelete && last && h.Deleted) {
				return fmt.Errorf("Flink job %d was stopped while running without a savepoint (stop %d of %d: %+v)", id, i+1, len(h.Stops), st)
			}
		}
	}
	return nil
}

func TestAccDLIFlinkSQLJob_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env, t, false),
		Steps: []resource.TestStep{
			{
				Config: env.Config(flinkConfig("acc_flink", flinkSQL1, "")),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					resource.TestCheckResourceAttr(flinkAddr, "desired_state", "running"),
					resource.TestCheckResourceAttr(flinkAddr, "run_mode", "shared_cluster"),
					resource.TestCheckResourceAttr(flinkAddr, "type", "flink_sql_job"),
					resource.TestCheckResourceAttr(flinkAddr, "cu_number", "2"),
					resource.TestCheckResourceAttr(flinkAddr, "tm_slot_num", "1"),
					resource.TestCheckResourceAttr(flinkAddr, "idle_state_retention", "3600"),
					resource.TestCheckResourceAttr(flinkAddr, "checkpoint_mode", "exactly_once"),
					resource.TestCheckResourceAttr(flinkAddr, "resume_max_num", "-1"),
					resource.TestCheckResourceAttr(flinkAddr, "savepoint_path", ""),
					resource.TestCheckResourceAttrPair(flinkAddr, "id", flinkAddr, "job_id"),
					resource.TestMatchResourceAttr(flinkAddr, "start_time", regexp.MustCompile(`^\d{4}-\d\d-\d\dT`)),
					flinkHistory(env, flinkAddr, wantRuns(1, "")),
				),
			},
			{
				ResourceName:            flinkAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				// Settings a running job takes in place: no stop, no new run.
				Config: env.Config(flinkConfig("acc_flink_renamed", flinkSQL1, `
  description            = "totals per region"
  smn_topic              = "flink_alarms"
  restart_when_exception = true
  resume_max_num         = 5`)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "name", "acc_flink_renamed"),
					resource.TestCheckResourceAttr(flinkAddr, "smn_topic", "flink_alarms"),
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					flinkHistory(env, flinkAddr, wantRuns(1, "")),
					flinkHistory(env, flinkAddr, wantStops(0)),
				),
			},
			{
				// An SQL change restarts the job: stop with a savepoint, update, resume from it.
				Config:           env.Config(flinkConfig("acc_flink_renamed", flinkSQL2, "")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					resource.TestCheckNoResourceAttr(flinkAddr, "smn_topic"),
					resource.TestMatchResourceAttr(flinkAddr, "savepoint_path", regexp.MustCompile(`savepoint-1$`)),
					flinkHistory(env, flinkAddr, wantStops(1)),
					flinkHistory(env, flinkAddr, wantRuns(2, "latest")),
					flinkHistory(env, flinkAddr, func(h emulator.FlinkJobHistory) error {
						if !h.Stops[0].TriggerSavepoint || h.Runs[1].SQL != flinkSQL2 {
							return fmt.Errorf("the restart did not stop with a savepoint and run the new SQL")
						}
						return nil
					}),
				),
			},
			{
				Config:           env.Config(flinkConfig("acc_flink_renamed", flinkSQL2, `  desired_state = "stopped"`)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_cancel_success"),
					resource.TestMatchResourceAttr(flinkAddr, "savepoint_path", regexp.MustCompile(`savepoint-2$`)),
					flinkHistory(env, flinkAddr, wantStops(2)),
					flinkHistory(env, flinkAddr, wantRuns(2, "latest")),
				),
			},
			{
				// A stopped job takes every change without running.
				Config:           env.Config(flinkConfig("acc_flink_renamed", flinkSQL1, "  desired_state = \"stopped\"\n  parallel_number = 4")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_cancel_success"),
					resource.TestCheckResourceAttr(flinkAddr, "parallel_number", "4"),
					resource.TestCheckResourceAttr(flinkAddr, "tm_slot_num", "4"),
					flinkHistory(env, flinkAddr, wantRuns(2, "latest")),
				),
			},
			{
				Config:           env.Config(flinkConfig("acc_flink_renamed", flinkSQL1, "  parallel_number = 4")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					flinkHistory(env, flinkAddr, wantRuns(3, "latest")),
					flinkHistory(env, flinkAddr, func(h emulator.FlinkJobHistory) error {
						if h.Runs[2].ResumedFrom != h.Savepoints[1].Path || h.Runs[2].SQL != flinkSQL1 {
							return fmt.Errorf("the run did not resume from the stop's savepoint with the new SQL")
						}
						return nil
					}),
				),
			},
			{
				// fresh_start: the stop still takes a savepoint, the run does not resume.
				Config: env.Config(flinkConfig("acc_flink_renamed", flinkSQL2,
					"  parallel_number = 4\n  restart_policy = \"fresh_start\"")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					flinkHistory(env, flinkAddr, wantStops(3)),
					flinkHistory(env, flinkAddr, wantRuns(4, "")),
				),
			},
		},
	})
}

// An exclusive_cluster job on a queue, created stopped, then run; every argument set; delete
// without a savepoint when asked.
func TestAccDLIFlinkSQLJob_exclusiveCreatedStopped(t *testing.T) {
	env := acctest.NewEnv(t)
	full := func(desired string, cu int) string {
		return flinkQueue + flinkConfig("acc_flink_full", flinkSQL1, fmt.Sprintf(`
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
				for id, h := range env.Emulator.FlinkJobs() {
					if last := h.Stops[len(h.Stops)-1]; last.TriggerSavepoint || !h.Deleted {
						return fmt.Errorf("job %d: the delete did not stop without a savepoint as configured: %+v", id, last)
					}
				}
				return nil
			},
		),
		Steps: []resource.TestStep{
			{
				Config: env.Config(full("stopped", 4)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_init"),
					resource.TestCheckResourceAttr(flinkAddr, "queue_name", "acc_flink"),
					resource.TestCheckResourceAttr(flinkAddr, "checkpoint_mode", "at_least_once"),
					resource.TestCheckResourceAttr(flinkAddr, "runtime_config.table.exec.state.ttl", "1h"),
					resource.TestCheckResourceAttr(flinkAddr, "start_time", ""),
					flinkHistory(env, flinkAddr, func(h emulator.FlinkJobHistory) error {
						if len(h.Runs) != 0 {
							return fmt.Errorf("a stopped job was run")
						}
						return nil
					}),
				),
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
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					flinkHistory(env, flinkAddr, wantRuns(1, "")), // nothing to resume from yet
				),
			},
			{
				// More CUs than the queue has: the run is refused with DLI's reason, after the
				// running job was stopped with a savepoint.
				Config:      env.Config(full("running", 32)),
				ExpectError: regexp.MustCompile(`(?s)cu_number 32 exceeds\s+the 16 CUs of queue acc_flink`),
			},
			{
				Config:           env.Config(full("running", 8)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					resource.TestCheckResourceAttr(flinkAddr, "cu_number", "8"),
					flinkHistory(env, flinkAddr, wantRuns(2, "latest")),
					flinkHistory(env, flinkAddr, wantStops(1)),
				),
			},
			{
				Config:           env.Config(strings.Replace(full("running", 8), `team = "data"`, `team = "ops"`, 1)),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionDestroyBeforeCreate),
			},
		},
	})
}

// A job that fails to submit: a clear error with DLI's reason, the job kept in state
// (tainted) and replaced by the next apply, never orphaned.
func TestAccDLIFlinkSQLJob_submitFailureTaints(t *testing.T) {
	env := acctest.NewEnv(t)
	if err := env.Emulator.FailNextFlinkRun(emulator.FlinkFailure{JobName: "acc_doomed", Reason: "Insufficient resources in the shared cluster"}); err != nil {
		t.Fatal(err)
	}
	var firstID int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env, t, false),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(flinkConfig("acc_doomed", flinkSQL1, "")),
				ExpectError: regexp.MustCompile(`(?s)job_submit_fail.*Insufficient resources in the shared\s+cluster`),
			},
			{
				Config:           env.Config(flinkConfig("acc_doomed", flinkSQL1, "")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					func(s *terraform.State) error {
						jobs := env.Emulator.FlinkJobs()
						if len(jobs) != 2 {
							return fmt.Errorf("%d jobs in the emulator, want the failed one (deleted) and its replacement", len(jobs))
						}
						id, _ := flinkJobID(s, flinkAddr)
						for jid, h := range jobs {
							if jid != id {
								firstID = jid
								if !h.Deleted || h.Status != "job_submit_fail" {
									return fmt.Errorf("the failed job %d was not deleted: %+v", jid, h)
								}
							}
						}
						return nil
					},
				),
			},
		},
	})
	if firstID == 0 {
		t.Error("the failed job was never seen")
	}
}

// Refresh notices a job stopped out of band, or failed, and plans it back to running.
func TestAccDLIFlinkSQLJob_outOfBandStopAndCrash(t *testing.T) {
	env := acctest.NewEnv(t)
	config := env.Config(flinkConfig("acc_oob", flinkSQL1, ""))
	stopOutOfBand := func(s *terraform.State) error {
		id, err := flinkJobID(s, flinkAddr)
		if err != nil {
			return err
		}
		c, ctx := env.Client(t), context.Background()
		if err := c.StopFlinkJob(ctx, id, true); err != nil {
			return err
		}
		_, err = c.WaitForFlinkJob(ctx, id, "to stop", func(s string) bool { return s == client.FlinkCancelSuccess })
		return err
	}
	crash := func(s *terraform.State) error {
		id, err := flinkJobID(s, flinkAddr)
		if err != nil {
			return err
		}
		return env.Emulator.CrashFlinkJob(id, "java.lang.OutOfMemoryError")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env, t, false),
		Steps: []resource.TestStep{
			{Config: config, Check: stopOutOfBand, ExpectNonEmptyPlan: true},
			{
				Config:           config,
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					flinkHistory(env, flinkAddr, wantRuns(2, "latest")),
				),
			},
			{Config: config, Check: crash, ExpectNonEmptyPlan: true},
			{
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running_exception"),
					resource.TestCheckResourceAttr(flinkAddr, "status_desc", "java.lang.OutOfMemoryError"),
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					resource.TestCheckResourceAttr(flinkAddr, "status_desc", ""),
					flinkHistory(env, flinkAddr, wantRuns(3, "latest")),
					flinkHistory(env, flinkAddr, wantStops(1)),
				),
			},
			{
				// A job that crashes while being restarted: the update fails at once with
				// DLI's description, and the next apply tries again.
				PreConfig: func() {
					for id := range env.Emulator.FlinkJobs() {
						if err := env.Emulator.FailNextFlinkRun(emulator.FlinkFailure{JobID: id, Phase: emulator.FlinkFailRunning, Reason: "UDF class not found"}); err != nil {
							t.Fatal(err)
						}
					}
				},
				Config:      env.Config(flinkConfig("acc_oob", flinkSQL2, "")),
				ExpectError: regexp.MustCompile(`(?s)job_running_exception.*UDF class not found`),
			},
			{
				Config:           env.Config(flinkConfig("acc_oob", flinkSQL2, "")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				Check:            resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
			},
		},
	})
}

func TestAccDLIFlinkSQLJob_disappears(t *testing.T) {
	env := acctest.NewEnv(t)
	config := env.Config(flinkConfig("acc_gone", flinkSQL1, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env, t, true),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					id, err := flinkJobID(s, flinkAddr)
					if err != nil {
						return err
					}
					return env.Client(t).DeleteFlinkJob(context.Background(), id)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionCreate),
				Check:            resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
			},
			{
				ResourceName:  flinkAddr,
				ImportState:   true,
				ImportStateId: "not-a-number",
				ExpectError:   regexp.MustCompile(`Import a DLI Flink SQL job by its numeric job id`),
			},
		},
	})
}

func TestAccDLIFlinkSQLJob_withFaults(t *testing.T) {
	env := acctest.NewEnv(t)
	env.Emulator.SetFaults(emulator.Faults{
		ErrorRates:        map[int]float64{500: 0.08, 502: 0.04, 503: 0.03, 429: 0.03, 408: 0.06}, // 24% of requests
		RetryAfterSeconds: 1,
		Operations:        []string{"CreateFlinkSqlJob", "UpdateFlinkSqlJob", "BatchRunFlinkJobs", "BatchStopFlinkJobs", "ShowFlinkJob", "ListFlinkJobs", "DeleteFlinkJob"},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.Emulator.SetFaults(emulator.Faults{})
			if n := len(env.Emulator.FlinkJobs()); n != 1 {
				return fmt.Errorf("%d jobs were created, want 1", n)
			}
			return flinkDestroyed(env, t, false)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(flinkConfig("acc_faults", flinkSQL1, "")),
				Check:  resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
			},
			{
				Config: env.Config(flinkConfig("acc_faults", flinkSQL2, "")),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flinkAddr, "status", "job_running"),
					flinkHistory(env, flinkAddr, wantRuns(2, "latest")),
				),
			},
		},
	})
}

func TestAccDLIFlinkSQLJob_planTimeValidation(t *testing.T) {
	env := acctest.NewEnv(t)
	job := func(extra string) string { return flinkConfig("acc_plan", flinkSQL1, extra) }
	cases := map[string]acctest.PlanError{
		// Cross-field rules.
		"queue_name without exclusive_cluster": {Config: job(`  queue_name = "q1"`), Want: `(?s)queue_name can only be set when run_mode is\s+exclusive_cluster; run_mode is\s+shared_cluster`},
		"queue_name with edge_node":            {Config: job("  run_mode = \"edge_node\"\n  queue_name = \"q1\""), Want: `(?s)queue_name can only be set.*run_mode is\s+edge_node`},
		"exclusive_cluster without queue_name": {Config: job(`  run_mode = "exclusive_cluster"`), Want: `(?s)queue_name is required when run_mode is\s+exclusive_cluster`},
		"checkpoint_enabled without obs":       {Config: job(`  checkpoint_enabled = true`), Want: `(?s)checkpoint_enabled = true needs obs_bucket`},
		"log_enabled without obs":              {Config: job(`  log_enabled = true`), Want: `(?s)log_enabled = true needs obs_bucket`},
		"manager_cu_number not below cu":       {Config: job("  cu_number = 4\n  manager_cu_number = 4"), Want: `(?s)manager_cu_number \(4\) must be less than\s+cu_number \(4\)`},
		"manager_cu_number vs default cu":      {Config: job(`  manager_cu_number = 2`), Want: `(?s)manager_cu_number \(2\) must be less than\s+cu_number \(2\)`},
		"parallel_number over 4x":              {Config: job("  cu_number = 3\n  parallel_number = 9"), Want: `(?s)parallel_number \(9\) must be at most 4 x.*= 8`},
		"parallel_number over default 4x":      {Config: job(`  parallel_number = 5`), Want: `(?s)parallel_number \(5\) must be at most.*= 4`},
		"opensource type on shared cluster":    {Config: job(`  type = "flink_opensource_sql_job"`), Want: `(?s)run_mode shared_cluster must be of type\s+flink_sql_job`},
		// Single-attribute rules.
		"name empty":               {Config: flinkConfig("", flinkSQL1, ""), Want: `(?s)name.*length must be between 1 and 57`},
		"name too long":            {Config: flinkConfig(strings.Repeat("n", 58), flinkSQL1, ""), Want: `(?s)name.*length must be between 1 and 57`},
		"description too long":     {Config: job(fmt.Sprintf("  description = %q", strings.Repeat("d", 513))), Want: `(?s)description.*at most 512`},
		"sql without sink":         {Config: flinkConfig("acc_plan", "SELECT * FROM demo_db.orders", ""), Want: `(?s)must contain a query \(SELECT\) and a sink\s+\(INSERT INTO\)`},
		"type unknown":             {Config: job(`  type = "flink_jar_job"`), Want: `(?s)type.*must be one of`},
		"run_mode unknown":         {Config: job(`  run_mode = "dedicated"`), Want: `(?s)run_mode.*must be one of`},
		"queue_name invalid":       {Config: job("  run_mode = \"exclusive_cluster\"\n  queue_name = \"Bad-Queue\""), Want: `(?s)queue_name.*"Bad-Queue"`},
		"cu_number 1":              {Config: job(`  cu_number = 1`), Want: `(?s)cu_number.*between 2 and 400`},
		"cu_number 401":            {Config: job(`  cu_number = 401`), Want: `(?s)cu_number.*between 2 and 400`},
		"manager_cu_number 0":      {Config: job(`  manager_cu_number = 0`), Want: `(?s)manager_cu_number.*at least 1`},
		"parallel_number 2001":     {Config: job("  cu_number = 400\n  parallel_number = 2001"), Want: `(?s)parallel_number.*between 1 and 2000`},
		"tm_cus 0":                 {Config: job(`  tm_cus = 0`), Want: `(?s)tm_cus.*at least 1`},
		"tm_slot_num 0":            {Config: job(`  tm_slot_num = 0`), Want: `(?s)tm_slot_num.*at least 1`},
		"checkpoint_mode unknown":  {Config: job(`  checkpoint_mode = "once"`), Want: `(?s)checkpoint_mode.*must be one of`},
		"checkpoint_interval < 0":  {Config: job(`  checkpoint_interval = -1`), Want: `(?s)checkpoint_interval.*at least 0`},
		"idle_state_retention 0":   {Config: job(`  idle_state_retention = 0`), Want: `(?s)idle_state_retention.*at least 1`},
		"dirty_data_strategy 2":    {Config: job(`  dirty_data_strategy = "2"`), Want: `(?s)dirty_data_strategy.*"2:<obs dir>"`},
		"resume_max_num 0":         {Config: job(`  resume_max_num = 0`), Want: `(?s)resume_max_num.*-1`},
		"flink_version unknown":    {Config: job(`  flink_version = "2.0"`), Want: `(?s)flink_version.*must be one of`},
		"tag value too long":       {Config: job(fmt.Sprintf("  tags = { k = %q }", strings.Repeat("v", 256))), Want: `(?s)tags.*between 1 and 255`},
		"desired_state unknown":    {Config: job(`  desired_state = "paused"`), Want: `(?s)desired_state.*must be one of`},
		"restart_policy unknown":   {Config: job(`  restart_policy = "resume"`), Want: `(?s)restart_policy.*must be one of`},
		"obs_bucket empty":         {Config: job(`  obs_bucket = ""`), Want: `(?s)obs_bucket.*at least 1`},
		"runtime_config empty key": {Config: job(`  runtime_config = { "" = "x" }`), Want: `(?s)runtime_config.*at least 1`},
	}
	env.ExpectPlanErrors(t, cases)
}
