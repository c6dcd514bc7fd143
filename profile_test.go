package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestProfilingOffByDefault(t *testing.T) {
	if v := os.Getenv(profileDirEnv); v != "" {
		t.Skipf("%s is set in this environment", profileDirEnv)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	stop, err := startProfiling(os.Getenv(profileDirEnv))
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("profiling off wrote %d files", len(entries))
	}
}

func TestProfilingWritesProfiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "profiles")
	stop, err := startProfiling(dir)
	if err != nil {
		t.Fatal(err)
	}
	stop()
	for _, pattern := range []string{"cpu-*.pprof", "heap-*.pprof"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pattern)); len(m) != 1 {
			t.Errorf("%s: %d files, want 1", pattern, len(m))
		}
	}
}
