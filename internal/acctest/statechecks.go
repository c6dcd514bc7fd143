package acctest

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
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
// apply, e.g. that an object holds what the configuration set. It is gated by
// EmulatorOnly: skipped (and counted) against a real account.
func (e *Env) CheckEmulator(check func(ctx context.Context, emu *emulator.Emulator) error) statecheck.StateCheck {
	return stateCheckFunc(func(ctx context.Context) error {
		return e.EmulatorOnly(func(emu *emulator.Emulator) error { return check(ctx, emu) })
	})
}

// CheckAPI is a state check that runs check after the step's apply, against the emulator
// and against a real account alike: check looks through the API (Env.Client), e.g. that
// an object holds the value the configuration set.
func CheckAPI(check func(ctx context.Context) error) statecheck.StateCheck {
	return stateCheckFunc(check)
}

// ExpectRequests is a state check that the emulator has received, since the last
// ResetCounts, between lo and hi requests of the operation (the SDK's method name).
// Emulator-only: skipped (and counted) against a real account.
func (e *Env) ExpectRequests(operation string, lo, hi int) statecheck.StateCheck {
	return stateCheckFunc(func(context.Context) error { return e.requestsBetween(operation, lo, hi) })
}

// CheckRequests is ExpectRequests for steps that take no state checks (refresh-only steps).
func (e *Env) CheckRequests(operation string, lo, hi int) resource.TestCheckFunc {
	return func(*terraform.State) error { return e.requestsBetween(operation, lo, hi) }
}

func (e *Env) requestsBetween(operation string, lo, hi int) error {
	return e.EmulatorOnly(func(emu *emulator.Emulator) error {
		if n := emu.RequestCounts()[operation]; n < lo || n > hi {
			return fmt.Errorf("the emulator received %d %s requests, want %d to %d", n, operation, lo, hi)
		}
		return nil
	})
}

// ResetCounts sets the emulator's request counts to zero (emulator-only: nothing in real
// mode), so that the next ExpectRequests counts one step.
func (e *Env) ResetCounts() { e.WithEmulator(func(emu *emulator.Emulator) { emu.ResetCounts() }) }

// Count returns how many requests of an operation (the SDK's method name) the emulator has
// received.
func (e *EmulatedEnv) Count(operation string) int { return e.Emulator.RequestCounts()[operation] }

// CheckNothingLeft is a CheckDestroy that fails when anything the test could have created
// is left: against the emulator, any object of its inventory (emulator.Inventory.Leftovers);
// against a real account, any object whose name starts with the test's prefix (Leftovers).
func CheckNothingLeft(e *Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.emu == nil {
			return e.checkNoPrefixedObjects()
		}
		if left := e.emu.Inventory().Leftovers(); len(left) > 0 {
			return fmt.Errorf("left in the emulator after destroy: %v", left)
		}
		return nil
	}
}

// ExpectRequestCounts fails the test unless the emulator's request counts since the last
// ResetCounts are exactly want; what names the commands counted. Emulator-only.
func (e *Env) ExpectRequestCounts(t *testing.T, what string, want map[string]int) {
	t.Helper()
	err := e.EmulatorOnly(func(emu *emulator.Emulator) error {
		if got := emu.RequestCounts(); !maps.Equal(got, want) {
			return fmt.Errorf("%s sent %v, want %v", what, got, want)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}
