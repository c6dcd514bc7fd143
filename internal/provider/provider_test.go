package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// oneVariable is a variable of a configuration that is only planned.
var oneVariable = variableNamed("provider_test")

// variableNamed is a configuration of one global variable.
func variableNamed(name string) string {
	return fmt.Sprintf(`
resource "huaweidata_dli_global_variable" "test" {
  name  = %q
  value = "x"
}
`, name)
}

func providerBlock(body string) string {
	return fmt.Sprintf("provider \"huaweidata\" {\n%s\n}\n", body)
}

// A plan needs no credentials and makes no API call; the missing credentials are reported,
// clearly, at the first API call.
func TestAccProvider_missingCredentialsAtFirstCall(t *testing.T) {
	// Against a real account the chain would end at the real ECS/CCE metadata address.
	env := acctest.NewEmulatedEnv(t, "the provider block points at the emulator and the metadata service at nothing")
	t.Setenv("HW_ACCESS_KEY", "")
	t.Setenv("HW_SECRET_KEY", "")
	cfg := providerBlock(fmt.Sprintf(`
  region     = "cn-north-4"
  project_id = %q
  endpoints  = { dli = %q, iam = %q }`, emulator.DemoProjectID, env.URL(), env.URL())) + oneVariable
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: cfg, PlanOnly: true, ExpectNonEmptyPlan: true},
			{Config: cfg, ExpectError: regexp.MustCompile(`(?s)no credentials: set access_key and secret_key.*HW_ACCESS_KEY.*Tried,\s+in\s+order.*shared_config_file\s+and\s+profile\s+are\s+not\s+set.*ECS/CCE\s+metadata:.*cannot\s+be\s+reached`)},
		},
	})
	if total := sum(env.Emulator.RequestCounts()); total != 0 {
		t.Errorf("the emulator received %d requests, want 0", total)
	}
}

// With project_id set, configuring the provider and planning a new resource cost no request.
func TestAccProvider_noNetworkAtConfigure(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: env.Config(variableNamed(env.Name("planned"))), PlanOnly: true, ExpectNonEmptyPlan: true},
		},
	})
	err := env.EmulatorOnly(func(emu *emulator.Emulator) error {
		if total := sum(emu.RequestCounts()); total != 0 {
			return fmt.Errorf("configure and plan sent %d requests, want 0", total)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

// Without project_id the provider finds it in IAM by region, once per provider process.
// The provider block is the Env's without its project_id; against a real account, where
// it comes from the environment, HW_PROJECT_ID is unset for the test (which is not
// parallel). Only the count of lookups is emulator-only.
func TestAccProvider_projectLookup(t *testing.T) {
	env := acctest.NewEnv(t)
	if !env.Emulated() {
		t.Setenv("HW_PROJECT_ID", "")
	}
	cfg := projectIDSetting.ReplaceAllString(env.ProviderBlock(), "") + fmt.Sprintf(`
resource "huaweidata_dli_global_variable" "test" {
  count = 3
  name  = "${%q}${count.index}"
  value = "x"
}
`, env.Name("lookup_"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			PreConfig: env.ResetCounts,
			Config:    cfg,
			// This apply's one provider process created 3 variables and looked the project up once.
			Check: env.CheckRequests("KeystoneListProjects", 1, 1),
		}},
	})
}

// projectIDSetting is the project_id line of a provider block.
var projectIDSetting = regexp.MustCompile(`(?m)^\s*project_id\s*=.*\n`)

func TestAccProvider_planTimeValidation(t *testing.T) {
	env := acctest.NewEnv(t)
	cases := map[string]acctest.PlanError{
		"endpoint not a URL":        {Config: withSetting(`endpoints = { dli = "dli.example.com" }`), Want: `(?s)endpoints.dli must be an absolute http:// or https:// URL`},
		"endpoint with bad scheme":  {Config: withSetting(`endpoints = { iam = "ftp://iam.example.com" }`), Want: `(?s)endpoints.iam must be an absolute http:// or https:// URL`},
		"access_key without secret": {Config: withSetting(`access_key = "ak"`), Want: `(?s)access_key.*secret_key`},
		"max_retries out of range":  {Config: withSetting(`max_retries = 50`), Want: `(?s)max_retries.*between 0 and 20`},
		"rate_limit zero":           {Config: withSetting(`rate_limit = 0`), Want: `(?s)rate_limit.*at least 0.1`},
	}
	env.ExpectPlanErrors(t, cases)
}

// withSetting is a provider block with region and one more setting, plus a resource.
func withSetting(setting string) string {
	return providerBlock("  region = \"cn-north-4\"\n  "+setting) + oneVariable
}

func sum(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}
