package acctest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// RealModeEnv names the environment variable that runs the acceptance tests against a real
// account (make testacc): HUAWEIDATA_ACC_REAL=1. The provider and the tests' own client then
// take region, project, credentials and endpoints from the HW_* environment, as a user's
// configuration would, and every emulator-only check is skipped.
const RealModeEnv = "HUAWEIDATA_ACC_REAL"

// RealMode reports whether the acceptance tests run against a real account.
func RealMode() bool { return os.Getenv(RealModeEnv) == "1" }

// The counts printed when a package's tests end (Main): emulator-only checks run and
// skipped, and tests skipped whole because they need the emulator.
var (
	emulatorChecksRun     atomic.Int64
	emulatorChecksSkipped atomic.Int64
	emulatorTestsSkipped  atomic.Int64
)

// EmulatorOnly is the one gate for what only the emulator can do or tell: request counts,
// fault hooks, the emulated clock, out-of-band crashes and the inventory. Against the
// emulator it runs f with the test's emulator; against a real account it skips f and
// returns nil. Either way the call is counted, and the counts are printed when the
// package's tests end, so a real-mode run says how many checks it could not make.
func (e *Env) EmulatorOnly(f func(emu *emulator.Emulator) error) error {
	if e.emu == nil {
		emulatorChecksSkipped.Add(1)
		return nil
	}
	emulatorChecksRun.Add(1)
	return f(e.emu)
}

// WithEmulator is EmulatorOnly for actions that cannot fail (a PreConfig that resets the
// request counts, say).
func (e *Env) WithEmulator(f func(emu *emulator.Emulator)) {
	_ = e.EmulatorOnly(func(emu *emulator.Emulator) error { f(emu); return nil })
}

// Emulated reports whether the test runs against its own emulator (false in real mode).
func (e *Env) Emulated() bool { return e.emu != nil }

// EmulatedEnv is the world of a test that cannot run against a real account at all: its
// subject is an emulator hook (injected faults, crashes, the clock, fixtures, unpublished
// APIs, credential endpoints). It is made only against the emulator (NewEmulatedEnv).
type EmulatedEnv struct {
	*Env
	// Emulator is the test's own emulator.
	Emulator *emulator.Emulator
}

// NewEmulatedEnv is NewEnv for a test that needs the emulator throughout: in real mode the
// test is skipped (and counted), with why in the message.
func NewEmulatedEnv(t *testing.T, why string) *EmulatedEnv {
	t.Helper()
	return NewEmulatedEnvSeeded(t, 1, why)
}

// NewEmulatedEnvSeeded is NewEmulatedEnv with the emulator's fault-injection randomness
// seeded by seed, so a run with injected faults can be replayed.
func NewEmulatedEnvSeeded(t *testing.T, seed int64, why string) *EmulatedEnv {
	t.Helper()
	if RealMode() {
		emulatorTestsSkipped.Add(1)
		t.Skipf("needs the emulator (%s): skipped against a real account (%s=1)", why, RealModeEnv)
	}
	e := newEmulatorEnv(t, seed)
	return &EmulatedEnv{Env: e, Emulator: e.emu}
}

// ReportFileEnv names the environment variable of a file to which each package's counts
// are appended as well (make testacc-emulator collects them there).
const ReportFileEnv = "HUAWEIDATA_ACC_REPORT"

// printModeSummary writes, after a package's tests, how many emulator-only checks ran and
// how many were skipped, and how many tests were skipped whole for needing the emulator.
func printModeSummary() {
	run, skipped, tests, fixtures := emulatorChecksRun.Load(), emulatorChecksSkipped.Load(), emulatorTestsSkipped.Load(), fixtureTestsSkipped.Load()
	if run+skipped+tests+fixtures == 0 {
		return
	}
	mode := "emulator"
	if RealMode() {
		mode = "real account"
	}
	line := fmt.Sprintf("acctest (%s mode) %s: emulator-only checks: %d run, %d skipped; tests that need the emulator skipped: %d; tests without a real-account fixture skipped: %d\n",
		mode, strings.TrimSuffix(filepath.Base(os.Args[0]), ".test"), run, skipped, tests, fixtures)
	fmt.Print(line)
	if path := os.Getenv(ReportFileEnv); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			fmt.Fprintf(os.Stderr, "acctest: writing %s: %v\n", path, err)
			return
		}
		defer f.Close()
		_, _ = f.WriteString(line)
	}
}

// Behind returns the environment with its provider and client reaching the emulator through
// the server at url instead: a proxy the test put in front of the emulator to alter what
// crosses the wire.
func (e *EmulatedEnv) Behind(url string) *EmulatedEnv {
	env := *e.Env
	env.url = url
	return &EmulatedEnv{Env: &env, Emulator: e.Emulator}
}
