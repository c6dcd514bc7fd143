#!/usr/bin/env bash
# Used by make testacc and make sweep: succeeds when HW_ACCESS_KEY, HW_SECRET_KEY,
# HW_REGION_NAME and HW_PROJECT_ID are set; otherwise prints SKIPPED, what TARGET
# would do ($1) and which variables are missing, and fails so the caller stops.
# Usage: scripts/real-account-vars.sh "make testacc runs against real Huawei Cloud" [extra line]
set -uo pipefail
missing=""
for v in HW_ACCESS_KEY HW_SECRET_KEY HW_REGION_NAME HW_PROJECT_ID; do
	if [ -z "${!v:-}" ]; then missing="$missing $v"; fi
done
[ -z "$missing" ] && exit 0
echo "SKIPPED: $1, and these variables are not set:$missing"
echo "         Set HW_ACCESS_KEY, HW_SECRET_KEY, HW_REGION_NAME and HW_PROJECT_ID (and HW_*_ENDPOINT to override endpoints)."
[ -n "${2:-}" ] && echo "         $2"
exit 1
