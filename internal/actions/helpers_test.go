package actions_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/acctest"
	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// needsActions skips a test on a Terraform CLI without actions (before 1.14), with
// terraform-plugin-testing's message naming the version found. make test-tf-latest runs
// these tests with Terraform 1.15.
var needsActions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// invokedOnCreate is an action block of actionType named name with the given config body,
// and a terraform_data named name whose creation invokes it (lifecycle action_trigger
// after_create). after is an expression the trigger waits for ("null" for none).
func invokedOnCreate(actionType, name, after, config string) string {
	return fmt.Sprintf(`
action %[1]q %[2]q {
  config {
%[4]s
  }
}

resource "terraform_data" %[2]q {
  input = %[3]s
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.%[1]s.%[2]s]
    }
  }
}
`, actionType, name, after, config)
}

// inventory is the emulator's inventory of the project the tests use.
func inventory(env *acctest.Env) emulator.ProjectInventory {
	return env.Emulator.Inventory().Projects[emulator.DemoProjectID]
}

// checkInventory is an emulator check of the test project's inventory.
func checkInventory(env *acctest.Env, check func(emulator.ProjectInventory) error) func(context.Context) error {
	return func(context.Context) error { return check(inventory(env)) }
}

// lines joins configuration fragments.
func lines(parts ...string) string { return strings.Join(parts, "\n") }
