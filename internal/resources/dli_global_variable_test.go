package resources_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dli/v1/model"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

const varAddr = "huaweidata_dli_global_variable.test"

func variableConfig(name, body string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_global_variable" "test" {
  name = %q
%s
}
`, name, body)
}

// variableValue checks the value the emulator really holds (for non-sensitive variables),
// once the variable is visible.
func variableValue(env *acctest.Env, t *testing.T, name, want string) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		c := env.Client(t)
		var v *model.GlobalVariable
		err := c.AwaitVisible(ctx, time.Now(), func(ctx context.Context) (err error) {
			v, err = c.GetGlobalVariable(ctx, name)
			return err
		})
		if err != nil {
			return err
		}
		if got := *v.VarValue; got != want {
			return fmt.Errorf("variable %s holds %q in the emulator, want %q", name, got, want)
		}
		return nil
	})
}

func expectVar(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(varAddr, tfjsonpath.New(attr), v)
}

func variablesDestroyed(env *acctest.Env, t *testing.T) resource.TestCheckFunc {
	return acctest.CheckDestroyed("huaweidata_dli_global_variable", func(ctx context.Context, id string) error {
		_, err := env.Client(t).GetGlobalVariable(ctx, id)
		return err
	})
}

func TestAccDLIGlobalVariable_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	renamed := env.Name("renamed")
	name := env.Name("var")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             variablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(variableConfig(name, `  value = "one"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectVar("id", knownvalue.StringExact(name)),
					expectVar("value", knownvalue.StringExact("one")),
					expectVar("is_sensitive", knownvalue.Bool(false)),
					variableValue(env, t, name, "one"),
				},
			},
			{
				ResourceName:      varAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config:            env.Config(variableConfig(name, `  value = "two"`)),
				ConfigPlanChecks:  acctest.ExpectAction(varAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{variableValue(env, t, name, "two")},
			},
			{
				// Drift made outside Terraform is detected and corrected in place.
				PreConfig: func() {
					if err := env.Client(t).UpdateGlobalVariable(context.Background(), name, "changed"); err != nil {
						t.Fatal(err)
					}
				},
				Config:            env.Config(variableConfig(name, `  value = "two"`)),
				ConfigPlanChecks:  acctest.ExpectAction(varAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{variableValue(env, t, name, "two")},
			},
			{
				Config:            env.Config(variableConfig(renamed, `  value = "two"`)),
				ConfigPlanChecks:  acctest.ExpectAction(varAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{variableValue(env, t, renamed, "two")},
			},
		},
	})
}

func TestAccDLIGlobalVariable_sensitive(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	secret := env.Name("secret")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             variablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				// The emulator masks the value of sensitive variables; the masked value must never
				// show as drift (the test framework fails on a non-empty plan after apply).
				Config: env.Config(variableConfig(secret, "  value        = \"s3cret\"\n  is_sensitive = true")),
				ConfigStateChecks: []statecheck.StateCheck{
					expectVar("value", knownvalue.StringExact("s3cret")),
					expectVar("is_sensitive", knownvalue.Bool(true)),
				},
			},
			{
				ResourceName:            varAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"value"}, // DLI never returns a sensitive value
			},
			{
				Config:            env.Config(variableConfig(secret, "  value        = \"s3cret\"\n  is_sensitive = false")),
				ConfigPlanChecks:  acctest.ExpectAction(varAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{variableValue(env, t, secret, "s3cret")},
			},
		},
	})
}

func TestAccDLIGlobalVariable_writeOnly(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	wo := env.Name("wo")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             variablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(variableConfig(wo, "  value_wo         = \"first\"\n  value_wo_version = 1")),
				ConfigStateChecks: []statecheck.StateCheck{
					expectVar("value", knownvalue.Null()),
					expectVar("value_wo", knownvalue.Null()),
					expectVar("value_wo_version", knownvalue.Int64Exact(1)),
					variableValue(env, t, wo, "first"),
				},
			},
			{
				// A new value alone is not sent: the version says when to send it.
				Config:             env.Config(variableConfig(wo, "  value_wo         = \"second\"\n  value_wo_version = 1")),
				PlanOnly:           true,
				ExpectNonEmptyPlan: false,
			},
			{
				Config:            env.Config(variableConfig(wo, "  value_wo         = \"second\"\n  value_wo_version = 2")),
				ConfigPlanChecks:  acctest.ExpectAction(varAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{variableValue(env, t, wo, "second")},
			},
		},
	})
}

func TestAccDLIGlobalVariable_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	cases := map[string]acctest.PlanError{
		"name starts with _":  {Config: variableConfig("_v", `  value = "x"`), Want: `(?s)name.*"_v".*starts with an underscore`},
		"name only digits":    {Config: variableConfig("123", `  value = "x"`), Want: `(?s)name.*"123".*consists only of digits`},
		"name with dash":      {Config: variableConfig("my-var", `  value = "x"`), Want: `(?s)name.*character other than`},
		"name too long":       {Config: variableConfig(strings.Repeat("v", 129), `  value = "x"`), Want: `(?s)name.*is 129 characters long`},
		"value and value_wo":  {Config: variableConfig("v1", "  value    = \"x\"\n  value_wo = \"y\""), Want: `(?s)Invalid Attribute Combination.*value.*value_wo`},
		"no value":            {Config: variableConfig("v1", ""), Want: `(?s)Missing variable value.*value.*value_wo`},
		"empty value":         {Config: variableConfig("v1", `  value = ""`), Want: `(?s)value.*string length must be at least 1`},
		"version without _wo": {Config: variableConfig("v1", "  value            = \"x\"\n  value_wo_version = 1"), Want: `(?s)value_wo_version.*value_wo`},
	}
	env.ExpectPlanErrors(t, cases)
}

func TestAccDLIGlobalVariable_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	gone := env.Name("gone")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             variablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{
				Config: env.Config(variableConfig(gone, `  value = "x"`)),
				Check: func(*terraform.State) error {
					return env.Client(t).DeleteGlobalVariable(context.Background(), gone)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            env.Config(variableConfig(gone, `  value = "x"`)),
				ConfigPlanChecks:  acctest.ExpectAction(varAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{variableValue(env, t, gone, "x")},
			},
		},
	})
}

func TestAccDLIGlobalVariable_withFaults(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "injected faults")
	env.SetFaults(emulator.Faults{
		ErrorRates:        map[int]float64{500: 0.07, 503: 0.07, 429: 0.06},
		RetryAfterSeconds: 1,
	})
	config := env.Config(fmt.Sprintf(`
resource "huaweidata_dli_global_variable" "test" {
  count = 10
  name  = "${%q}${count.index}"
  value = "v${count.index}"
}
`, env.Name("fault_")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			env.SetFaults(emulator.Faults{})
			return variablesDestroyed(env.Env, t)(s)
		},
		Steps: []resource.TestStep{{
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{variableValue(env.Env, t, env.Name("fault_9"), "v9")},
		}},
	})
}

// TestAccDLIGlobalVariable_refreshCost refreshes 250 variables and counts list calls: they
// share one paged listing (100 per page), so a refresh costs exactly 3 list calls, not one
// per variable. (make bench measures the same up to 5,000 variables.)
func TestAccDLIGlobalVariable_refreshCost(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	config := env.Config(fmt.Sprintf(`
resource "huaweidata_dli_global_variable" "test" {
  count = 250
  name  = "${%q}${count.index}"
  value = "v${count.index}"
}
`, env.Name("bulk_")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             variablesDestroyed(env, t),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:    env.ResetCounts,
				RefreshState: true,
				Check:        env.CheckRequests("ListGlobalVariables", 3, 3),
			},
		},
	})
}
