package acctest

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// stateCheckFunc adapts a function to statecheck.StateCheck, for checks of what the
// emulator holds rather than of the Terraform state.
type stateCheckFunc func(ctx context.Context) error

func (f stateCheckFunc) CheckState(ctx context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if err := f(ctx); err != nil {
		resp.Error = err
	}
}

// CheckEmulator is a state check that runs check against the emulator after the step's
// apply, e.g. that an object holds the value the configuration set.
func CheckEmulator(check func(ctx context.Context) error) statecheck.StateCheck {
	return stateCheckFunc(check)
}

// ExpectRequests is a state check that the emulator has received, since the last
// ResetCounts, between lo and hi requests of the operation (the SDK's method name).
func (e *Env) ExpectRequests(operation string, lo, hi int) statecheck.StateCheck {
	return stateCheckFunc(func(context.Context) error { return e.requestsBetween(operation, lo, hi) })
}

// CheckRequests is ExpectRequests for steps that take no state checks (refresh-only steps).
func (e *Env) CheckRequests(operation string, lo, hi int) resource.TestCheckFunc {
	return func(*terraform.State) error { return e.requestsBetween(operation, lo, hi) }
}

func (e *Env) requestsBetween(operation string, lo, hi int) error {
	if n := e.Count(operation); n < lo || n > hi {
		return fmt.Errorf("the emulator received %d %s requests, want %d to %d", n, operation, lo, hi)
	}
	return nil
}

// CheckNothingLeft is a CheckDestroy that fails when the emulator still holds any object
// the test could have created (see emulator.Inventory.Leftovers).
func CheckNothingLeft(e *Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if left := e.Emulator.Inventory().Leftovers(); len(left) > 0 {
			return fmt.Errorf("left in the emulator after destroy: %v", left)
		}
		return nil
	}
}
