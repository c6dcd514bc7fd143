package acctest

import (
	"context"
	"os"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// FixtureEnvPrefix starts the environment variables that name, in real mode, what a test
// needs but cannot create itself (Fixture).
const FixtureEnvPrefix = "HUAWEIDATA_ACC_"

// fixtureTestsSkipped counts tests skipped in real mode for a fixture not set.
var fixtureTestsSkipped atomic.Int64

// Fixture returns a value the test needs from outside itself and cannot create: an OBS
// bucket, a VPC and subnet, an IAM user, a package in OBS. Against the emulator it is
// emulated, a value the emulator accepts; in real mode it is the environment variable
// HUAWEIDATA_ACC_<name>, and without it the test is skipped, naming the variable.
func (e *Env) Fixture(t *testing.T, name, emulated string) string {
	t.Helper()
	if e.emu != nil {
		return emulated
	}
	v := os.Getenv(FixtureEnvPrefix + name)
	if v == "" {
		fixtureTestsSkipped.Add(1)
		t.Skipf("needs %s%s in real mode: %s the test cannot create itself (e.g. %q against the emulator)", FixtureEnvPrefix, name, name, emulated)
	}
	return v
}

// EmulatorOnlyCheck gates one state check through EmulatorOnly: it runs against the
// emulator and is skipped (and counted) against a real account, e.g. an exact total over a
// whole collection that other tests on a shared account change.
func (e *Env) EmulatorOnlyCheck(check statecheck.StateCheck) statecheck.StateCheck {
	return emulatorOnlyCheck{env: e, check: check}
}

type emulatorOnlyCheck struct {
	env   *Env
	check statecheck.StateCheck
}

func (c emulatorOnlyCheck) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.env.EmulatorOnly(func(*emulator.Emulator) error {
		var inner statecheck.CheckStateResponse
		c.check.CheckState(ctx, req, &inner)
		return inner.Error
	})
}
