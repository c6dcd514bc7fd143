package acctest

import (
	"os"
	"testing"
)

// Main runs a package's tests with TF_ACC set, so terraform-plugin-testing runs acceptance
// tests instead of skipping them: `go test ./...` and `make test` run the same suite.
func Main(m *testing.M) {
	if os.Getenv("TF_ACC") == "" {
		os.Setenv("TF_ACC", "1")
	}
	code := m.Run()
	printModeSummary()
	os.Exit(code)
}
