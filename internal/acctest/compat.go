//go:build !nocompat

package acctest

// TRANSITIONAL: kept only while the tests move to EmulatorOnly / EmulatedEnv; deleted
// before this change lands.

import (
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// NewEnvSeeded is TRANSITIONAL: use NewEmulatedEnvSeeded.
func NewEnvSeeded(t *testing.T, seed int64) *Env {
	t.Helper()
	return NewEmulatedEnvSeeded(t, seed, "seeded faults").Env
}

// Count is TRANSITIONAL: use EmulatedEnv.Count or ExpectRequests.
func (e *Env) Count(operation string) int { return e.Emulator.RequestCounts()[operation] }

// SetFaults is TRANSITIONAL: use EmulatedEnv.SetFaults.
func (e *Env) SetFaults(f emulator.Faults) {
	if f.ConsistencyDelay == 0 {
		f.ConsistencyDelay = ConsistencyDelay
	}
	e.Emulator.SetFaults(f)
}

// compatFields are Env's TRANSITIONAL exported fields.
type compatFields struct {
	Emulator *emulator.Emulator
	URL      string
}

func newCompatFields(emu *emulator.Emulator, url string) compatFields {
	return compatFields{Emulator: emu, URL: url}
}

func setCompatURL(e *Env, url string) { e.URL = url }

// BehindCompat is TRANSITIONAL: use EmulatedEnv.Behind.
func (e *Env) BehindCompat(url string) *Env {
	env := *e
	env.url, env.URL = url, url
	return &env
}
