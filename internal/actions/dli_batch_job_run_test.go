package actions_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/client"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// batchQueue is the general-purpose queue named queue the runs use.
func batchQueue(queue string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "spark" {
  name       = %q
  cu_count   = 16
  queue_type = "general"
}
`, queue)
}

// batchRun invokes huaweidata_dli_batch_job_run of a run named runName on the queue.
func batchRun(name, runName, extra string) string {
	return invokedOnCreate("huaweidata_dli_batch_job_run", name, "huaweidata_dli_queue.spark.id", fmt.Sprintf(`
    queue_name      = huaweidata_dli_queue.spark.name
    name            = %q
    file            = "obs://demo-bucket/jars/spark-examples.jar"
    class_name      = "org.apache.spark.examples.SparkPi"
    args            = ["100"]
    conf            = { "spark.sql.shuffle.partitions" = "4" }
    executor_memory = "2G"
    num_executors   = 2
%s`, runName, extra))
}

// batchesNamed returns the states of the batches named name.
func batchesNamed(ctx context.Context, c *client.Client, name string) ([]string, error) {
	jobs, err := c.ListAllBatchJobs(ctx, client.BatchJobFilter{Name: name})
	if err != nil {
		return nil, err
	}
	var states []string
	for _, b := range jobs {
		if b.Name == name {
			states = append(states, b.State)
		}
	}
	return states, nil
}

// The run is submitted and the invocation waits until it has succeeded; with wait = false
// it only submits; a run that ends dead fails the apply with its log tail.
func TestAccActionDLIBatchJobRun(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue, pi, later, doomed, slow := env.Name("spark"), env.Name("pi"), env.Name("later"), env.Name("doomed"), env.Name("slow")
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   needsActions,
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(lines(batchQueue(queue), batchRun("pi", pi, ""), batchRun("later", later, "    wait = false"))),
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("CreateSparkJob", 2, 2),
					eventually(func(ctx context.Context) error {
						c := env.Client(t)
						states := map[string][]string{}
						for _, name := range []string{pi, later} {
							s, err := batchesNamed(ctx, c, name)
							if err != nil {
								return err
							}
							if len(s) == 0 {
								return fmt.Errorf("%s: %w", name, errNotListedYet)
							}
							states[name] = s
						}
						if s := states[pi]; len(s) != 1 || s[0] != client.BatchSuccess {
							return fmt.Errorf("%s: want one run that succeeded (the invocation waits), got %v", pi, s)
						}
						if s := states[later]; len(s) != 1 {
							return fmt.Errorf("%s: want one run submitted (wait = false), got %v", later, s)
						}
						return nil
					}),
				},
			},
			{
				// A run that ends dead: the emulator fails runs of this name (emulator-only step).
				PreConfig: func() {
					env.WithEmulator(func(emu *emulator.Emulator) {
						emu.FailBatchesNamed(doomed, "java.io.FileNotFoundException: obs://demo-bucket/input/2024-01-01 does not exist")
					})
				},
				SkipFunc:    onlyEmulated(env),
				Config:      env.Config(lines(batchQueue(queue), batchRun("doomed", doomed, ""))),
				ExpectError: regexp.MustCompile(`(?s)Running Spark batch job \S+ on DLI queue\s+` + regexp.QuoteMeta(queue) + `.*ended\s+in\s+state\s+dead.*FileNotFoundException`),
			},
			{
				// The invocation gives up after its timeout, naming the state it waited in; the
				// emulator's runs last a day (emulator-only step).
				PreConfig:   func() { env.WithEmulator(func(emu *emulator.Emulator) { emu.SetBatchRunTime(24 * time.Hour) }) },
				SkipFunc:    onlyEmulated(env),
				Config:      env.Config(lines(batchQueue(queue), batchRun("slow", slow, `    timeout = "2s"`))),
				ExpectError: regexp.MustCompile(`(?s)timed\s+out\s+waiting\s+for\s+batch\s+job\s+\S+\s+to\s+finish;\s+last\s+state:\s+running`),
			},
		},
	})
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"jar without class_name": {Config: invokedOnCreate("huaweidata_dli_batch_job_run", "x", "null", `
    queue_name = "q1"
    file       = "obs://b/app.jar"`), Want: `(?s)Missing class_name.*class_name is required.*not a Python\s+file`},
		"bad sc_type": {Config: invokedOnCreate("huaweidata_dli_batch_job_run", "x", "null", `
    queue_name = "q1"
    file       = "obs://b/app.py"
    sc_type    = "D"`), Want: `sc_type value must be one of: \["A" "B" "C"\]`},
		"bad memory": {Config: invokedOnCreate("huaweidata_dli_batch_job_run", "x", "null", `
    queue_name    = "q1"
    file          = "obs://b/app.py"
    driver_memory = "2"`), Want: `(?s)driver_memory.*(unit|memory)`},
		"bad file": {Config: invokedOnCreate("huaweidata_dli_batch_job_run", "x", "null", `
    queue_name = "q1"
    file       = "obs://demo-bucket"`), Want: `(?s)Invalid package.*file "obs://demo-bucket" is not a complete OBS\s+path`},
		"zero executors": {Config: invokedOnCreate("huaweidata_dli_batch_job_run", "x", "null", `
    queue_name    = "q1"
    file          = "obs://b/app.py"
    num_executors = 0`), Want: `(?s)num_executors.*at least 1`},
	})
}
