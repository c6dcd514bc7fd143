package acctest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/huaweidata/terraform-provider-huaweidata/internal/emulator"
)

// terraformBlock matches the top-level terraform { ... } block of an example. The test
// harness serves the provider in-process under its own address, so the block is dropped.
var terraformBlock = regexp.MustCompile(`(?ms)^terraform \{.*?^\}\n`)

// ExamplesDir is the repository's examples/ directory.
func ExamplesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "examples")
}

// ReadExample returns an example configuration (a path under examples/) without its
// terraform block, ready for a test step.
func ReadExample(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(ExamplesDir(), path))
	if err != nil {
		t.Fatal(err)
	}
	return terraformBlock.ReplaceAllString(string(b), "")
}

// ReadDemo joins every .tf file of examples/demo (one per area of the pipeline): the
// full-stack configuration.
func ReadDemo(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(ExamplesDir(), "demo", "*.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no demo files (err=%v)", err)
	}
	var all strings.Builder
	for _, f := range files {
		all.WriteString(ReadExample(t, filepath.Join("demo", filepath.Base(f))))
		all.WriteString("\n")
	}
	return all.String()
}

// DemoConfig is the full-stack demo with the emulator's credentials written into its
// provider block (the demo takes them from the environment, as a user's configuration
// would), so tests need not set environment variables and can run in parallel.
func (e *Env) DemoConfig(t *testing.T) string {
	t.Helper()
	creds := fmt.Sprintf("provider \"huaweidata\" {\n  access_key = %q\n  secret_key = %q\n", emulator.DemoAccessKey, emulator.DemoSecretKey)
	demo := ReadDemo(t)
	if !strings.Contains(demo, "provider \"huaweidata\" {\n") {
		t.Fatal("examples/demo has no provider \"huaweidata\" block")
	}
	return strings.Replace(demo, "provider \"huaweidata\" {\n", creds, 1)
}
