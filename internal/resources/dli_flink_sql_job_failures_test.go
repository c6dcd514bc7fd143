package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// A job that fails to submit: a clear error with DLI's reason, the job kept in state
// (tainted) and replaced by the next apply, never orphaned.
func TestAccDLIFlinkSQLJob_submitFailureTaints(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "an injected Flink run failure")
	doomed := env.Name("doomed")
	if err := env.Emulator.FailNextFlinkRun(emulator.FlinkFailure{JobName: doomed, Reason: "Insufficient resources in the shared cluster"}); err != nil {
		t.Fatal(err)
	}
	var firstID int64
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env.Env, t, false),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(flinkConfig(doomed, flinkSQL1, "")),
				ExpectError: regexp.MustCompile(`(?s)job_submit_fail.*Insufficient resources in the shared\s+cluster`),
			},
			{
				Config:           env.Config(flinkConfig(doomed, flinkSQL1, "")),
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					withFlinkJobID(func(id int64) error {
						jobs := env.Emulator.FlinkJobs()
						if len(jobs) != 2 {
							return fmt.Errorf("%d jobs in the emulator, want the failed one (deleted) and its replacement", len(jobs))
						}
						for jid, h := range jobs {
							if jid != id {
								firstID = jid
								if !h.Deleted || h.Status != "job_submit_fail" {
									return fmt.Errorf("the failed job %d was not deleted: %+v", jid, h)
								}
							}
						}
						return nil
					}),
				},
			},
		},
	})
	if firstID == 0 {
		t.Error("the failed job was never seen")
	}
}

// Refresh notices a job stopped out of band, or failed, and plans it back to running.
// Against a real account only the out-of-band stop is made: the crash and the failed
// restart are the emulator's (their steps are added only against it).
func TestAccDLIFlinkSQLJob_outOfBandStopAndCrash(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("oob")
	config := env.Config(flinkConfig(name, flinkSQL1, ""))
	stopOutOfBand := func(s *terraform.State) error {
		id, err := flinkJobIDInState(s)
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
	steps := []resource.TestStep{
		{Config: config, Check: stopOutOfBand, ExpectNonEmptyPlan: true},
		{
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				expectFlink("status", knownvalue.StringExact("job_running")),
				flinkHistory(env, wantRuns(2, "latest")),
			},
		},
	}
	env.WithEmulator(func(emu *emulator.Emulator) {
		crash := func(s *terraform.State) error {
			id, err := flinkJobIDInState(s)
			if err != nil {
				return err
			}
			return emu.CrashFlinkJob(id, "java.lang.OutOfMemoryError")
		}
		steps = append(steps, []resource.TestStep{
			{Config: config, Check: crash, ExpectNonEmptyPlan: true},
			{
				RefreshState: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
					expectRefreshed("status", knownvalue.StringExact("job_running_exception")),
					expectRefreshed("status_desc", knownvalue.StringExact("java.lang.OutOfMemoryError")),
					plancheck.ExpectResourceAction(flinkAddr, plancheck.ResourceActionUpdate),
				}},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					expectFlink("status_desc", knownvalue.StringExact("")),
					flinkHistory(env, wantRuns(3, "latest")),
					flinkHistory(env, wantStops(1)),
				},
			},
			{
				// A job that crashes while being restarted: the update fails at once with
				// DLI's description, and the next apply tries again.
				PreConfig: func() {
					for id := range emu.FlinkJobs() {
						if err := emu.FailNextFlinkRun(emulator.FlinkFailure{JobID: id, Phase: emulator.FlinkFailRunning, Reason: "UDF class not found"}); err != nil {
							t.Fatal(err)
						}
					}
				},
				Config:      env.Config(flinkConfig(name, flinkSQL2, "")),
				ExpectError: regexp.MustCompile(`(?s)job_running_exception.*UDF class not found`),
			},
			{
				Config:            env.Config(flinkConfig(name, flinkSQL2, "")),
				ConfigPlanChecks:  acctest.ExpectAction(flinkAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{expectFlink("status", knownvalue.StringExact("job_running"))},
			},
		}...)
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env, t, false),
		Steps:                    steps,
	})
}

func TestAccDLIFlinkSQLJob_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(flinkConfig(env.Name("gone"), flinkSQL1, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             flinkDestroyed(env, t, true),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					id, err := flinkJobIDInState(s)
					if err != nil {
						return err
					}
					return env.Client(t).DeleteFlinkJob(context.Background(), id)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            config,
				ConfigPlanChecks:  acctest.ExpectAction(flinkAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{expectFlink("status", knownvalue.StringExact("job_running"))},
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
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	name := env.Name("faults")
	env.SetFaults(emulator.Faults{
		ErrorRates:        map[int]float64{500: 0.08, 502: 0.04, 503: 0.03, 429: 0.03, 408: 0.06}, // 24% of requests
		RetryAfterSeconds: 1,
		Operations:        []string{"CreateFlinkSqlJob", "UpdateFlinkSqlJob", "BatchRunFlinkJobs", "BatchStopFlinkJobs", "ShowFlinkJob", "ListFlinkJobs", "DeleteFlinkJob"},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			if n := len(env.Emulator.FlinkJobs()); n != 1 {
				return fmt.Errorf("%d jobs were created, want 1", n)
			}
			return flinkDestroyed(env.Env, t, false)(s)
		},
		Steps: []resource.TestStep{
			{
				Config:            env.Config(flinkConfig(name, flinkSQL1, "")),
				ConfigStateChecks: []statecheck.StateCheck{expectFlink("status", knownvalue.StringExact("job_running"))},
			},
			{
				Config: env.Config(flinkConfig(name, flinkSQL2, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					expectFlink("status", knownvalue.StringExact("job_running")),
					flinkHistory(env.Env, wantRuns(2, "latest")),
				},
			},
		},
	})
}
