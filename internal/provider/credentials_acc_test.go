package provider_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// signedOnlyBy checks that every request the emulator accepted was signed by a key of one
// of the origins, and returns the requests per origin.
func signedOnlyBy(env *acctest.EmulatedEnv, origins ...string) (map[string]int, error) {
	byOrigin := map[string]int{}
	for ak, s := range env.Emulator.RequestsBySigner() {
		byOrigin[s.Origin] += s.Requests
		allowed := false
		for _, o := range origins {
			allowed = allowed || s.Origin == o
		}
		if !allowed {
			return nil, fmt.Errorf("%d requests were signed by %s (%s), want only %v", s.Requests, ak, s.Origin, origins)
		}
	}
	return byOrigin, nil
}

func variableCreated(name string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue("huaweidata_dli_global_variable.test", tfjsonpath.New("name"), knownvalue.StringExact(name))
}

// With assume_role, the configured keys sign only the exchange for the agency's temporary
// credentials; every other request is signed with those.
func TestAccProvider_assumeRole(t *testing.T) {
	env := acctest.NewEmulatedEnv(t, "the provider block points at the emulator's IAM, whose agency exchange the test counts")
	name := env.Name("assumed_role_var")
	cfg := providerBlock(fmt.Sprintf(`
  region     = %q
  project_id = %q
  access_key = %q
  secret_key = %q
  endpoints  = { dli = %q, iam = %q }
  assume_role {
    agency_name = "ci_deployer"
    domain_name = "partner_domain"
    duration    = 86400
  }`, emulator.DemoRegion, emulator.DemoProjectID, emulator.DemoAccessKey, emulator.DemoSecretKey, env.URL(), env.URL())) + variableNamed(name)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env.Env),
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				variableCreated(name),
				env.CheckEmulator(func(context.Context, *emulator.Emulator) error {
					byOrigin, err := signedOnlyBy(env, "permanent", "agency:ci_deployer")
					if err != nil {
						return err
					}
					exchanges := env.Count("CreateTemporaryAccessKeyByAgency")
					if exchanges == 0 || byOrigin["permanent"] != exchanges {
						return fmt.Errorf("the configured keys signed %d requests, want only the %d exchanges (at least 1)", byOrigin["permanent"], exchanges)
					}
					if byOrigin["agency:ci_deployer"] < env.Count("CreateGlobalVariable") || env.Count("CreateGlobalVariable") == 0 {
						return fmt.Errorf("the agency's credentials signed %d requests; the variable was created %d times", byOrigin["agency:ci_deployer"], env.Count("CreateGlobalVariable"))
					}
					return nil
				}),
			},
		}},
	})
}

// Without keys anywhere, the provider takes the temporary credentials of the ECS/CCE
// metadata service, and signs every request with them.
func TestAccProvider_metadataCredentials(t *testing.T) {
	env := acctest.NewEmulatedEnv(t, "the emulator is the ECS/CCE metadata service")
	if os.Getenv("HW_ACCESS_KEY") != "" || os.Getenv("HW_SECRET_KEY") != "" {
		t.Fatal("HW_ACCESS_KEY/HW_SECRET_KEY are set: they come before the metadata service; unset them to run this test")
	}
	env.MetadataEndpoint = env.URL()
	name := env.Name("metadata_var")
	cfg := providerBlock(fmt.Sprintf(`
  region     = %q
  project_id = %q
  endpoints  = { dli = %q, iam = %q }`, emulator.DemoRegion, emulator.DemoProjectID, env.URL(), env.URL())) + variableNamed(name)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env.Env),
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				variableCreated(name),
				env.ExpectRequests("ECSMetadataSecurityKey", 1, 3), // once per provider process that called the API
				env.ExpectRequests("ECSMetadataToken", 1, 3),       // in token mode
				env.CheckEmulator(func(context.Context, *emulator.Emulator) error {
					byOrigin, err := signedOnlyBy(env, "ecs-metadata")
					if err != nil {
						return err
					}
					if byOrigin["ecs-metadata"] == 0 {
						return fmt.Errorf("no request was signed with the metadata credentials")
					}
					return nil
				}),
			},
		}},
	})
}

// A profile of the shared config file gives the credentials, and the region and project
// the provider block leaves unset.
func TestAccProvider_sharedConfigProfile(t *testing.T) {
	env := acctest.NewEmulatedEnv(t, "the profile holds the emulator's keys and the provider block its endpoints")
	name := env.Name("profile_var")
	file := filepath.Join(t.TempDir(), "config.json")
	profiles := fmt.Sprintf(`{"current":"other","profiles":[{"name":"other","accessKeyId":"AKNONE","secretAccessKey":"SKNONE"},
{"name":"ci","mode":"AKSK","accessKeyId":%q,"secretAccessKey":%q,"region":%q,"projectId":%q}]}`,
		emulator.DemoAccessKey, emulator.DemoSecretKey, emulator.DemoRegion, emulator.DemoProjectID)
	if err := os.WriteFile(file, []byte(profiles), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := providerBlock(fmt.Sprintf(`
  shared_config_file = %q
  profile            = "ci"
  endpoints          = { dli = %q, iam = %q }`, file, env.URL(), env.URL())) + variableNamed(name)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		CheckDestroy:             acctest.CheckNothingLeft(env.Env),
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				variableCreated(name),
				env.ExpectRequests("KeystoneListProjects", 0, 0), // the profile's projectId
			},
		}},
	})
}

func TestAccProvider_credentialsPlanTimeValidation(t *testing.T) {
	env := acctest.NewEnv(t)
	env.ExpectPlanErrors(t, map[string]acctest.PlanError{
		"assume_role duration too short": {
			Config: withSetting(`assume_role {
    agency_name = "a"
    domain_name = "d"
    duration    = 600
  }`),
			Want: `(?s)assume_role.duration.*between 900 and 86400`,
		},
		"assume_role without domain_name": {
			Config: withSetting(`assume_role {
    agency_name = "a"
  }`),
			Want: `(?s)assume_role.domain_name.*must be specified`,
		},
	})
}
