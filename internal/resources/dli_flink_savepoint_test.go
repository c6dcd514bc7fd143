package resources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const savepointAddr = "huaweidata_dli_flink_savepoint.test"

// savepointConfig is a savepoint of a Jar job, named from env, on a queue of its own.
func savepointConfig(env *acctest.Env, trigger, jarExtra string) string {
	return jarConfigOn(env.Name("flink"), env.Name("jar_sp"), "-rate 1", jarExtra) + fmt.Sprintf(`
resource "huaweidata_dli_flink_savepoint" "test" {
  job_id    = huaweidata_dli_flink_jar_job.test.job_id
  directory = "acc-bucket/savepoints/"
  triggers  = { release = %q }
}
`, trigger)
}

// A savepoint on demand: taken into the directory, the job keeps running; a new trigger
// takes another; a later restart of the job resumes from its stop's savepoint.
func TestAccDLIFlinkSavepoint_onDemand(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	savepoints := func(n int) statecheck.StateCheck {
		return jarHistory(env, func(h emulator.FlinkJobHistory) error {
			if len(h.Savepoints) != n || h.Status != "job_running" {
				return fmt.Errorf("%d savepoints (status %s), want %d while running: %+v", len(h.Savepoints), h.Status, n, h.Savepoints)
			}
			return nil
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             jarDestroyed(env, t, false),
		Steps: []resource.TestStep{
			{
				Config: env.Config(savepointConfig(env, "v1", "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(savepointAddr, tfjsonpath.New("savepoint_path"), knownvalue.StringRegexp(regexp.MustCompile(`^obs://acc-bucket/savepoints/\S`))),
					// The emulator's name of the job's savepoint 1 (a real account names it otherwise).
					env.EmulatorOnlyCheck(statecheck.ExpectKnownValue(savepointAddr, tfjsonpath.New("savepoint_path"), knownvalue.StringRegexp(regexp.MustCompile(`^obs://acc-bucket/savepoints/savepoint-[0-9]+-1$`)))),
					savepoints(1),
					jarHistory(env, wantStops(0)),
				},
			},
			{
				Config:           env.Config(savepointConfig(env, "v2", "")),
				ConfigPlanChecks: acctest.ExpectAction(savepointAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(savepointAddr, tfjsonpath.New("savepoint_path"), knownvalue.StringRegexp(regexp.MustCompile(`^obs://acc-bucket/savepoints/\S`))),
					// The emulator's name of the job's savepoint 2 (a real account names it otherwise).
					env.EmulatorOnlyCheck(statecheck.ExpectKnownValue(savepointAddr, tfjsonpath.New("savepoint_path"), knownvalue.StringRegexp(regexp.MustCompile(`^obs://acc-bucket/savepoints/savepoint-[0-9]+-2$`)))),
					savepoints(2),
				},
			},
			{
				// A stopped job takes no savepoint: the create fails with the reason.
				Config:      env.Config(savepointConfig(env, "v3", `  desired_state = "stopped"`)),
				ExpectError: regexp.MustCompile(`(?s)only a running job\s+\(job_running\)\s+takes a savepoint`),
			},
		},
	})
}

func TestAccDLIFlinkSavepoint_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	sp := func(dir string) string {
		return fmt.Sprintf("resource \"huaweidata_dli_flink_savepoint\" \"bad\" {\n  job_id = 1\n  directory = %q\n}\n", dir)
	}
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"no trailing slash": {Config: sp("bucket/dir"), Want: `(?s)must be an OBS directory bucket_name/dir/ ending in /`},
		"no bucket":         {Config: sp("/dir/"), Want: `(?s)must be an OBS directory`},
		"job id":            {Config: "resource \"huaweidata_dli_flink_savepoint\" \"bad\" {\n  job_id = 0\n  directory = \"b/d/\"\n}\n", Want: `(?s)job_id value must be at least 1`},
	})
}
