package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// restoreGC puts back the test process's settings.
func restoreGC(t *testing.T) {
	t.Helper()
	limit, percent := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	t.Cleanup(func() { debug.SetMemoryLimit(limit); debug.SetGCPercent(percent) })
}

func TestTuneGCWhenTheEnvironmentSetsNothing(t *testing.T) {
	restoreGC(t)
	tuneGC(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != tunedMemoryLimit {
		t.Errorf("memory limit %d, want %d", got, tunedMemoryLimit)
	}
	if got := debug.SetGCPercent(tunedGCPercent); got != tunedGCPercent {
		t.Errorf("GC percent %d, want %d", got, tunedGCPercent)
	}
}

func TestTuneGCLeavesExplicitSettings(t *testing.T) {
	restoreGC(t)
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(100)
	for _, env := range []map[string]string{{"GOGC": "100"}, {"GOMEMLIMIT": "off"}} {
		tuneGC(func(k string) string { return env[k] })
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Errorf("%v: memory limit %d, want none", env, got)
		}
		if got := debug.SetGCPercent(100); got != 100 {
			t.Errorf("%v: GC percent %d, want 100", env, got)
		}
	}
}

func TestUntuneGC(t *testing.T) {
	restoreGC(t)
	debug.SetMemoryLimit(tunedMemoryLimit)
	debug.SetGCPercent(tunedGCPercent)
	untuneGC()
	if debug.SetMemoryLimit(-1) != math.MaxInt64 || debug.SetGCPercent(100) != 100 {
		t.Error("the defaults are not restored")
	}
}
