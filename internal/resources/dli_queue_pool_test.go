package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const etlAddr = "huaweidata_dli_queue.etl"

// pooledQueuesConfig is a pool (env.Name("acc_etl_pool")) with an ETL queue created in it
// (env.Name("acc_etl"): day/night policies and properties) and a BI queue
// (env.Name("acc_bi"); biPool: its elastic_resource_pool_name line, or "").
func pooledQueuesConfig(env *acctest.Env, dayWindow [2]string, props, biPool string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_elastic_resource_pool" "pool" {
  name   = %q
  min_cu = 64
  max_cu = 128
}

resource "huaweidata_dli_queue" "etl" {
  name                       = %q
  cu_count                   = 16
  queue_type                 = "general"
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name
  scaling_policies = [
    { priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 },
    { priority = 50, impact_start_time = %q, impact_stop_time = %q, min_cu = 32, max_cu = 64 },
  ]
  properties = %s
}

resource "huaweidata_dli_queue" "bi" {
  name     = %q
  cu_count = 16
  %s
}
`, env.Name("acc_etl_pool"), env.Name("acc_etl"), dayWindow[0], dayWindow[1], props, env.Name("acc_bi"), biPool)
}

// poolQueuePolicies checks the policies the emulator holds for a queue of the pool of
// pooledQueuesConfig.
func poolQueuePolicies(env *acctest.Env, t *testing.T, queue, want string) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		q, err := env.Client(t).GetElasticResourcePoolQueue(ctx, env.Name("acc_etl_pool"), queue)
		if err != nil {
			return err
		}
		got := ""
		for _, p := range *q.QueueScalingPolicies {
			got += fmt.Sprintf("%d:%s-%s:%d-%d ", p.Priority, p.ImpactStartTime, p.ImpactStopTime, p.MinCu, p.MaxCu)
		}
		if got != want {
			return fmt.Errorf("queue %s has policies %q in the emulator, want %q", queue, got, want)
		}
		return nil
	})
}

// queueProperties checks the properties the emulator holds (read spelling mapped back).
func queueProperties(env *acctest.Env, t *testing.T, queue, want string) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		props, err := env.Client(t).ListQueueProperties(ctx, queue)
		if err != nil {
			return err
		}
		if got := fmt.Sprint(props); got != want {
			return fmt.Errorf("queue %s has properties %s in the emulator, want %s", queue, got, want)
		}
		return nil
	})
}

// A queue created in a pool with day/night policies and properties: import round-trip,
// a policy window and properties changed in place, a standalone queue moved into the pool,
// an out-of-band policy change detected, and a policy that does not fit the pool refused
// at plan time.
func TestAccDLIQueue_elasticResourcePool(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	pool, etl, bi := env.Name("acc_etl_pool"), env.Name("acc_etl"), env.Name("acc_bi")
	props1 := `{ "job.maxConcurrent" = "8", "computeEngine.maxInstance" = "4" }`
	props2 := `{ "job.maxConcurrent" = "16", "computeEngine.spark.nativeEnabled" = "true" }`
	inPool := `elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name`
	day, later := [2]string{"08:00", "20:00"}, [2]string{"09:00", "21:00"}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(acctest.CheckNothingLeft(env), queueDestroyed(env, t), poolDestroyed(env, t)),
		Steps: []resource.TestStep{
			{
				Config: env.Config(pooledQueuesConfig(env, day, props1, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(etlAddr, tfjsonpath.New("elastic_resource_pool_name"), knownvalue.StringExact(pool)),
					statecheck.ExpectKnownValue(etlAddr, tfjsonpath.New("scaling_policies"), knownvalue.SetSizeExact(2)),
					statecheck.ExpectKnownValue("huaweidata_dli_queue.bi", tfjsonpath.New("scaling_policies"), knownvalue.Null()),
					poolQueuePolicies(env, t, etl, "1:00:00-24:00:16-32 50:08:00-20:00:32-64 "),
					queueProperties(env, t, etl, "map[computeEngine.maxInstance:4 job.maxConcurrent:8]"),
				},
			},
			{
				ResourceName:            etlAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				Config:           env.Config(pooledQueuesConfig(env, later, props2, "")),
				ConfigPlanChecks: acctest.ExpectAction(etlAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					poolQueuePolicies(env, t, etl, "1:00:00-24:00:16-32 50:09:00-21:00:32-64 "),
					queueProperties(env, t, etl, "map[computeEngine.spark.nativeEnabled:true job.maxConcurrent:16]"),
				},
			},
			{
				Config:           env.Config(pooledQueuesConfig(env, later, props2, inPool)),
				ConfigPlanChecks: acctest.ExpectAction("huaweidata_dli_queue.bi", plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("huaweidata_dli_queue.bi", tfjsonpath.New("elastic_resource_pool_name"), knownvalue.StringExact(pool)),
					poolQueuePolicies(env, t, bi, "1:00:00-24:00:16-16 "),
				},
			},
			{
				// Out of band: the ETL queue loses its daytime policy and gets another job
				// concurrency; the plan restores both.
				PreConfig: func() {
					ctx := context.Background()
					if err := env.Client(t).UpdateElasticResourcePoolQueue(ctx, pool, etl,
						[]model.QueueScalingPolicy{{Priority: 1, ImpactStartTime: "00:00", ImpactStopTime: "24:00", MinCu: 16, MaxCu: 16}}); err != nil {
						t.Fatal(err)
					}
					if err := env.Client(t).UpdateQueueProperties(ctx, etl, map[string]any{"job.maxConcurrent": 99}); err != nil {
						t.Fatal(err)
					}
				},
				Config:           env.Config(pooledQueuesConfig(env, later, props2, inPool)),
				ConfigPlanChecks: acctest.ExpectAction(etlAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					poolQueuePolicies(env, t, etl, "1:00:00-24:00:16-32 50:09:00-21:00:32-64 "),
					queueProperties(env, t, etl, "map[computeEngine.spark.nativeEnabled:true job.maxConcurrent:16]"),
				},
			},
			{
				Config: env.Config(pooledQueuesConfig(env, later, props2, inPool) + `
resource "huaweidata_dli_queue" "too_big" {
  name                       = "acc_too_big"
  cu_count                   = 16
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name
  scaling_policies           = [{ priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 256 }]
}`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)max_cu\s+256\s+of\s+the\s+policy\s+00:00-24:00\s+exceeds\s+the\s+max_cu\s+128\s+of\s+elastic\s+resource\s+pool\s+` + pool),
			},
			{
				Config: env.Config(pooledQueuesConfig(env, later, props2, inPool) + `
resource "huaweidata_dli_queue" "too_big" {
  name                       = "acc_too_big"
  cu_count                   = 256
  elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name
}`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)cu_count\s+256\s+exceeds\s+the\s+max_cu\s+128\s+of\s+elastic\s+resource\s+pool\s+` + pool),
			},
			{
				// No way out of a pool: taking the BI queue out replaces it.
				Config:           env.Config(pooledQueuesConfig(env, later, props2, "")),
				ConfigPlanChecks: acctest.ExpectAction("huaweidata_dli_queue.bi", plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("huaweidata_dli_queue.bi", tfjsonpath.New("elastic_resource_pool_name"), knownvalue.Null()),
					statecheck.ExpectKnownValue("huaweidata_dli_queue.bi", tfjsonpath.New("scaling_policies"), knownvalue.Null()),
				},
			},
		},
	})
}

// In a region that does not publish the property API, a queue without properties works
// (the API is not called, except once by an import, which then imports none), and one with
// properties fails with an error naming the
// region and the attribute.
func TestAccDLIQueue_propertiesUnpublished(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "an unpublished API (SetUnpublished)")
	name := env.Name("acc_noprops")
	env.Emulator.SetUnpublished("ListQueueProperties", "UpdateQueueProperty", "CreateQueueProperty", "DeleteQueueProperty")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             queueDestroyed(env.Env, t),
		Steps: []resource.TestStep{
			{
				Config:            env.Config(queueConfig(name, 16, "")),
				ConfigStateChecks: []statecheck.StateCheck{env.ExpectRequests("ListQueueProperties", 0, 0), env.ExpectRequests("UpdateQueueProperty", 0, 0)},
			},
			{
				// Import tries the property API once and, where it is missing, imports none.
				ResourceName:            queueAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				Config:      env.Config(queueConfig(name, 16, `  properties = { "job.maxConcurrent" = "8" }`)),
				ExpectError: regexp.MustCompile(`(?s)Queue properties are not available in region.*properties.*cannot be managed\s+there.*APIGW.0101`),
			},
			{
				PreConfig: func() { env.Emulator.SetUnpublished() },
				Config:    env.Config(queueConfig(name, 16, "")),
				Check: func(*terraform.State) error {
					if n := env.Count("UpdateQueueProperty"); n != 1 {
						return fmt.Errorf("UpdateQueueProperty called %d times, want 1 (the refused attempt)", n)
					}
					return nil
				},
			},
		},
	})
}

// Every documented scaling-policy and property rule fails at plan time.
func TestAccDLIQueue_poolPlanErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	q := func(extra string) string {
		return queueConfig("q", 16, "  elastic_resource_pool_name = \"p\"\n"+extra)
	}
	whole := `{ priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 }`
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"no_whole_day":  {Config: q(`  scaling_policies = [{ priority = 1, impact_start_time = "08:00", impact_stop_time = "20:00", min_cu = 16, max_cu = 32 }]`), Want: `one policy from 00:00 to 24:00`},
		"overlap":       {Config: q(`  scaling_policies = [` + whole + `, { priority = 2, impact_start_time = "08:00", impact_stop_time = "12:00", min_cu = 16, max_cu = 32 }, { priority = 3, impact_start_time = "11:00", impact_stop_time = "14:00", min_cu = 16, max_cu = 32 }]`), Want: `windows 08:00-12:00 and 11:00-14:00 overlap`},
		"start_stop":    {Config: q(`  scaling_policies = [` + whole + `, { priority = 2, impact_start_time = "20:00", impact_stop_time = "08:00", min_cu = 16, max_cu = 32 }]`), Want: `impact_start_time 20:00 must be before impact_stop_time 08:00`},
		"min_max":       {Config: q(`  scaling_policies = [{ priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 64, max_cu = 32 }]`), Want: `min_cu \(64\) must not exceed max_cu \(32\)`},
		"priority":      {Config: q(`  scaling_policies = [{ priority = 101, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 }]`), Want: `priority\s+value must be between 1 and 100`},
		"start_format":  {Config: q(`  scaling_policies = [{ priority = 1, impact_start_time = "0:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 32 }]`), Want: `must be HH:mm, 00:00 to 23:59`},
		"stop_format":   {Config: q(`  scaling_policies = [{ priority = 1, impact_start_time = "00:00", impact_stop_time = "24:30", min_cu = 16, max_cu = 32 }]`), Want: `must be HH:mm, 00:01 to 24:00`},
		"max_multiple":  {Config: q(`  scaling_policies = [{ priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 16, max_cu = 40 }]`), Want: `max_cu\s+must be a positive multiple of 16`},
		"min_multiple":  {Config: q(`  scaling_policies = [{ priority = 1, impact_start_time = "00:00", impact_stop_time = "24:00", min_cu = 8, max_cu = 32 }]`), Want: `min_cu`},
		"needs_pool":    {Config: queueConfig("q", 16, `  scaling_policies = [`+whole+`]`), Want: `elastic_resource_pool_name`},
		"pool_name":     {Config: queueConfig("q", 16, `  elastic_resource_pool_name = "Bad-Pool"`), Want: `lowercase letters`},
		"property_key":  {Config: queueConfig("q", 16, `  properties = { "job.unknown" = "1" }`), Want: `value must be one of`},
		"property_int":  {Config: queueConfig("q", 16, `  properties = { "job.maxConcurrent" = "-1" }`), Want: `must be an integer from 0 to 2147483647`},
		"property_flag": {Config: queueConfig("q", 16, `  properties = { "computeEngine.spark.nativeEnabled" = "yes" }`), Want: `must be "true" or "false"`},
	})
}

// The pool and its queues converge through 500/503/429 errors, 408s after the request took
// effect, added latency and a consistency delay: one apply, an empty plan, a clean destroy.
func TestAccDLIElasticResourcePool_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnvSeeded(t, 7, "injected faults")
	env.SetFaults(emulator.Faults{
		ErrorRates:        map[int]float64{500: 0.05, 503: 0.05, 429: 0.05, 408: 0.05},
		RetryAfterSeconds: 1,
		Latency:           20 * time.Millisecond,
		ConsistencyDelay:  time.Second,
	})
	env.ConsistencyWindow = 5 * time.Second
	config := env.Config(pooledQueuesConfig(env.Env, [2]string{"08:00", "20:00"}, `{ "job.maxConcurrent" = "8" }`,
		`elastic_resource_pool_name = huaweidata_dli_elastic_resource_pool.pool.name`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return acctest.CheckNothingLeft(env.Env)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error {
					if d := emu.Inventory().Duplicates(); len(d) > 0 {
						return fmt.Errorf("duplicates: %v", d)
					}
					return nil
				})},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}
