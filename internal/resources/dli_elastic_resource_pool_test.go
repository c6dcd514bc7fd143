package resources_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/ptr"
)

const poolAddr = "huaweidata_dli_elastic_resource_pool.test"

func poolConfig(name string, minCU, maxCU int, extra string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_elastic_resource_pool" "test" {
  name   = %q
  min_cu = %d
  max_cu = %d
%s
}
`, name, minCU, maxCU, extra)
}

func expectPool(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(poolAddr, tfjsonpath.New(attr), v)
}

// poolCUs checks the CU range the emulator really holds for the pool.
func poolCUs(env *acctest.Env, t *testing.T, name string, minCU, maxCU int32) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		p, err := env.Client(t).ShowElasticResourcePool(ctx, name)
		if err != nil {
			return err
		}
		if *p.MinCu != minCU || *p.MaxCu != maxCU || *p.Status != "AVAILABLE" {
			return fmt.Errorf("pool %s is %s with %d-%d CUs in the emulator, want AVAILABLE with %d-%d", name, *p.Status, *p.MinCu, *p.MaxCu, minCU, maxCU)
		}
		return nil
	})
}

// poolTags checks the tags the emulator holds for a pool.
func poolTags(env *acctest.Env, t *testing.T, name, want string) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		p, err := env.Client(t).ShowElasticResourcePool(ctx, name)
		if err != nil {
			return err
		}
		tags, err := env.Client(t).ShowResourceTags(ctx, "dli_elastic_resource_pool", *p.ResourceId)
		if got := fmt.Sprint(tags); err == nil && got != want {
			err = fmt.Errorf("pool %s has tags %s in the emulator, want %s", name, got, want)
		}
		return err
	})
}

func poolDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_elastic_resource_pool", func(ctx context.Context, id string) error {
		_, err := env.Client(t).ShowElasticResourcePool(ctx, id)
		return err
	})
}

// Create -> import -> empty plan -> CUs and description in place -> out-of-band CU change
// detected and reverted -> destroy.
func TestAccDLIElasticResourcePool_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("acc_pool")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             poolDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(poolConfig(name, 64, 128, `  description = "etl"
  tags        = { team = "data" }`)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPool("id", knownvalue.StringExact(name)),
					expectPool("status", knownvalue.StringExact("AVAILABLE")),
					expectPool("actual_cu", knownvalue.Int32Exact(64)),
					expectPool("cidr_in_vpc", knownvalue.StringExact("172.16.0.0/12")),
					expectPool("charging_mode", knownvalue.Int32Exact(1)),
					expectPool("enterprise_project_id", knownvalue.StringExact("0")),
					expectPool("ipv6_enable", knownvalue.Bool(false)),
					expectPool("force_destroy", knownvalue.Bool(false)),
					expectPool("resource_id", knownvalue.NotNull()),
					expectPool("create_time", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					poolCUs(env, t, name, 64, 128),
				},
			},
			{
				ResourceName:            poolAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				Config: env.Config(poolConfig(name, 128, 256, `  description = "etl and bi"
  tags        = { team = "analytics", cost_center = "42" }`)),
				ConfigPlanChecks: acctest.ExpectAction(poolAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPool("actual_cu", knownvalue.Int32Exact(128)),
					expectPool("description", knownvalue.StringExact("etl and bi")),
					poolCUs(env, t, name, 128, 256),
					poolTags(env, t, name, "map[cost_center:42 team:analytics]"),
				},
			},
			{
				// Out of band: the pool is scaled to 512 CUs; the plan must revert it.
				PreConfig: func() {
					if err := env.Client(t).UpdateElasticResourcePool(context.Background(), name,
						&model.UpdateElasticResourcePoolRequestBody{MaxCu: ptr.Of(int32(512))}); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(poolConfig(name, 128, 256, `  description = "etl and bi"
  tags        = { team = "analytics", cost_center = "42" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(poolAddr, tfjsonpath.New("max_cu"), knownvalue.Int32Exact(256)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{poolCUs(env, t, name, 128, 256)},
			},
		},
	})
}

// A pool deleted out of band is planned for creation again.
func TestAccDLIElasticResourcePool_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name := env.Name("acc_pool_gone")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             poolDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(poolConfig(name, 64, 64, "")),
				Check: func(*terraform.State) error {
					return env.Client(t).DeleteElasticResourcePool(context.Background(), name)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            env.Config(poolConfig(name, 64, 64, "")),
				ConfigPlanChecks:  acctest.ExpectAction(poolAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{poolCUs(env, t, name, 64, 64)},
			},
		},
	})
}

// A pool whose provisioning fails is in state, tainted (not orphaned): the next apply
// replaces it.
func TestAccDLIElasticResourcePool_provisioningFailureTaints(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "a provisioning failure (FailPoolsNamed)")
	name := env.Name("acc_pool_doomed")
	env.Emulator.FailPoolsNamed(name, "insufficient capacity in the AZ")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             poolDestroyed(env.Env, t),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(poolConfig(name, 64, 64, "")),
				ExpectError: regexp.MustCompile(`(?s)elastic\s+resource\s+pool\s+"` + name + `"\s+failed:\s+insufficient\s+capacity\s+in\s+the\s+AZ`),
			},
			{
				PreConfig:         func() { env.Emulator.FailPoolsNamed(name, "") },
				Config:            env.Config(poolConfig(name, 64, 64, "")),
				ConfigPlanChecks:  acctest.ExpectAction(poolAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{poolCUs(env.Env, t, name, 64, 64)},
			},
		},
	})
}

// Destroying a pool that still has a queue (made outside Terraform) fails and names the
// queue; with force_destroy the queue is deleted first.
func TestAccDLIElasticResourcePool_forceDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	name, stray := env.Name("acc_pool_busy"), env.Name("acc_stray")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			if _, err := env.Client(t).ShowQueue(context.Background(), stray); err == nil {
				return fmt.Errorf("queue %s survived force_destroy", stray)
			}
			return poolDestroyed(env, t)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(poolConfig(name, 64, 64, "")),
				Check: func(*terraform.State) error {
					return env.Client(t).CreateQueue(context.Background(), &model.CreateQueueRequestBody{
						QueueName: stray, CuCount: 16, ElasticResourcePoolName: ptr.Of(name)})
				},
			},
			{
				Config:      env.Config(poolConfig(name, 64, 64, "")),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)this\s+pool\s+has\s+1:\s+` + stray + `.*force_destroy\s+=\s+true`),
			},
			{
				Config:            env.Config(poolConfig(name, 64, 64, "  force_destroy = true")),
				ConfigPlanChecks:  acctest.ExpectAction(poolAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{expectPool("force_destroy", knownvalue.Bool(true))},
			},
		},
	})
}

// Every documented rule fails at plan time, naming the attribute.
func TestAccDLIElasticResourcePool_planErrors(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"name_uppercase":     {Config: poolConfig("Pool", 64, 64, ""), Want: `name must be 1 to 128 lowercase letters`},
		"name_digits":        {Config: poolConfig("123", 64, 64, ""), Want: `not\s+only\s+digits`},
		"name_underscore":    {Config: poolConfig("_p", 64, 64, ""), Want: `not\s+starting\s+with\s+an\s+underscore`},
		"cu_multiple":        {Config: poolConfig("p", 64, 72, ""), Want: `max_cu must be a positive multiple of 16`},
		"cu_range":           {Config: poolConfig("p", 64, 32016, ""), Want: `max_cu value must be between 16 and 32000`},
		"standard_min":       {Config: poolConfig("p", 32, 64, ""), Want: `min_cu must be 64 to 32000 for a standard pool`},
		"basic_max":          {Config: poolConfig("p", 16, 128, `  label = { spec = "basic" }`), Want: `max_cu must be 16 to 64 for a basic pool`},
		"min_above_max":      {Config: poolConfig("p", 128, 64, ""), Want: `min_cu \(128\) must not exceed max_cu \(64\)`},
		"label_key":          {Config: poolConfig("p", 64, 64, `  label = { edition = "basic" }`), Want: `label\["edition"\] value must be one of`},
		"label_pair":         {Config: poolConfig("p", 64, 64, `  label = { spec = "developer" }`), Want: `label spec must be "basic"`},
		"charging_mode":      {Config: poolConfig("p", 64, 64, `  charging_mode = 2`), Want: `charging_mode value must be one of`},
		"cidr":               {Config: poolConfig("p", 64, 64, `  cidr_in_vpc = "172.16.0.0"`), Want: `cidr_in_vpc must be a CIDR block`},
		"description_length": {Config: poolConfig("p", 64, 64, fmt.Sprintf("  description = %q", strings.Repeat("d", 257))), Want: `description string length must be at most 256`},
	})
}

// A CU change answered 408 after it took effect is not reported as failed: the provider
// finds the pool with the requested CUs (or scaling to them) and waits.
func TestAccDLIElasticResourcePool_updateLostResponse(t *testing.T) {
	t.Parallel()
	emu := acctest.NewEmulatedEnv(t, "an injected 408 after the update took effect")
	name := emu.Name("acc_pool_lost")
	// lostOnceBehind (lost_create_test.go) serves the emulator through a proxy that answers
	// one update 408 after it took effect.
	behind, armed := lostOnceBehind(t, emu, "UpdateElasticResourcePool", http.MethodPut, regexp.MustCompile(`/elastic-resource-pools/[^/]+$`))
	env := behind.Env
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             poolDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: env.Config(poolConfig(name, 64, 64, ""))},
			{
				PreConfig:         func() { armed.Store(true) },
				Config:            env.Config(poolConfig(name, 128, 128, "")),
				ConfigPlanChecks:  acctest.ExpectAction(poolAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{poolCUs(env, t, name, 128, 128)},
			},
		},
	})
}
