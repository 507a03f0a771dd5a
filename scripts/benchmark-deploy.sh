#!/usr/bin/env bash
# A first deploy of a generated mesh under the REAL Pulumi CLI (`./datamesh up`) against the
# stand-in aws provider, whose emulated Lake Formation takes a latency per call, answers
# ConcurrentModificationException to a write on a resource another write holds, and whose provider
# retries it as terraform-provider-aws does (docs/aws-behaviours.md, section 4). Twice: "chain", the
# program with one Lake Formation lane per account (every write of an account in one dependsOn
# chain, the design before issue 11), and "lanes", the program as committed. Prints wall time,
# Lake Formation writes, ConcurrentModificationException retries and failed operations of each.
#
#   scripts/benchmark-deploy.sh                         # 10 producers x 4 tables x 8 columns, 2 consumers, 1 s a call
#   PRODUCERS=20 LATENCY_MS=500 scripts/benchmark-deploy.sh
#   MODES=lanes scripts/benchmark-deploy.sh             # one of the two
#
# Run it from a clone of its own (it builds target/ of the checkout it is in). Policy packs are off
# (--no-policy-packs): they add the same JVM starts to both runs and nothing Lake Formation does.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "benchmark: $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

producers="${PRODUCERS:-10}" tables="${TABLES:-4}" columns="${COLUMNS:-8}" consumers="${CONSUMERS:-2}"
latency="${LATENCY_MS:-1000}"
read -r -a modes <<< "${MODES:-chain lanes}"
work="${BENCHMARK_WORK:-$(mktemp -d -t datamesh-benchmark.XXXXXX)}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"

bin="$("$root/scripts/install-pulumi-tools.sh" | tail -1)"
export PATH="$bin:$PATH"
"$root/scripts/ensure-built.sh" > /dev/null
export PULUMI_HOME; PULUMI_HOME="$("$root/scripts/standin-pulumi-home.sh" "$work/pulumi-home" "$bin" | tail -1)"
export PULUMI_CONFIG_PASSPHRASE=datamesh-benchmark PULUMI_SKIP_UPDATE_CHECK=true \
       PULUMI_IGNORE_AMBIENT_PLUGINS=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export DATAMESH_STANDIN_LF_LATENCY_MS="$latency"
standin_cp="$root/target/test-classes:$root/target/classes:$(cat "$root/target/standin-classpath.txt")"
mkdir -p "$work/bin"
cat > "$work/bin/aws" <<AWS
#!/usr/bin/env bash
exec java -cp "$standin_cp" io.datamesh.e2e.standin.AwsCli "\$@"
AWS
chmod +x "$work/bin/aws"

results=()
for mode in "${modes[@]}"; do
  [[ "$mode" == chain || "$mode" == lanes ]] || fail "MODES: chain and/or lanes, not $mode"
  dir="$work/$mode" proj="$work/$mode/project"
  rm -rf "$dir"; mkdir -p "$dir/backend"
  "$root/datamesh" generate --producers "$producers" --tables "$tables" --columns "$columns" \
    --consumers "$consumers" --seed 42 --out "$proj" > /dev/null
  # Each stack acts as the account its file names, as per-stack credentials would (see scripts/e2e.sh).
  for f in "$proj"/Pulumi.*.yaml; do
    [[ "$f" == */Pulumi.yaml ]] && continue
    account="$(sed -n 's/^  datamesh:accountId: "\([0-9]*\)"$/\1/p' "$f")"
    [[ -n "$account" ]] || fail "no datamesh:accountId in $f"
    sed -i "s/^config:$/config:\n  aws:allowedAccountIds: [\"$account\"]/" "$f"
  done
  cp "$root/pom.xml" "$proj/"
  cp -r "$root/src" "$proj/"
  if [[ "$mode" == chain ]]; then
    # The same program with one lane: every Lake Formation write of an account after the previous one.
    lanes_src="$proj/src/main/java/io/datamesh/account/LakeFormationLanes.java"
    sed -i 's/public static final int MAX_LANES = 32;/public static final int MAX_LANES = 1;/' "$lanes_src"
    grep -q 'MAX_LANES = 1;' "$lanes_src" || fail "cannot set MAX_LANES = 1 in $lanes_src"
  fi
  log "$mode: compiling the program in $proj (the language host's first compile, outside the timing)"
  mvn -q -o -B -f "$proj/pom.xml" compile >&2
  # Central's Lake Formation writes and their longest dependsOn chain, planned by this variant.
  chain="$(java -cp "$proj/target/classes:$root/target/test-classes:$(cat "$root/target/standin-classpath.txt")" \
    io.datamesh.scale.CentralLakeFormationWrites "$proj" 2> "$dir/plan-chain.log" | tail -1)"
  [[ "$chain" == central:* ]] || fail "$mode: cannot plan central's chain ($dir/plan-chain.log)"
  log "$mode: $chain"
  export PULUMI_BACKEND_URL="file://$dir/backend"
  export DATAMESH_STANDIN_LOG="$dir/operations.jsonl" DATAMESH_STANDIN_STATE="$dir/emulated-aws.json"
  : > "$DATAMESH_STANDIN_LOG"
  # Fresh accounts: run the one command per account that clears the IAM-only defaults (the offline
  # plan prints the same commands the first previews would).
  "$root/datamesh" plan --fresh-accounts --dir "$proj" > "$dir/plan-fresh.log" 2>&1 || true
  cleared=0
  while IFS= read -r command; do
    catalog="$(sed -n 's/.*--catalog-id \([0-9]*\) .*/\1/p' <<< "$command")"
    DATAMESH_STANDIN_ACCOUNT_ID="$catalog" PATH="$work/bin:$PATH" eval "$command" || fail "$command"
    cleared=$((cleared + 1))
  done < <(grep -o "aws lakeformation put-data-lake-settings --catalog-id [0-9]* .*'" "$dir/plan-fresh.log" | sort -u)
  # Every stack exists before the first up: a domain's first run reads central's outputs, empty
  # until central is deployed (as in scripts/e2e.sh).
  stacks=0
  for f in "$proj"/Pulumi.*.yaml; do
    s="${f##*/Pulumi.}"; s="${s%.yaml}"
    (cd "$proj" && pulumi stack init "$s" --secrets-provider passphrase --non-interactive > /dev/null) \
      || fail "pulumi stack init $s"
    stacks=$((stacks + 1))
  done
  [[ $cleared -ge 1 ]] || fail "no command to clear the defaults in $dir/plan-fresh.log"
  log "$mode: cleared the IAM-only defaults of $cleared account(s); ./datamesh up of $stacks stacks, $latency ms a Lake Formation call"
  start=$SECONDS
  "$root/datamesh" up --skip-preflight --dir "$proj" --no-policy-packs > "$dir/up.log" 2>&1 || { tail -40 "$dir/up.log" >&2; fail "$mode: ./datamesh up failed ($dir/up.log)"; }
  wall=$((SECONDS - start))
  central="$(sed -n 's/^\[[0-9]*\/[0-9]*\] up central: .*(\([0-9]*\) s)$/\1/p' "$dir/up.log")"
  writes="$(grep -cE '^\{"op":"(create|update|delete)","type":"aws:lakeformation/' "$DATAMESH_STANDIN_LOG" || true)"
  retries="$(grep -c '^{"op":"retry"' "$DATAMESH_STANDIN_LOG" || true)"
  failed="$(grep -c '^{"op":"failed"' "$DATAMESH_STANDIN_LOG" || true)"
  steps="$(grep -c '^\[[0-9]*/[0-9]*\] up .*([0-9]* s)$' "$dir/up.log" || true)"
  line="$mode: wall ${wall} s (central ${central:-?} s), $steps steps, $writes Lake Formation writes, $retries ConcurrentModificationException retries, $failed failed operations; planned $chain"
  log "$line"
  results+=("$line")
  [[ "$failed" == 0 ]] || fail "$mode: $failed failed operation(s) in $DATAMESH_STANDIN_LOG"
done

echo "mesh: $producers producers x $tables tables x $columns columns, $consumers consumers (seed 42); $latency ms a Lake Formation call; pulumi $(pulumi version)"
printf '%s\n' "${results[@]}"
log "work dir $work"
