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
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const queueAddr = "huaweidata_dli_queue.test"

func queueConfig(name string, cu int, extra string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_queue" "test" {
  name     = %q
  cu_count = %d
%s
}
`, name, cu, extra)
}

// queueCUs checks the CUs the emulator really has bound to the queue.
func queueCUs(env *acctest.Env, t *testing.T, name string, want int32) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		q, err := env.Client(t).ShowQueue(ctx, name)
		if err != nil {
			return err
		}
		if got := *q.CuCount; got != want {
			return fmt.Errorf("queue %s has %d CUs in the emulator, want %d", name, got, want)
		}
		return nil
	})
}

func expectQueue(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(queueAddr, tfjsonpath.New(attr), v)
}

func queueDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_queue", func(ctx context.Context, id string) error {
		_, err := env.Client(t).ShowQueue(ctx, id)
		return err
	})
}

func TestAccDLIQueue_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("acc_queue")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(queueConfig(name, 16, `  description = "first"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectQueue("id", knownvalue.StringExact(name)),
					expectQueue("queue_type", knownvalue.StringExact("sql")),
					expectQueue("cu_count", knownvalue.Int32Exact(16)),
					expectQueue("platform", knownvalue.StringExact("x86_64")),
					expectQueue("enterprise_project_id", knownvalue.StringExact("0")),
					expectQueue("owner", knownvalue.NotNull()),
					expectQueue("resource_id", knownvalue.NotNull()),
					expectQueue("create_time", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					queueCUs(env, t, name, 16),
				},
			},
			{
				ResourceName:            queueAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				Config:           env.Config(queueConfig(name, 48, `  description = "first"`)),
				ConfigPlanChecks: acctest.ExpectAction(queueAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectQueue("cu_count", knownvalue.Int32Exact(48)),
					queueCUs(env, t, name, 48),
				},
			},
			{
				Config:            env.Config(queueConfig(name, 32, `  description = "first"`)),
				ConfigPlanChecks:  acctest.ExpectAction(queueAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{queueCUs(env, t, name, 32)},
			},
			{
				Config:           env.Config(queueConfig(name, 16, `  description = "second"`)),
				ConfigPlanChecks: acctest.ExpectAction(queueAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectQueue("description", knownvalue.StringExact("second")),
					queueCUs(env, t, name, 16),
				},
			},
		},
	})
}

func TestAccDLIQueue_generalImport(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("acc_general")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(queueConfig(name, 64, `
  queue_type    = "general"
  resource_mode = 1
  labels        = ["multi_az=2"]
  tags          = { team = "data" }
  timeouts {
    create = "5m"
  }`)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectQueue("queue_type", knownvalue.StringExact("general")),
					expectQueue("resource_mode", knownvalue.Int32Exact(1)),
					expectQueue("labels", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("multi_az=2")})),
					expectQueue("cu_count", knownvalue.Int32Exact(64)),
				},
			},
			{
				ResourceName:      queueAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// DLI never returns tags; timeouts are configuration only.
				ImportStateVerifyIgnore: []string{"tags", "tags.%", "tags.team", "timeouts"},
			},
			{
				ResourceName:  queueAddr,
				ImportState:   true,
				ImportStateId: "Not-A-Queue!",
				ExpectError:   regexp.MustCompile(`Import a DLI queue by its name`),
			},
		},
	})
}

func TestAccDLIQueue_invalidScaleTarget(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("acc_scale")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: env.Config(queueConfig(name, 16, ""))},
			{
				Config:      env.Config(queueConfig(name, 40, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)cu_count must be a positive\s+multiple of 16, got 40`),
			},
			{Config: env.Config(queueConfig(name, 16, ""))}, // the post-test destroy uses this config
		},
	})
}

func TestAccDLIQueue_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("acc_gone")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(queueConfig(name, 16, "")),
				Check: func(*terraform.State) error {
					return env.Client(t).DeleteQueue(context.Background(), name)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            env.Config(queueConfig(name, 16, "")),
				ConfigPlanChecks:  acctest.ExpectAction(queueAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{queueCUs(env, t, name, 16)},
			},
		},
	})
}

func TestAccDLIQueue_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	name := env.Name("acc_faults")
	env.SetFaults(emulator.Faults{
		// 20% of all requests fail: 500, 503 and 429 (with Retry-After) alike.
		ErrorRates:        map[int]float64{500: 0.07, 503: 0.07, 429: 0.06},
		RetryAfterSeconds: 1,
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return queueDestroyed(env.Env, t)(s)
		},
		Steps: []resource.TestStep{
			{
				Config:            env.Config(queueConfig(name, 16, "")),
				ConfigStateChecks: []statecheck.StateCheck{queueCUs(env.Env, t, name, 16)},
			},
			{
				Config:            env.Config(queueConfig(name, 32, "")),
				ConfigStateChecks: []statecheck.StateCheck{queueCUs(env.Env, t, name, 32)},
			},
		},
	})
}

// A create whose wait times out leaves the queue in state, tainted, not orphaned in the
// cloud: the next apply replaces it.
func TestAccDLIQueue_createTimeoutTaints(t *testing.T) {
	t.Parallel()
	// A 50ms timeout is tuned to the emulator's fast clock; on a real account it could even
	// cancel the create request after DLI took it, leaving a queue outside the state.
	env := acctest.NewEmulatedEnv(t, "a create timeout tuned to the emulated clock")
	name := env.Name("acc_slow")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env.Env, t),
		Steps: []resource.TestStep{
			{
				// Provisioning takes 300 emulated seconds, half a real second: 50ms is too short.
				Config:      env.Config(queueConfig(name, 16, "  timeouts {\n    create = \"50ms\"\n  }")),
				ExpectError: regexp.MustCompile(`(?s)timed\s+out\s+waiting\s+for\s+queue\s+"` + name + `"\s+to\s+have\s+16\s+CUs;\s+last\s+state:\s+(0\s+CUs|not\s+visible\s+yet)`),
			},
			{
				Config:            env.Config(queueConfig(name, 16, "")),
				ConfigPlanChecks:  acctest.ExpectAction(queueAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{queueCUs(env.Env, t, name, 16)},
			},
		},
	})
}

// A create answered with 408 after the emulator committed it is looked up, not sent again.
func TestAccDLIQueue_createLostResponse(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "an injected 408 after the commit")
	name := env.Name("acc_lost")
	env.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateQueue"}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env.Env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(queueConfig(name, 16, "")),
			ConfigStateChecks: []statecheck.StateCheck{
				queueCUs(env.Env, t, name, 16),
				// The 408 came after the commit: the create is sent once.
				env.ExpectRequests("CreateQueue", 1, 1),
			},
		}},
	})
}
