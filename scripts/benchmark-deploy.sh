#!/usr/bin/env bash
# A first deploy of a generated mesh under the REAL Pulumi CLI (`./datamesh up`) against the
# stand-in aws provider, whose emulated Lake Formation takes a latency per call, answers
# ConcurrentModificationException to a write on a resource another write holds, and whose provider
# retries it as terraform-provider-aws does (docs/aws-behaviours.md, section 4). Twice: "chain", the
# program with one Lake Formation lane per account (every write of an account in one dependsOn
# chain, the design before issue 11), and "lanes", the program as committed. Prints wall time,
# Lake Formation writes, ConcurrentModificationException retries and failed operations of each.
# "waves" (issue 21): the committed program deployed with `./datamesh up --parallel 1` and
# `--parallel 4` in turn (RUNS pairs, A B A B ..., each on a fresh copy of the same initialised
# backend and emulated AWS), the wall time of each, the ratio per pair and the load average; then
# the 50-domain mesh's waves and longest path in steps (from its stack files) with an estimate of
# its wall time from the measured steps. It leaves $work/waves/up-once N: one such timed deploy, for
# an outside timer.
#
#   scripts/benchmark-deploy.sh                         # 10 producers x 4 tables x 8 columns, 2 consumers, 1 s a call
#   PRODUCERS=20 LATENCY_MS=500 scripts/benchmark-deploy.sh
#   MODES=lanes scripts/benchmark-deploy.sh             # one of the three
#   MODES=waves RUNS=3 scripts/benchmark-deploy.sh      # --parallel 1 against --parallel 4 (PARALLELS="1 4")
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
read -r -a parallels <<< "${PARALLELS:-1 4}"
runs="${RUNS:-1}"
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

# The waves mode: one deploy per parallelism in turn, each from the same initialised state.
waves() {
  local dir="$1" proj="$2"
  cp -a "$dir/backend" "$dir/template-backend"
  cp "$DATAMESH_STANDIN_STATE" "$dir/template-aws.json"
  cat > "$dir/up-once" <<ONCE
#!/usr/bin/env bash
# One first deploy of $proj with ./datamesh up --parallel N, on fresh copies of the initialised
# backend and emulated AWS; its output in $dir/up-N.log. Written by scripts/benchmark-deploy.sh.
set -euo pipefail
export PATH="$PATH" PULUMI_HOME="$PULUMI_HOME" PULUMI_CONFIG_PASSPHRASE="$PULUMI_CONFIG_PASSPHRASE" \\
  PULUMI_SKIP_UPDATE_CHECK=true PULUMI_IGNORE_AMBIENT_PLUGINS=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true \\
  DATAMESH_STANDIN_LF_LATENCY_MS="$latency" PULUMI_BACKEND_URL="$PULUMI_BACKEND_URL" \\
  DATAMESH_STANDIN_LOG="$DATAMESH_STANDIN_LOG" DATAMESH_STANDIN_STATE="$DATAMESH_STANDIN_STATE"
rm -rf "$dir/backend" "$DATAMESH_STANDIN_STATE"
cp -a "$dir/template-backend" "$dir/backend"
cp "$dir/template-aws.json" "$DATAMESH_STANDIN_STATE"
: > "$DATAMESH_STANDIN_LOG"
exec "$root/datamesh" up --skip-preflight --dir "$proj" --no-policy-packs --parallel "\$1" > "$dir/up-\$1.log" 2>&1
ONCE
  chmod +x "$dir/up-once"
  local run p start wall first
  for run in $(seq 1 "$runs"); do
    first=""
    for p in "${parallels[@]}"; do
      log "waves: run $run, --parallel $p (load average $(cut -d' ' -f1-3 /proc/loadavg))"
      start=$SECONDS
      "$dir/up-once" "$p" || { tail -40 "$dir/up-$p.log" >&2; fail "waves: ./datamesh up --parallel $p failed ($dir/up-$p.log)"; }
      wall=$((SECONDS - start))
      failed="$(grep -c '^{"op":"failed"' "$DATAMESH_STANDIN_LOG" || true)"
      [[ "$failed" == 0 ]] || fail "waves: $failed failed operation(s) in $DATAMESH_STANDIN_LOG"
      cp "$dir/up-$p.log" "$dir/up-$p.run$run.log"
      line="waves run $run: --parallel $p: wall ${wall} s, load average after $(cut -d' ' -f1-3 /proc/loadavg)"
      [[ -z "$first" ]] && first="$wall" || line="$line; ratio to --parallel ${parallels[0]}: $(awk -v a="$wall" -v b="$first" 'BEGIN { printf "%.2f", a / b }')"
      log "$line"
      results+=("$line")
    done
  done
  # The 50-domain mesh of issue 21: its waves from the stack files, and an estimate of its wall time:
  # each wave takes ceil(steps / N) steps in a row, a domain step as long as the median one measured
  # above at that parallelism, central's step as measured (it grows with the domains: docs/benchmarks.md).
  "$root/datamesh" generate --producers 50 --tables 20 --columns 25 --consumers 10 --seed 42 --out "$work/mesh50" > /dev/null
  java -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/standin-classpath.txt")" \
    io.datamesh.plan.DeployWaves "$work/mesh50" "${parallels[@]}" > "$dir/waves50.txt"
  results+=("50 domains (generate --producers 50 --tables 20 --columns 25 --consumers 10 --seed 42): $(head -1 "$dir/waves50.txt")")
  for p in "${parallels[@]}"; do
    local longest domain central
    longest="$(sed -n "s/^parallel $p: longest path \([0-9]*\) steps$/\1/p" "$dir/waves50.txt")"
    domain="$(sed -n 's/^\(.* | \)\{0,1\}\[[0-9]*\/[0-9]*\] up [a-z0-9-]*\( (second run)\)\{0,1\}: .*(\([0-9]*\) s)$/\3/p' "$dir/up-$p.log" \
      | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')"
    central="$(sed -n 's/^\(.* | \)\{0,1\}\[[0-9]*\/[0-9]*\] up central: .*(\([0-9]*\) s)$/\2/p' "$dir/up-$p.log")"
    results+=("50 domains, --parallel $p: longest path $longest steps; estimated $(( (longest - 1) * domain + central )) s (median step here ${domain} s, central's step here ${central} s)")
  done
}

results=()
for mode in "${modes[@]}"; do
  [[ "$mode" == chain || "$mode" == lanes || "$mode" == waves ]] || fail "MODES: chain, lanes and/or waves, not $mode"
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
  if [[ "$mode" == waves ]]; then
    waves "$dir" "$proj"
    continue
  fi
  start=$SECONDS
  "$root/datamesh" up --skip-preflight --dir "$proj" --no-policy-packs --parallel 1 > "$dir/up.log" 2>&1 || { tail -40 "$dir/up.log" >&2; fail "$mode: ./datamesh up failed ($dir/up.log)"; }
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
