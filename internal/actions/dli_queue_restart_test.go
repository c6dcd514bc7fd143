package actions_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// restartQueues is an SQL queue named sql and a general-purpose one named general.
func restartQueues(sql, general string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "sql" {
  name     = %q
  cu_count = 16
}

resource "huaweidata_dli_queue" "general" {
  name       = %q
  cu_count   = 16
  queue_type = "general"
}
`, sql, general)
}

// queueRestart invokes huaweidata_dli_queue_restart of a queue of restartQueues.
func queueRestart(name, queue, extra string) string {
	return invokedOnCreate("huaweidata_dli_queue_restart", name, queue+".id", fmt.Sprintf(`
    queue_name = %s.name
%s`, queue, extra))
}

// A forced restart waits for its RESTART_QUEUE job (finished in the emulator), a plain one
// is immediate; the queue's resource shows no difference. Restarting a general-purpose
// queue fails with DLI's message.
func TestAccActionDLIQueueRestart(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	sqlQueue, general := env.Name("restart"), env.Name("general")
	queues := restartQueues(sqlQueue, general)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   needsActions,
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(lines(queues,
					queueRestart("forced", "huaweidata_dli_queue.sql", "    force = true"),
					queueRestart("plain", "huaweidata_dli_queue.sql", ""))),
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("RunQueueAction", 2, 2),
					// The forced restart's job is found by its id only (DLI lists no RESTART_QUEUE
					// job), and the invocation does not tell it: emulator-only.
					checkInventory(env, func(inv emulator.ProjectInventory) error {
						for _, j := range inv.SQLJobs {
							if j.JobType == "RESTART_QUEUE" {
								if j.Status != "FINISHED" {
									return fmt.Errorf("the RESTART_QUEUE job %s is %s: the invocation did not wait for it", j.ID, j.Status)
								}
								return nil
							}
						}
						return fmt.Errorf("no RESTART_QUEUE job in the emulator: %+v", inv.SQLJobs)
					}),
				},
			},
			{
				Config:      env.Config(lines(queues, queueRestart("general", "huaweidata_dli_queue.general", ""))),
				ExpectError: regexp.MustCompile(`(?s)Restarting DLI queue ` + regexp.QuoteMeta(general) + `.*DLI\.0007.*Only SQL queues can be\s+restarted`),
			},
		},
	})
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"bad queue name": {Config: invokedOnCreate("huaweidata_dli_queue_restart", "x", "null", `
    queue_name = "no spaces"`), Want: `(?s)queue_name`},
		"bad timeout": {Config: invokedOnCreate("huaweidata_dli_queue_restart", "x", "null", `
    queue_name = "q1"
    timeout    = "0s"`), Want: `(?s)timeout.*must be a positive duration`},
	})
}
