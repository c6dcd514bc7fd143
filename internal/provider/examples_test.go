package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// terraformBlock matches the top-level terraform { ... } block of an example. The test
// harness serves the provider in-process under its own address, so the block is dropped.
var terraformBlock = regexp.MustCompile(`(?ms)^terraform \{.*?^\}\n`)

func readExample(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", path))
	if err != nil {
		t.Fatal(err)
	}
	return terraformBlock.ReplaceAllString(string(b), "")
}

// TestAccExamples_resources applies every examples/resources/<type>/resource.tf against the
// emulator: the documented examples are valid and work.
func TestAccExamples_resources(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "examples", "resources", "*"))
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
			env := acctest.NewEnv(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:          env.Config(readExample(t, filepath.Join("resources", name, "resource.tf"))),
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
	dirs, err := filepath.Glob(filepath.Join("..", "..", "examples", "data-sources", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no data source examples found (err=%v)", err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			env := acctest.NewEnv(t)
			block := fmt.Sprintf("provider \"huaweidata\" {\n  dataarts = {\n    instance_id  = %q\n    workspace_id = %q\n  }\n",
				emulator.DemoDataArtsInstanceID, emulator.DemoDataArtsWorkspaceID)
			providerBlock := strings.Replace(env.ProviderBlock(), "provider \"huaweidata\" {\n", block, 1)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config: providerBlock + readExample(t, filepath.Join("data-sources", name, "data-source.tf")),
				}},
			})
		})
	}
}

// TestAccExamples_provider plans the documented provider block (no resources, so no API call).
func TestAccExamples_provider(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:   readExample(t, filepath.Join("provider", "provider.tf")),
			PlanOnly: true,
		}},
	})
}

// readDemo joins every .tf file of examples/demo (one per area of the pipeline).
func readDemo(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "demo", "*.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no demo files (err=%v)", err)
	}
	var all strings.Builder
	for _, f := range files {
		all.WriteString(readExample(t, filepath.Join("demo", filepath.Base(f))))
		all.WriteString("\n")
	}
	return all.String()
}

// TestAccExamples_demo applies and destroys the demo against the emulator, as `make demo`
// does with the built binary.
func TestAccExamples_demo(t *testing.T) {
	env := acctest.NewEnv(t)
	t.Setenv("HW_ACCESS_KEY", emulator.DemoAccessKey)
	t.Setenv("HW_SECRET_KEY", emulator.DemoSecretKey)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:          readDemo(t),
			ConfigVariables: config.Variables{"emulator_url": config.StringVariable(env.URL)},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("huaweidata_dli_queue.sql", "cu_count", "16"),
				resource.TestCheckResourceAttr("huaweidata_dli_queue.general", "queue_type", "general"),
			),
		}},
	})
}
