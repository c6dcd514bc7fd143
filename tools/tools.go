//go:build tools

// Package tools pins the versions of the development tools used by the
// provider (see GNUmakefile). It is a separate module so that these
// dependencies never reach the provider's own go.mod.
package tools

import (
	// Linters and formatters: make lint (.golangci.yml).
	_ "github.com/golangci/golangci-lint/v2/cmd/golangci-lint"
	// Documentation generation: make generate.
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
	// Release builds: make release-check, goreleaser release.
	_ "github.com/goreleaser/goreleaser/v2"
	// Test runs and their summary: make test, make testacc.
	_ "gotest.tools/gotestsum"
)
