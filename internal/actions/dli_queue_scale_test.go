package actions_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

// scaleQueue is an SQL queue named queue of 16 CUs.
func scaleQueue(queue string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "q" {
  name     = %q
  cu_count = 16
}
`, queue)
}

// queueScale invokes huaweidata_dli_queue_scale of the queue to cuCount once it exists.
func queueScale(name string, cuCount int) string {
	return invokedOnCreate("huaweidata_dli_queue_scale", name, "huaweidata_dli_queue.q.id", fmt.Sprintf(`
    queue_name = huaweidata_dli_queue.q.name
    cu_count   = %d`, cuCount))
}

// queueCUs is an API check that the queue has cus CUs.
func queueCUs(t *testing.T, env *acctest.Env, name string, cus int) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		c := env.Client(t)
		var q *model.Queue
		err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) (err error) {
			q, err = c.GetQueue(ctx, name)
			return err
		})
		if err != nil {
			return fmt.Errorf("queue %s: %w", name, err)
		}
		if got := ptr.Deref(q.CuCount); int(got) != cus {
			return fmt.Errorf("queue %s has %d CUs, want %d", name, got, cus)
		}
		return nil
	})
}

// The queue is scaled out and the invocation waits until it has the CUs; the queue's
// resource then shows the difference (as documented: cu_count belongs in the resource).
// Scaling beyond the queue's limit fails with DLI's message.
func TestAccActionDLIQueueScale(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	queue := env.Name("scale")
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   needsActions,
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env),
		Steps: []resource.TestStep{
			{
				Config:             env.Config(lines(scaleQueue(queue), queueScale("out", 48))),
				ExpectNonEmptyPlan: true,
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("RunQueueAction", 1, 1),
					queueCUs(t, env, queue, 48),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("huaweidata_dli_queue.q", plancheck.ResourceActionUpdate),
					},
				},
			},
			{
				// A queue already at the target is left alone: no RunQueueAction.
				Config:             env.Config(lines(scaleQueue(queue), queueScale("again", 16))),
				ExpectNonEmptyPlan: false,
				ConfigStateChecks: []statecheck.StateCheck{
					env.ExpectRequests("RunQueueAction", 2, 2), // the resource scaled it back to 16
					queueCUs(t, env, queue, 16),
				},
			},
			{
				Config:      env.Config(lines(scaleQueue(queue), queueScale("huge", 8192))),
				ExpectError: regexp.MustCompile(`(?s)Scaling DLI queue ` + regexp.QuoteMeta(queue) + `.*RunQueueAction.*DLI\.\d+`),
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
