#!/usr/bin/env bash
# gotestsum's post-run command (scripts/gotest.sh): the last line of a test run, from the
# counts gotestsum hands over in TESTS_TOTAL, TESTS_FAILED and TESTS_SKIPPED. A run in
# which no test ran fails.
set -euo pipefail
total=${TESTS_TOTAL:?} failed=${TESTS_FAILED:?} skipped=${TESTS_SKIPPED:?}
echo "$((total - failed - skipped)) passed, $failed failed, $skipped skipped"
if [ "$total" -eq 0 ]; then
	echo "ERROR: no test ran" >&2
	exit 1
fi
