package actions_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// savepointJobs is a running Flink job and a stopped one, named running and stopped.
func savepointJobs(running, stopped string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_flink_sql_job" "running" {
  name = %q
  sql  = "INSERT INTO demo_db.totals SELECT region, SUM(amount) FROM demo_db.orders GROUP BY region"
}

resource "huaweidata_dli_flink_sql_job" "stopped" {
  name          = %q
  sql           = "INSERT INTO demo_db.totals SELECT region, SUM(amount) FROM demo_db.orders GROUP BY region"
  desired_state = "stopped"
}
`, running, stopped)
}

// savepoint invokes huaweidata_dli_flink_job_savepoint of a job of savepointJobs.
func savepoint(name, job string) string {
	return invokedOnCreate("huaweidata_dli_flink_job_savepoint", name, job+".id", fmt.Sprintf(`
    job_id         = %s.job_id
    savepoint_path = "acc-bucket/savepoints/"`, job))
}

// savepointsOf returns the savepoint paths the emulator recorded for the job named name.
func savepointsOf(emu *emulator.Emulator, name string) ([]string, error) {
	for _, j := range emu.FlinkJobs() {
		if j.Name == name {
			var paths []string
			for _, sp := range j.Savepoints {
				paths = append(paths, sp.Path)
			}
			return paths, nil
		}
	}
	return nil, fmt.Errorf("no Flink job %s in the emulator", name)
}

// The savepoint of the running job is recorded in the emulator and complete (the job runs
// on) when the invocation ends; a job that is not running fails with DLI's message.
func TestAccActionDLIFlinkJobSavepoint(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	running, stopped := env.Name("running"), env.Name("stopped")
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   needsActions,
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(lines(savepointJobs(running, stopped), savepoint("take", "huaweidata_dli_flink_sql_job.running"))),
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("ExecuteFlinkJobSavepoint", 1, 1),
					// The emulator's record of the savepoints taken (emulator-only).
					env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
						paths, err := savepointsOf(emu, running)
						if err != nil {
							return err
						}
						if len(paths) != 1 || !strings.HasPrefix(paths[0], "obs://acc-bucket/savepoints/") {
							return fmt.Errorf("savepoints of %s: want one under obs://acc-bucket/savepoints/, got %v", running, paths)
						}
						return nil
					}),
					// The job runs on after the savepoint.
					eventually(func(ctx context.Context) error {
						jobs, err := env.Client(t).ListFlinkJobs(ctx, client.FlinkJobQuery{Name: running})
						if err != nil {
							return err
						}
						n := 0
						for _, j := range jobs {
							if ptr.Deref(j.Name) != running {
								continue
							}
							n++
							if ptr.Deref(j.Status) != "job_running" {
								return fmt.Errorf("%s is %s after the savepoint, want job_running", running, ptr.Deref(j.Status))
							}
						}
						if n == 0 {
							return fmt.Errorf("%s: %w", running, errNotListedYet)
						}
						return nil
					}),
				},
			},
			{
				Config:      env.Config(lines(savepointJobs(running, stopped), savepoint("take", "huaweidata_dli_flink_sql_job.running"), savepoint("refused", "huaweidata_dli_flink_sql_job.stopped"))),
				ExpectError: regexp.MustCompile(`(?s)Triggering a savepoint of DLI Flink job \d+.*DLI\.0007.*not\s+running`),
			},
		},
	})
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad path": {Config: invokedOnCreate("huaweidata_dli_flink_job_savepoint", "x", "null", `
    job_id         = 1
    savepoint_path = "Bad Bucket/dir"`), Want: `(?s)savepoint_path.*must be an OBS directory`},
		"bad job id": {Config: invokedOnCreate("huaweidata_dli_flink_job_savepoint", "x", "null", `
    job_id         = 0
    savepoint_path = "bucket/dir/"`), Want: `(?s)job_id.*at least 1`},
	})
}
