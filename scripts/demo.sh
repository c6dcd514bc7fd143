#!/usr/bin/env bash
# make demo: builds the provider and the emulator, points Terraform at the
# local build (dev_overrides in a temporary CLI config), applies examples/demo
# against the emulator, prints the outputs, checks that a second plan is empty,
# destroys everything and stops the emulator. Offline; needs Go and the
# Terraform CLI (>= 1.11) on PATH. Leaves nothing behind.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The emulator's documented demo credentials (internal/emulator).
DEMO_ACCESS_KEY="HWDEMOACCESSKEY000001"
DEMO_SECRET_KEY="hwdemosecretkey0000000000000000000000001"
SPEED="${DEMO_SPEED:-600}" # emulated seconds per real second
# Fault injection is off by default; e.g. DEMO_FAULTS="500=0.1,429=0.05" shows
# the provider retrying through a misbehaving cloud.
FAULTS="${DEMO_FAULTS:-}"

step() { printf '\n==> %s\n' "$*"; }
fail() {
	printf '\nDEMO FAILED: %s\n' "$*" >&2
	exit 1
}

bash scripts/check-terraform.sh

tmp="$(mktemp -d "${TMPDIR:-/tmp}/huaweidata-demo.XXXXXX")"

# shellcheck source=scripts/emulator.sh
source scripts/emulator.sh

trap emulator_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "building the provider into $tmp/bin"
mkdir -p "$tmp/bin"
go build -trimpath -ldflags "-X main.version=0.0.0-demo" -o "$tmp/bin/terraform-provider-huaweidata" .

step "building the emulator"
go build -o "$tmp/huaweidata-emulator" ./cmd/huaweidata-emulator

step "starting the emulator (speed ${SPEED}x, faults: ${FAULTS:-none})"
start_emulator "$tmp/huaweidata-emulator" "$tmp/emulator.log" \
	-speed "$SPEED" \
	-faults "$FAULTS" \
	-access-key "$DEMO_ACCESS_KEY" \
	-secret-key "$DEMO_SECRET_KEY"
addr="$EMULATOR_ADDR"
echo "emulator listening on $addr (pid $EMULATOR_PID)"

step "writing a Terraform CLI config that uses the local build (dev_overrides)"
cat >"$tmp/terraformrc" <<HCL
provider_installation {
  dev_overrides {
    "registry.terraform.io/huaweidata/huaweidata" = "$tmp/bin"
  }
  direct {}
}
HCL
cat "$tmp/terraformrc"
export TF_CLI_CONFIG_FILE="$tmp/terraformrc"
export TF_IN_AUTOMATION=1 TF_INPUT=0
unset TF_DATA_DIR TF_WORKSPACE TF_CLI_ARGS TF_CLI_ARGS_plan TF_CLI_ARGS_apply TF_CLI_ARGS_destroy TF_LOG 2>/dev/null || true
# Only the demo pair: no region, project, endpoint or token from the caller's environment.
for v in $(compgen -e | grep '^HW_' || true); do unset "$v"; done
export HW_ACCESS_KEY="$DEMO_ACCESS_KEY" HW_SECRET_KEY="$DEMO_SECRET_KEY"

work="$tmp/work"
mkdir -p "$work"
cp -R examples/demo/. "$work/"
cd "$work"
tfvars=(-var "emulator_url=$addr")
if [ ! -t 1 ]; then tfvars+=(-no-color); fi

step "terraform apply (examples/demo)"
terraform apply -auto-approve -input=false "${tfvars[@]}" || fail "terraform apply failed"

step "terraform output"
terraform output $([ -t 1 ] || echo -no-color) || fail "terraform output failed"

step "terraform plan -detailed-exitcode (must be empty after apply)"
set +e
terraform plan -detailed-exitcode -input=false "${tfvars[@]}"
plan_status=$?
set -e
case "$plan_status" in
0) echo "OK: no changes after apply" ;;
2) fail "the plan after apply is not empty (perpetual diff; see the plan above)" ;;
*) fail "terraform plan failed (exit $plan_status)" ;;
esac

step "terraform destroy"
terraform destroy -auto-approve -input=false "${tfvars[@]}" || fail "terraform destroy failed"

if counts="$(curl --silent --show-error --fail --max-time 2 "$addr/_emulator/requests" 2>/dev/null)"; then
	step "API requests served by the emulator"
	echo "$counts"
fi

step "demo finished: applied, re-planned with no changes, destroyed"
