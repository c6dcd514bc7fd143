#!/usr/bin/env bash
# Runs `go test -json <args>` and pipes the stream through tools/testsummary,
# which prints the usual human output and ends with the line
#   N passed, N failed, N skipped
# The exit status is non-zero when go test failed, when any test failed, or
# when no test ran at all. Used by `make test` and `make testacc`.
#
# Usage: scripts/gotest.sh [go test flags] [packages]
#   TESTSUMMARY_FLAGS="-v" echoes the output of passing tests too.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/huaweidata-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# tools/ is its own module (it is never part of `go test ./...` at the root).
go build -C tools -o "$tmp/testsummary" ./testsummary

# The group writes go test's exit status to a file before it closes the pipe,
# so testsummary reads it after EOF; pipefail keeps testsummary's own status.
{
	status=0
	go test -json "$@" 2>&1 || status=$?
	echo "$status" >"$tmp/status"
} | "$tmp/testsummary" -status-file "$tmp/status" ${TESTSUMMARY_FLAGS:-}
