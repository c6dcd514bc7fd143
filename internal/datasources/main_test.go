package datasources_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// withDataArts is the emulator's provider block with a dataarts block holding the default
// fixture's instance and workspace, followed by body.
func withDataArts(env *acctest.Env, body string) string {
	block := fmt.Sprintf("provider \"huaweidata\" {\n  dataarts = {\n    instance_id  = %q\n    workspace_id = %q\n  }\n",
		emulator.DemoDataArtsInstanceID, emulator.DemoDataArtsWorkspaceID)
	return strings.Replace(env.ProviderBlock(), "provider \"huaweidata\" {\n", block, 1) + body
}

// countIsMultiple checks that the emulator saw a whole number (at least one) of reads of
// perRead calls each: Terraform reads a data source several times per test step.
func countIsMultiple(env *acctest.Env, op string, perRead int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := env.Count(op)
		if perRead <= 0 || got == 0 || got%perRead != 0 {
			return fmt.Errorf("%s: %d calls, want a multiple of %d (one read = %d calls)", op, got, perRead, perRead)
		}
		return nil
	}
}
