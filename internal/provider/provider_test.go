package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

const oneVariable = `
resource "huaweidata_dli_global_variable" "test" {
  name  = "provider_test"
  value = "x"
}
`

func providerBlock(body string) string {
	return fmt.Sprintf("provider \"huaweidata\" {\n%s\n}\n", body)
}

// A plan needs no credentials and makes no API call; the missing credentials are reported,
// clearly, at the first API call.
func TestAccProvider_missingCredentialsAtFirstCall(t *testing.T) {
	env := acctest.NewEnv(t)
	t.Setenv("HW_ACCESS_KEY", "")
	t.Setenv("HW_SECRET_KEY", "")
	cfg := providerBlock(fmt.Sprintf(`
  region     = "cn-north-4"
  project_id = %q
  endpoints  = { dli = %q, iam = %q }`, emulator.DemoProjectID, env.URL, env.URL)) + oneVariable
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
			{Config: env.Config(oneVariable), PlanOnly: true, ExpectNonEmptyPlan: true},
		},
	})
	if total := sum(env.Emulator.RequestCounts()); total != 0 {
		t.Errorf("configure and plan sent %d requests, want 0", total)
	}
}

// Without project_id the provider finds it in IAM by region, once per provider process.
func TestAccProvider_projectLookup(t *testing.T) {
	env := acctest.NewEnv(t)
	cfg := providerBlock(fmt.Sprintf(`
  region     = %q
  access_key = %q
  secret_key = %q
  endpoints  = { dli = %q, iam = %q }`, emulator.DemoRegion, emulator.DemoAccessKey, emulator.DemoSecretKey, env.URL, env.URL)) + `
resource "huaweidata_dli_global_variable" "test" {
  count = 3
  name  = "lookup_${count.index}"
  value = "x"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			PreConfig: env.Emulator.ResetCounts,
			Config:    cfg,
			Check: func(*terraform.State) error {
				// This apply's one provider process created 3 variables and looked the project up once.
				if n := env.Count("KeystoneListProjects"); n != 1 {
					return fmt.Errorf("KeystoneListProjects called %d times during apply, want 1", n)
				}
				return nil
			},
		}},
	})
}

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
