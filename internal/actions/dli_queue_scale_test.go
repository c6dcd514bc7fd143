package actions_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const scaleQueue = `
resource "huaweidata_dli_queue" "q" {
  name     = "acc_action_scale"
  cu_count = 16
}
`

// queueScale invokes huaweidata_dli_queue_scale of the queue to cuCount once it exists.
func queueScale(name string, cuCount int) string {
	return invokedOnCreate("huaweidata_dli_queue_scale", name, "huaweidata_dli_queue.q.id", fmt.Sprintf(`
    queue_name = huaweidata_dli_queue.q.name
    cu_count   = %d`, cuCount))
}

// queueCUs is an emulator check that the queue has cus CUs.
func queueCUs(env *acctest.Env, name string, cus int) statecheck.StateCheck {
	return acctest.CheckAPI(checkInventory(env, func(inv emulator.ProjectInventory) error {
		for _, q := range inv.Queues {
			if q.Name == name {
				if q.CUCount != cus {
					return fmt.Errorf("queue %s has %d CUs, want %d", name, q.CUCount, cus)
				}
				return nil
			}
		}
		return fmt.Errorf("queue %s is not in the emulator", name)
	}))
}

// The queue is scaled out and the invocation waits until it has the CUs; the queue's
// resource then shows the difference (as documented: cu_count belongs in the resource).
// Scaling beyond the queue's limit fails with DLI's message.
func TestAccActionDLIQueueScale(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   needsActions,
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config:             env.Config(lines(scaleQueue, queueScale("out", 48))),
				ExpectNonEmptyPlan: true,
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("RunQueueAction", 1, 1),
					queueCUs(env, "acc_action_scale", 48),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("huaweidata_dli_queue.q", plancheck.ResourceActionUpdate),
					},
				},
			},
			{
				// A queue already at the target is left alone: no RunQueueAction.
				Config:             env.Config(lines(scaleQueue, queueScale("again", 16))),
				ExpectNonEmptyPlan: false,
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("RunQueueAction", 2, 2), // the resource scaled it back to 16
					queueCUs(env, "acc_action_scale", 16),
				},
			},
			{
				Config:      env.Config(lines(scaleQueue, queueScale("huge", 8192))),
				ExpectError: regexp.MustCompile(`(?s)Scaling DLI queue acc_action_scale.*RunQueueAction.*DLI\.\d+`),
			},
		},
	})
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"not a multiple of 16": {Config: invokedOnCreate("huaweidata_dli_queue_scale", "x", "null", `
    queue_name = "q1"
    cu_count   = 40`), Want: `(?s)cu_count.*multiple of 16`},
		"below 16": {Config: invokedOnCreate("huaweidata_dli_queue_scale", "x", "null", `
    queue_name = "q1"
    cu_count   = 0`), Want: `(?s)cu_count.*at least 16`},
	})
}
