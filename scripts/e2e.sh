#!/usr/bin/env bash
# End-to-end run of the mesh under the REAL Pulumi CLI and Java language host, on a local file
# backend with the passphrase secrets provider, against the STAND-IN aws provider (a test double of
# the pulumi-resource-aws plugin, not of AWS: see docs/real-engine.md). Nothing reaches AWS.
#
#   scripts/e2e.sh            # up in deploy order, preview again (no changes), destroy in reverse
#   KEEP=1 scripts/e2e.sh     # keep the work dir (backend, logs, recording) for inspection
#
# Environment:
#   E2E_STACKS     deploy order (default "producer central consumer producer")
#   E2E_POLICY     policy pack passed as --policy-pack when it exists
#                  (default policy-packs/datamesh-governance)
#   E2E_WORK       work dir (default: a new temp dir)
#   E2E_DESTROY    0 to skip the final destroy (default 1)
#   E2E_PROJECT    the Pulumi project to run (default: the repository root)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$(cd "${E2E_PROJECT:-$root}" && pwd)"
log() { echo "e2e: $*" >&2; }
t0=$SECONDS

stacks=(${E2E_STACKS:-producer central consumer producer})
policy="${E2E_POLICY:-$src/policy-packs/datamesh-governance}"
work="${E2E_WORK:-$(mktemp -d -t datamesh-e2e.XXXXXX)}"
mkdir -p "$work"
[[ -f "$src/Pulumi.yaml" ]] || { log "no Pulumi.yaml in $src yet"; exit 2; }
for s in "${stacks[@]}"; do
  [[ -f "$src/Pulumi.$s.yaml" ]] || { log "missing stack file $src/Pulumi.$s.yaml"; exit 2; }
done

# 1. Tools (cached) and an isolated PULUMI_HOME with the language host and the stand-in provider.
bin="$("$root/scripts/install-pulumi-tools.sh" | tail -1)"
export PATH="$bin:$PATH"
export PULUMI_HOME; PULUMI_HOME="$("$root/scripts/standin-pulumi-home.sh" "$work/pulumi-home" "$bin" | tail -1)"
export PULUMI_BACKEND_URL="file://$work/backend"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-datamesh-e2e}"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_IGNORE_AMBIENT_PLUGINS=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
export DATAMESH_STANDIN_LOG="$work/standin-operations.jsonl"
mkdir -p "$work/backend"

# 2. A copy of the program: `stack init` with the passphrase provider writes an encryption salt
#    into Pulumi.<stack>.yaml, and the committed stack files must stay untouched.
proj="$work/project"
mkdir -p "$proj"
cp "$src/Pulumi.yaml" "$src"/Pulumi.*.yaml "$src/pom.xml" "$proj/"
cp -r "$src/src" "$proj/"
[[ -d "$src/policy-packs" ]] && cp -r "$src/policy-packs" "$proj/"
[[ -d "$policy" ]] && policy_args=(--policy-pack "$policy") || { log "no policy pack at $policy: running without"; policy_args=(); }
cd "$proj"

run() { # run NAME CMD... : logs to $work/logs/NAME.log, shows the tail on failure
  local name="$1"; shift
  mkdir -p "$work/logs"
  local t=$SECONDS
  if "$@" > "$work/logs/$name.log" 2>&1; then
    log "$name ok ($((SECONDS - t)) s)"
  else
    log "$name FAILED ($((SECONDS - t)) s); last lines of $work/logs/$name.log:"
    tail -40 "$work/logs/$name.log" >&2
    exit 1
  fi
}

use_account_of() { # the stand-in provider acts as the stack's account when the stack names one
  DATAMESH_STANDIN_ACCOUNT_ID="$(pulumi config get datamesh:accountId --stack "$1" 2>/dev/null || true)"
  if [[ -n "$DATAMESH_STANDIN_ACCOUNT_ID" ]]; then export DATAMESH_STANDIN_ACCOUNT_ID; else unset DATAMESH_STANDIN_ACCOUNT_ID; fi
}

declare -A seen=()
order=()   # stacks in order of first deployment
n=0
for s in "${stacks[@]}"; do
  n=$((n + 1))
  if [[ -z "${seen[$s]:-}" ]]; then
    run "init-$s" pulumi stack init "$s" --secrets-provider passphrase --non-interactive
    seen[$s]=1
    order+=("$s")
  fi
  use_account_of "$s"
  run "up-$n-$s" pulumi up --yes --skip-preview --non-interactive --stack "$s" "${policy_args[@]}"
done

# 3. Idempotence: a second preview of every stack shows no changes.
for s in "${order[@]}"; do
  use_account_of "$s"
  run "preview-$s" pulumi preview --expect-no-changes --non-interactive --stack "$s" "${policy_args[@]}"
done

# 4. Destroy in reverse order of first deployment (consumers before what they reference);
#    protected / retained resources stay, and the CLI says so.
if [[ "${E2E_DESTROY:-1}" == 1 ]]; then
  for ((i=${#order[@]}-1; i>=0; i--)); do
    s="${order[$i]}"
    use_account_of "$s"
    run "destroy-$s" pulumi destroy --yes --skip-preview --non-interactive --stack "$s"
  done
fi

log "recorded operations: $(wc -l < "$DATAMESH_STANDIN_LOG" 2>/dev/null || echo 0) ($DATAMESH_STANDIN_LOG)"
log "done in $((SECONDS - t0)) s; work dir $work"
[[ "${KEEP:-0}" == 1 || -n "${E2E_WORK:-}" ]] || rm -rf "$work"
