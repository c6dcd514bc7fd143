package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
)

// TestAccIdentity_examples applies every examples/resources/<type>/resource.tf of an
// importable resource (one with an import.sh) and imports
// each of its resources of that type again with an import block naming the resource's
// identity (Terraform 1.12 and later): the identity leads to the same object, with the same
// identity. The plan of the import may change arguments DLI does not return (documented per
// resource, as for an import by id), so it is not required to be empty.
func TestAccIdentity_examples(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(acctest.ExamplesDir(), "resources", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no resource examples found (err=%v)", err)
	}
	vars := config.Variables{
		"api_token":   config.StringVariable("example-token"),
		"db_password": config.StringVariable("example-password"),
	}
	for _, dir := range dirs {
		typ := filepath.Base(dir)
		if _, err := os.Stat(filepath.Join(dir, "import.sh")); err != nil {
			continue // not importable (its docs say why), so it has no identity either
		}
		t.Run(typ, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEmulatedEnv(t, "documented examples with fixed names")
			example := env.Config(acctest.ReadExample(t, filepath.Join("resources", typ, "resource.tf")))
			steps := []resource.TestStep{{Config: example, ConfigVariables: vars}}
			names := regexp.MustCompile(fmt.Sprintf(`(?m)^resource "%s" "(\w+)"`, typ)).FindAllStringSubmatch(example, -1)
			if len(names) == 0 {
				t.Fatalf("the example declares no %s", typ)
			}
			for _, m := range names {
				steps = append(steps, resource.TestStep{
					Config:          example,
					ConfigVariables: vars,
					ResourceName:    typ + "." + m[1],
					ImportState:     true,
					ImportStateKind: resource.ImportBlockWithResourceIdentity,
					// Arguments DLI does not return (e.g. a queue's tags) are planned again.
					ExpectNonEmptyPlan: true,
				})
			}
			resource.Test(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
				ProtoV6ProviderFactories: env.ProviderFactories(),
				Steps:                    steps,
			})
		})
	}
}
