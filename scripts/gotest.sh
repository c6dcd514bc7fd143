#!/usr/bin/env bash
# Runs go test through gotestsum (pinned in tools/go.mod, built into bin/ by make):
# package lines as they finish, the whole output of failing tests, a summary of every
# skipped and failed test (nothing is skipped silently), a JUnit report for CI in
# $JUNIT_FILE (default test-results/junit.xml), and as the last line
#   N passed, N failed, N skipped
# The exit status is non-zero when go test failed, when any test failed, or when no test
# ran at all. Used by `make test` and `make testacc`.
#
# Usage: GOTESTSUM=bin/gotestsum scripts/gotest.sh [go test flags] [packages]
#   GOTESTSUM_FORMAT=standard-verbose echoes the output of passing tests too.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

gotestsum="${GOTESTSUM:?set GOTESTSUM to the gotestsum binary (make test does)}"
junit="${JUNIT_FILE:-test-results/junit.xml}"
mkdir -p "$(dirname "$junit")"

exec "$gotestsum" \
	--format "${GOTESTSUM_FORMAT:-pkgname-and-test-fails}" \
	--format-hide-empty-pkg \
	--junitfile "$junit" \
	--post-run-command "bash $root/scripts/test-summary.sh" \
	-- "$@"
