package actions_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// A submission (a batch run, an SQL statement, a savepoint trigger) answered 408 after the
// emulator committed it, with new objects invisible for a while, is found again instead of
// being sent twice: an invocation runs its job once.
func TestAccActionLostSubmission(t *testing.T) {
	for name, tc := range map[string]struct {
		op     string
		config func(env *acctest.EmulatedEnv) string
		runs   func(env *acctest.EmulatedEnv) int
	}{
		"batch": {op: "CreateSparkJob",
			config: func(env *acctest.EmulatedEnv) string {
				return lines(batchQueue(env.Name("spark")), batchRun("pi", env.Name("pi"), ""))
			},
			runs: func(env *acctest.EmulatedEnv) (n int) {
				for _, b := range inventory(env.Emulator).SparkBatches {
					if b.Name == env.Name("pi") && b.State == "success" {
						n++
					}
				}
				return n
			}},
		"savepoint": {op: "ExecuteFlinkJobSavepoint",
			config: func(env *acctest.EmulatedEnv) string {
				return lines(savepointJobs(env.Name("running"), env.Name("stopped")), savepoint("take", "huaweidata_dli_flink_sql_job.running"))
			},
			runs: func(env *acctest.EmulatedEnv) int {
				paths, _ := savepointsOf(env.Emulator, env.Name("running"))
				return len(paths)
			}},
		"sql": {op: "CreateSqlJob",
			config: func(env *acctest.EmulatedEnv) string {
				return lines(sqlWorld(env.Name("sql"), env.Name("db")), sqlAction("create", "CREATE TABLE from_action (id INT) USING parquet"))
			},
			runs: func(env *acctest.EmulatedEnv) (n int) {
				for _, j := range inventory(env.Emulator).SQLJobs {
					if j.JobType == "DDL" && j.Status == "FINISHED" {
						n++
					}
				}
				return n
			}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEmulatedEnv(t, "a 408 injected after the submission took effect")
			env.ConsistencyWindow = 10 * time.Second
			env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{tc.op}, ConsistencyDelay: 1500 * time.Millisecond})
			resource.Test(t, resource.TestCase{
				TerraformVersionChecks:   needsActions,
				ProtoV6ProviderFactories: env.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config: env.Config(tc.config(env)),
					ConfigStateChecks: []statecheck.StateCheck{
						env.ExpectRequests(tc.op, 1, 1),
						env.CheckEmulator(func(context.Context, *emulator.Emulator) error {
							if n := tc.runs(env); n != 1 {
								return fmt.Errorf("%s: %d finished runs in the emulator, want exactly 1", tc.op, n)
							}
							return nil
						}),
					},
				}},
			})
		})
	}
}
