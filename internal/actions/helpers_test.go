package actions_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"
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
func inventory(emu *emulator.Emulator) emulator.ProjectInventory {
	return emu.Inventory().Projects[emulator.DemoProjectID]
}

// checkInventory is an emulator check of the test project's inventory (emulator-only).
func checkInventory(env *acctest.Env, check func(emulator.ProjectInventory) error) statecheck.StateCheck {
	return env.CheckEmulator(func(_ context.Context, emu *emulator.Emulator) error { return check(inventory(emu)) })
}

// errNotListedYet is what a check passed to eventually wraps when the object it looks for is
// not listed yet.
var errNotListedYet = errors.New("not listed yet")

// eventually is an API check (both modes): what the service lists shows new objects late,
// so the check is tried again, for a minute, while its error wraps errNotListedYet; any
// other error fails at once.
func eventually(check func(ctx context.Context) error) statecheck.StateCheck {
	return acctest.CheckAPI(func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		for {
			err := check(ctx)
			if !errors.Is(err, errNotListedYet) {
				return err
			}
			select {
			case <-ctx.Done():
				return err
			case <-time.After(200 * time.Millisecond):
			}
		}
	})
}

// lines joins configuration fragments.
func lines(parts ...string) string { return strings.Join(parts, "\n") }

// onlyEmulated is the SkipFunc of a step whose subject is an emulator hook its PreConfig
// sets through env.WithEmulator (which counts it): the step is skipped against a real
// account.
func onlyEmulated(env *acctest.Env) func() (bool, error) {
	return func() (bool, error) { return !env.Emulated(), nil }
}
