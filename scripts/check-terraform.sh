#!/usr/bin/env bash
# Fails with a clear message unless a Terraform CLI >= TF_MIN_VERSION (default
# 1.11.0, needed for write-only arguments) is on PATH. Used by the GNUmakefile,
# scripts/demo.sh and .ci/run.
set -euo pipefail

min="${TF_MIN_VERSION:-1.11.0}"

if ! command -v terraform >/dev/null 2>&1; then
	echo "ERROR: the Terraform CLI is not on PATH." >&2
	echo "       The acceptance tests (make test), make generate and make demo drive the real terraform binary (>= $min)." >&2
	echo "       Install it (https://developer.hashicorp.com/terraform/install) and try again." >&2
	exit 1
fi

tf="$(command -v terraform)"
tfv="$(terraform version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p')"
if [ -z "$tfv" ]; then
	echo "ERROR: cannot tell the version of $tf (terraform version -json failed)." >&2
	exit 1
fi
if [ "$(printf '%s\n%s\n' "$min" "$tfv" | sort -V | head -n1)" != "$min" ]; then
	echo "ERROR: Terraform $tfv at $tf is too old: $min or newer is required." >&2
	exit 1
fi
echo "==> Terraform $tfv ($tf)"
