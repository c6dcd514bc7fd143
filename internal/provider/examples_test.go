package provider_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// TestAccExamples_resources applies every examples/resources/<type>/resource.tf against the
// emulator: the documented examples are valid and work.
func TestAccExamples_resources(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(acctest.ExamplesDir(), "resources", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no resource examples found (err=%v)", err)
	}
	vars := config.Variables{
		"api_token":   config.StringVariable("example-token"),
		"db_password": config.StringVariable("example-password"),
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEmulatedEnv(t, "documented examples with fixed names")
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:          env.Config(acctest.ReadExample(t, filepath.Join("resources", name, "resource.tf"))),
					ConfigVariables: vars,
				}},
			})
		})
	}
}

// TestAccExamples_dataSources applies every examples/data-sources/<type>/data-source.tf
// against the emulator's default DataArts fixture, with the provider's dataarts block set to
// the fixture's instance and workspace (the examples rely on it).
func TestAccExamples_dataSources(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(acctest.ExamplesDir(), "data-sources", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no data source examples found (err=%v)", err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEmulatedEnv(t, "documented examples on the emulator's DataArts fixture")
			block := fmt.Sprintf("provider \"huaweidata\" {\n  dataarts = {\n    instance_id  = %q\n    workspace_id = %q\n  }\n",
				emulator.DemoDataArtsInstanceID, emulator.DemoDataArtsWorkspaceID)
			providerBlock := strings.Replace(env.ProviderBlock(), "provider \"huaweidata\" {\n", block, 1)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config: providerBlock + acctest.ReadExample(t, filepath.Join("data-sources", name, "data-source.tf")),
				}},
			})
		})
	}
}

// TestAccExamples_provider plans the documented provider block (no resources, so no API call).
func TestAccExamples_provider(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:   acctest.ReadExample(t, filepath.Join("provider", "provider.tf")),
			PlanOnly: true,
		}},
	})
}

// TestAccExamples_demo applies and destroys the demo against the emulator, as `make demo`
// does with the built binary.
func TestAccExamples_demo(t *testing.T) {
	t.Parallel()
	env := acctest.NewEmulatedEnv(t, "the demo, with its fixed names, configured for the emulator")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:          env.DemoConfig(t),
			ConfigVariables: config.Variables{"emulator_url": config.StringVariable(env.URL())},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("huaweidata_dli_queue.sql", tfjsonpath.New("cu_count"), knownvalue.Int32Exact(16)),
				statecheck.ExpectKnownValue("huaweidata_dli_queue.general", tfjsonpath.New("queue_type"), knownvalue.StringExact("general")),
				// issue 17: the Spark batch runs the package the demo uploads.
				statecheck.CompareValuePairs("huaweidata_dli_batch_job.orders_daily", tfjsonpath.New("file"),
					"huaweidata_dli_package.orders_etl", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue("huaweidata_dli_package.orders_etl", tfjsonpath.New("status"), knownvalue.StringExact("READY")),
			},
		}},
	})
}
