package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

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
func queueCUs(env *acctest.Env, t *testing.T, name string, want int32) resource.TestCheckFunc {
	return func(*terraform.State) error {
		q, err := env.Client(t).ShowQueue(context.Background(), name)
		if err != nil {
			return err
		}
		if got := *q.CuCount; got != want {
			return fmt.Errorf("queue %s has %d CUs in the emulator, want %d", name, got, want)
		}
		return nil
	}
}

func queueDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_queue", func(ctx context.Context, id string) error {
		_, err := env.Client(t).ShowQueue(ctx, id)
		return err
	})
}

func TestAccDLIQueue_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	const addr = "huaweidata_dli_queue.test"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(queueConfig("acc_queue", 16, `  description = "first"`)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "id", "acc_queue"),
					resource.TestCheckResourceAttr(addr, "queue_type", "sql"),
					resource.TestCheckResourceAttr(addr, "cu_count", "16"),
					resource.TestCheckResourceAttr(addr, "platform", "x86_64"),
					resource.TestCheckResourceAttr(addr, "enterprise_project_id", "0"),
					resource.TestCheckResourceAttrSet(addr, "owner"),
					resource.TestCheckResourceAttrSet(addr, "resource_id"),
					resource.TestMatchResourceAttr(addr, "create_time", regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)),
					queueCUs(env, t, "acc_queue", 16),
				),
			},
			{
				ResourceName:            addr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				Config:           env.Config(queueConfig("acc_queue", 48, `  description = "first"`)),
				ConfigPlanChecks: acctest.ExpectAction(addr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "cu_count", "48"),
					queueCUs(env, t, "acc_queue", 48),
				),
			},
			{
				Config:           env.Config(queueConfig("acc_queue", 32, `  description = "first"`)),
				ConfigPlanChecks: acctest.ExpectAction(addr, plancheck.ResourceActionUpdate),
				Check:            queueCUs(env, t, "acc_queue", 32),
			},
			{
				Config:           env.Config(queueConfig("acc_queue", 16, `  description = "second"`)),
				ConfigPlanChecks: acctest.ExpectAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "description", "second"),
					queueCUs(env, t, "acc_queue", 16),
				),
			},
		},
	})
}

func TestAccDLIQueue_generalImport(t *testing.T) {
	env := acctest.NewEnv(t)
	const addr = "huaweidata_dli_queue.test"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(queueConfig("acc_general", 64, `
  queue_type    = "general"
  resource_mode = 1
  labels        = ["multi_az=2"]
  tags          = { team = "data" }
  timeouts {
    create = "5m"
  }`)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "queue_type", "general"),
					resource.TestCheckResourceAttr(addr, "resource_mode", "1"),
					resource.TestCheckResourceAttr(addr, "labels.#", "1"),
					resource.TestCheckResourceAttr(addr, "cu_count", "64"),
				),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
				// DLI never returns tags; timeouts are configuration only.
				ImportStateVerifyIgnore: []string{"tags", "tags.%", "tags.team", "timeouts"},
			},
			{
				ResourceName:  addr,
				ImportState:   true,
				ImportStateId: "Not-A-Queue!",
				ExpectError:   regexp.MustCompile(`Import a DLI queue by its name`),
			},
		},
	})
}

func TestAccDLIQueue_planTimeValidation(t *testing.T) {
	env := acctest.NewEnv(t)
	cases := map[string]acctest.PlanError{
		"name starts with a digit":  {Config: queueConfig("1abc", 16, ""), Want: `(?s)name.*"1abc".*does not start with a lowercase letter`},
		"name starts with _":        {Config: queueConfig("_q", 16, ""), Want: `(?s)name.*"_q".*starts with an underscore`},
		"name too long":             {Config: queueConfig("q"+strings.Repeat("a", 128), 16, ""), Want: `(?s)name.*is 129 characters long`},
		"name uppercase":            {Config: queueConfig("MyQueue", 16, ""), Want: `(?s)name.*contains uppercase`},
		"name with dash":            {Config: queueConfig("my-queue", 16, ""), Want: `(?s)name.*character other than`},
		"cu_count 17":               {Config: queueConfig("q1", 17, ""), Want: `(?s)cu_count must be a positive\s+multiple of 16, got 17`},
		"cu_count 32 at create":     {Config: queueConfig("q1", 32, ""), Want: `(?s)cu_count must be 16, 64 or 256 when a queue is\s+created, got 32`},
		"queue_type unknown":        {Config: queueConfig("q1", 16, `  queue_type = "spark"`), Want: `(?s)queue_type.*must be one of: \["sql" "general"\]`},
		"resource_mode 2":           {Config: queueConfig("q1", 16, `  resource_mode = 2`), Want: `(?s)resource_mode.*must be one of: \["0" "1"\]`},
		"platform unknown":          {Config: queueConfig("q1", 16, `  platform = "arm"`), Want: `(?s)platform.*"x86_64"`},
		"label other than multi_az": {Config: queueConfig("q1", 16, `  labels = ["multi_az=3"]`), Want: `(?s)labels.*multi_az=2`},
	}
	env.ExpectPlanErrors(t, cases)
}

func TestAccDLIQueue_invalidScaleTarget(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: env.Config(queueConfig("acc_scale", 16, ""))},
			{
				Config:      env.Config(queueConfig("acc_scale", 40, "")),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)cu_count must be a positive\s+multiple of 16, got 40`),
			},
			{Config: env.Config(queueConfig("acc_scale", 16, ""))}, // the post-test destroy uses this config
		},
	})
}

func TestAccDLIQueue_disappears(t *testing.T) {
	env := acctest.NewEnv(t)
	const addr = "huaweidata_dli_queue.test"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(queueConfig("acc_gone", 16, "")),
				Check: func(*terraform.State) error {
					return env.Client(t).DeleteQueue(context.Background(), "acc_gone")
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           env.Config(queueConfig("acc_gone", 16, "")),
				ConfigPlanChecks: acctest.ExpectAction(addr, plancheck.ResourceActionCreate),
				Check:            queueCUs(env, t, "acc_gone", 16),
			},
		},
	})
}

func TestAccDLIQueue_withFaults(t *testing.T) {
	env := acctest.NewEnv(t)
	env.Emulator.SetFaults(emulator.Faults{
		// 20% of all requests fail: 500, 503 and 429 (with Retry-After) alike.
		ErrorRates:        map[int]float64{500: 0.07, 503: 0.07, 429: 0.06},
		RetryAfterSeconds: 1,
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.Emulator.SetFaults(emulator.Faults{})
			return queueDestroyed(env, t)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(queueConfig("acc_faults", 16, "")),
				Check:  queueCUs(env, t, "acc_faults", 16),
			},
			{
				Config: env.Config(queueConfig("acc_faults", 32, "")),
				Check:  queueCUs(env, t, "acc_faults", 32),
			},
		},
	})
}

// A create whose wait times out leaves the queue in state, tainted, not orphaned in the
// cloud: the next apply replaces it.
func TestAccDLIQueue_createTimeoutTaints(t *testing.T) {
	env := acctest.NewEnv(t)
	const addr = "huaweidata_dli_queue.test"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				// Provisioning takes 300 emulated seconds, half a real second: 50ms is too short.
				Config:      env.Config(queueConfig("acc_slow", 16, "  timeouts {\n    create = \"50ms\"\n  }")),
				ExpectError: regexp.MustCompile(`(?s)timed out waiting for queue "acc_slow" to have 16 CUs; last\s+state: 0 CUs`),
			},
			{
				Config:           env.Config(queueConfig("acc_slow", 16, "")),
				ConfigPlanChecks: acctest.ExpectAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				Check:            queueCUs(env, t, "acc_slow", 16),
			},
		},
	})
}

// A create answered with 408 after the emulator committed it is looked up, not sent again.
func TestAccDLIQueue_createLostResponse(t *testing.T) {
	env := acctest.NewEnv(t)
	env.Emulator.SetFaults(emulator.Faults{ErrorRates: map[int]float64{408: 1}, Operations: []string{"CreateQueue"}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env, t),
		Steps: []resource.TestStep{{
			Config: env.Config(queueConfig("acc_lost", 16, "")),
			Check: resource.ComposeAggregateTestCheckFunc(
				queueCUs(env, t, "acc_lost", 16),
				func(*terraform.State) error {
					if n := env.Count("CreateQueue"); n != 1 {
						return fmt.Errorf("CreateQueue sent %d times, want 1 (the 408 came after the commit)", n)
					}
					return nil
				},
			),
		}},
	})
}
