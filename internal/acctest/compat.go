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
