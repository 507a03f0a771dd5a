#!/usr/bin/env bash
# End-to-end run of the mesh under the REAL Pulumi CLI and Java language host, on a local file
# backend with the passphrase secrets provider, against the STAND-IN aws provider (a test double of
# the pulumi-resource-aws plugin, not of AWS: see docs/real-engine.md). Nothing reaches AWS.
#
#   scripts/e2e.sh            # builds (or reuses) the tools, then runs every check below
#   KEEP=1 scripts/e2e.sh     # keep the work dir (backend, logs, recording) for inspection
#
# The SDK calls of ./datamesh (preflight, verify) go to the stand-in's AWS-API endpoint
# (AwsApiEndpoint: STS, IAM's policy simulator, Lake Formation settings and permissions, RAM
# invitations) on the same emulated AWS, one process for the run (DATAMESH_AWS_ENDPOINT); each stack
# file names a profile (aws:profile) whose access key id is its account id (as LocalStack identifies callers).
#
# Checks, on copies of the committed Pulumi.yaml and Pulumi.<stack>.yaml files:
#   0. on the emulated fresh accounts, `./datamesh preflight` stops (exit 7) naming, per account, the
#      one `aws lakeformation put-data-lake-settings` call that clears Lake Formation's IAM-only
#      defaults, and `pulumi preview` of the producer stops before registering anything with the same
#      call. Then `./datamesh up` refuses (exit 7, nothing deployed) a producer deployer without
#      glue:PutResourcePolicy and a central deployer with only AWSLakeFormationDataAdmin, naming each
#      missing action;
#   1. `./datamesh up --clear-iam-defaults` (the Automation API driving the CLI), with no hand step,
#      creates the stacks the backend lacks, clears each account's IAM-only defaults through the
#      SDK, and after its preflight runs producer -> consumer -> central ->
#      producer -> consumer with BOTH policy packs started as executable packs (docs/policy-packs.md,
#      mode A), each stack acting as the account its file names (aws:allowedAccountIds, no
#      DATAMESH_STANDIN_ACCOUNT_ID); each step created resources; stack references resolve through
#      the backend; the expected stack outputs exist; the packs' policies are listed in the CLI output
#      and the engine ran every rule that applies to the sample's resources;
#   2. the ACCESS IN FORCE, computed by the stand-in's emulated AWS from its own recorded state
#      (grants, LF-tags, default permissions, RAM shares, IAM and KMS policies; docs/aws-behaviours.md),
#      equals the sample's expected access: every analyst and engineer role, table and column;
#   3. `pulumi preview --expect-no-changes` of every stack (idempotent), and `./datamesh up --stack
#      producer --from 2` skips the producer's second run after its preview plans no change;
#   4. a central grant whose permissions change is replaced, and the access in force is the same
#      after the replacement and after changing it back (a replacement must not revoke itself);
#   5. a central grant whose TABLE expression lost its `pii` key makes `pulumi preview` fail with
#      the mandatory `lf-no-grant-admits-pii` violation, and `./datamesh preview --stack central`
#      stops there with exit code 3 and its resume command; with --policy-pack-config (through
#      `./datamesh preview`) allow-listing the consumer account it passes (the pack's config reaches
#      the analyzer);
#   6. `./datamesh destroy --stack producer` retains the data bucket and key (retainOnDelete): the
#      CLI and the command say so and the stand-in was never asked to delete them.
#   7. a fresh mesh (new backend, new emulated AWS) whose RAM shares arrive as invitations, outside
#      an Organization (DATAMESH_STANDIN_ORGANIZATION=false): `./datamesh up --clear-iam-defaults`
#      alone creates the three stacks, finds each domain's pending invitation from central, sets its
#      datamesh:ramShareArns before the second run, and the access in force is the sample's;
#   8. runs cut off mid-way, on one more fresh mesh, inside an Organization for shares to IAM roles
#      (DATAMESH_STANDIN_ROLE_INVITATIONS=true: invitations again): the provider killed right after
#      AWS made a resource (and IAM role creates throttled), then `./datamesh up` itself killed hard
#      mid-central; each next `./datamesh up` settles what was left, and the last one completes,
#      accepting the invitations (section 9 of the script).
#
# Environment:
#   E2E_WORK       work dir (default: a new temp dir, removed on success unless KEEP=1)
#   E2E_UPGRADE_FROM  a git revision (maven executor only): step 1 deploys THAT revision's program
#                  (git archive of src/ and pom.xml); then `./datamesh preview` of this checkout's
#                  program over those stacks must plan no replacement or deletion of a cloud
#                  resource, only creates of components (aliases keep the old URNs), and
#                  `./datamesh up` of it keeps the access in force; the later steps run on it
#   E2E_EXECUTOR   maven (default): the committed Pulumi.yaml as is, so the language host runs
#                  `mvn compile exec:java` in the work copy on every CLI call (incremental after the
#                  first); jar: the work copy's Pulumi.yaml runs a prebuilt thin jar instead (`binary`
#                  runtime option), which saves the Maven start per call
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "e2e: $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
t0=$SECONDS

work="${E2E_WORK:-$(mktemp -d -t datamesh-e2e.XXXXXX)}"
mkdir -p "$work/logs"
work="$(cd "$work" && pwd)"
executor="${E2E_EXECUTOR:-maven}"
stacks=(producer consumer central)     # first deployments; the domains run again after central
deploy=(producer consumer central producer consumer)

# 1. Tools (cached), the product build (target/datamesh.jar, shared with ./datamesh and the policy
#    packs' launchers) and an isolated PULUMI_HOME with the language host and the stand-in provider.
bin="$("$root/scripts/install-pulumi-tools.sh" | tail -1)"
export PATH="$bin:$PATH"
mkdir -p "$root/target"
(
  flock 9   # the same lock policy-packs/bin/run-analyzer takes
  if [[ ! -f "$root/target/datamesh.jar" || ! -f "$root/target/classpath.txt" ]] \
     || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$root/target/datamesh.jar" -print -quit)" ]]; then
    log "building (mvn package) ..."
    mvn -q -B -f "$root/pom.xml" -DskipTests package >&2
  fi
) 9>"$root/target/.build.lock"
export PULUMI_HOME; PULUMI_HOME="$("$root/scripts/standin-pulumi-home.sh" "$work/pulumi-home" "$bin" | tail -1)"
# The checks that read what the run produced (io.datamesh.e2e.E2eChecks, test classes).
checks=(java -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/standin-classpath.txt")"
        io.datamesh.e2e.E2eChecks)
export PULUMI_BACKEND_URL="file://$work/backend"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-datamesh-e2e}"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_IGNORE_AMBIENT_PLUGINS=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export DATAMESH_STANDIN_LOG="$work/standin-operations.jsonl"
: > "$DATAMESH_STANDIN_LOG"
# One emulated AWS for every stack of the run: each provider process acts as one account of it.
export DATAMESH_STANDIN_STATE="$work/emulated-aws.json"
rm -f "$DATAMESH_STANDIN_STATE"
standin=(java -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/standin-classpath.txt")")
mkdir -p "$work/backend"
log "pulumi $(pulumi version), pulumi-language-java $(source "$bin/versions.env"; echo "$PULUMI_JAVA_VERSION")"

# 2. A copy of the project: `stack init` with the passphrase provider writes an encryption salt into
#    Pulumi.<stack>.yaml, and the committed stack files must stay untouched.
proj="$work/project"
mkdir -p "$proj"
cp "$root"/Pulumi.*.yaml "$proj/"
# Each stack file names the account its provider acts in (aws:allowedAccountIds, a pulumi-aws
# provider key): `./datamesh up` switches nothing between stacks, so the stand-in reads it there.
# ... and the credentials of that account for the SDK calls (aws:profile, read as verify and
# preflight read it), from AWS config files of the work dir only.
export AWS_CONFIG_FILE="$work/aws/config" AWS_SHARED_CREDENTIALS_FILE="$work/aws/credentials"
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
mkdir -p "$work/aws"
: > "$AWS_CONFIG_FILE"; : > "$AWS_SHARED_CREDENTIALS_FILE"
for f in "$proj"/Pulumi.*.yaml; do
  account="$(sed -n 's/^  datamesh:accountId: "\([0-9]*\)"$/\1/p' "$f")"
  [[ -n "$account" ]] || fail "no datamesh:accountId in $f"
  stack="$(basename "$f" .yaml)"; stack="${stack#Pulumi.}"
  sed -i "s/^config:$/config:\n  aws:allowedAccountIds: [\"$account\"]\n  aws:profile: datamesh-$stack/" "$f"
  grep -q "aws:allowedAccountIds: \[\"$account\"\]" "$f" || fail "cannot add aws:allowedAccountIds to $f"
  printf '[profile datamesh-%s]\nregion = %s\n' "$stack" "$(sed -n 's/^  aws:region: //p' "$f")" >> "$AWS_CONFIG_FILE"
  printf '[datamesh-%s]\naws_access_key_id = %s\naws_secret_access_key = stand-in\n' "$stack" "$account" \
    >> "$AWS_SHARED_CREDENTIALS_FILE"
done
# The AWS-API endpoint of the emulated AWS (the state file DATAMESH_STANDIN_STATE names), in the
# stacks' region: one process per emulated AWS, all stopped on exit.
export DATAMESH_STANDIN_REGION; DATAMESH_STANDIN_REGION="$(sed -n 's/^  aws:region: //p' "$proj/Pulumi.central.yaml")"
endpoint_pids=()
trap 'kill "${endpoint_pids[@]}" 2>/dev/null || true' EXIT
start_endpoint() { # start_endpoint NAME
  "${standin[@]}" io.datamesh.e2e.standin.AwsApiEndpoint > "$work/logs/aws-endpoint-$1.log" 2>&1 &
  local pid=$!
  endpoint_pids+=("$pid")
  for _ in $(seq 1 300); do
    DATAMESH_AWS_ENDPOINT="$(head -1 "$work/logs/aws-endpoint-$1.log")"
    [[ "$DATAMESH_AWS_ENDPOINT" == http://* ]] && break
    kill -0 "$pid" 2>/dev/null || fail "the AWS-API endpoint did not start ($work/logs/aws-endpoint-$1.log)"
    sleep 0.2
  done
  [[ "$DATAMESH_AWS_ENDPOINT" == http://* ]] || fail "the AWS-API endpoint did not start ($work/logs/aws-endpoint-$1.log)"
  export DATAMESH_AWS_ENDPOINT
  log "AWS-API endpoint of the emulated AWS ($1) at $DATAMESH_AWS_ENDPOINT"
}
start_endpoint main
cp -r "$root/sample-data" "$root/contracts" "$proj/"
mkdir -p "$work/pristine" && cp "$proj"/Pulumi.*.yaml "$work/pristine/"
[[ "$executor" == maven || "$executor" == jar ]] || fail "E2E_EXECUTOR must be maven or jar"
[[ -z "${E2E_UPGRADE_FROM:-}" || "$executor" == maven ]] || fail "E2E_UPGRADE_FROM needs E2E_EXECUTOR=maven"
if [[ -n "${E2E_UPGRADE_FROM:-}" ]]; then
  cp "$root/Pulumi.yaml" "$proj/"
  git -C "$root" archive "$E2E_UPGRADE_FROM" pom.xml src | tar -x -C "$proj" \
    || fail "cannot export the program of $E2E_UPGRADE_FROM (a shallow clone?)"
  log "step 1 deploys the program of $E2E_UPGRADE_FROM ($(git -C "$root" log -1 --format='%h %s' "$E2E_UPGRADE_FROM"))"
  # That program reads data products inline only (datamesh:contracts came with issue 20): step 1
  # deploys the sample producer as it then was, and the upgrade switches it to the contracts.
  cp "$proj/Pulumi.producer.yaml" "$work/Pulumi.producer.contracts.yaml"
  sed -n '/^config:$/,/^  aws:profile: /p' "$work/Pulumi.producer.contracts.yaml" > "$work/producer-e2e-keys.yaml"
  sed -e '/^config:$/{r '"$work/producer-e2e-keys.yaml" -e 'd}' "$root/src/test/resources/contracts/Pulumi.producer.dataProducts.yaml" \
    > "$proj/Pulumi.producer.yaml"
  grep -q '^  datamesh:dataProducts:' "$proj/Pulumi.producer.yaml" && grep -q '^  aws:profile: datamesh-producer$' "$proj/Pulumi.producer.yaml" \
    || fail "cannot write the inline producer for $E2E_UPGRADE_FROM"
elif [[ "$executor" == maven ]]; then
  cp "$root/Pulumi.yaml" "$root/pom.xml" "$proj/"
  cp -r "$root/src" "$proj/"
  # Compiled once before the domains' steps run at once (see the upgrade's compile below).
  mvn -q -B -f "$proj/pom.xml" compile >&2 || fail "cannot compile the program"
else
  # A thin jar: the manifest names the main class and the built jar + its runtime classpath.
  "${checks[@]}" thin-jar "$proj/datamesh-program.jar" "$root/target/datamesh.jar" "$root/target/classpath.txt" \
    || fail "cannot write the thin jar"
  # Same project as the committed Pulumi.yaml, only the runtime option differs.
  sed -e 's|^runtime: java$|runtime:\n  name: java\n  options:\n    binary: datamesh-program.jar|' \
    "$root/Pulumi.yaml" > "$proj/Pulumi.yaml"
  grep -q 'binary: datamesh-program.jar' "$proj/Pulumi.yaml" || fail "cannot rewrite runtime in Pulumi.yaml"
fi
policy_args=(--policy-pack "$root/policy-packs/aws-baseline/analyzer"
             --policy-pack "$root/policy-packs/datamesh-governance/analyzer")
cd "$proj"

run() { # run NAME CMD... : output to $work/logs/NAME.log, its tail on failure
  local name="$1"; shift
  local t=$SECONDS
  if "$@" > "$work/logs/$name.log" 2>&1; then
    log "$name ok ($((SECONDS - t)) s)"
  else
    log "$name FAILED ($((SECONDS - t)) s); last lines of $work/logs/$name.log:"
    tail -60 "$work/logs/$name.log" >&2
    exit 1
  fi
}
expect_in() { # expect_in NAME TEXT... : every TEXT occurs in logs/NAME.log
  local name="$1"; shift
  for text in "$@"; do
    grep -qF -- "$text" "$work/logs/$name.log" || fail "'$text' not in $work/logs/$name.log"
  done
}
expect_pack() { # expect_pack NAME PACK : the CLI lists the local pack, whatever it shortens of a long path
  grep -qE -- "✅ $2@v0\.1\.0 \(local: .*$2/analyzer\)" "$work/logs/$1.log" \
    || fail "pack $2 not listed as a local pack in $work/logs/$1.log"
}
access_in_force() { # access_in_force NAME : the emulated AWS's access in force, checked against the sample's
  "${standin[@]}" io.datamesh.e2e.standin.AccessInForce "$DATAMESH_STANDIN_STATE" > "$work/logs/access-$1.txt" \
    || fail "the access in force could not be computed ($work/logs/access-$1.txt)"
  grep '^e2e: ' "$work/logs/access-$1.txt" >&2 || true
  "${checks[@]}" access "$work/logs/access-$1.txt" || fail "access in force ($1) differs from the sample's expected access"
  log "access in force ($1) is the sample's expected access"
}
account_of() { # account_of STACK : its datamesh:accountId
  local account
  account="$(sed -n 's/^  datamesh:accountId: "\([0-9]*\)"$/\1/p' "$proj/Pulumi.$1.yaml")"
  [[ -n "$account" ]] || fail "no datamesh:accountId in Pulumi.$1.yaml"
  echo "$account"
}
as_account_of() { # the stand-in acts as the account of the stack being deployed
  export DATAMESH_STANDIN_ACCOUNT_ID
  DATAMESH_STANDIN_ACCOUNT_ID="$(account_of "$1")"
}
outputs_have() { # outputs_have STACK KEY... : the stack's outputs hold every KEY, non-empty
  pulumi stack output --json --show-secrets --stack "$1" > "$work/logs/outputs-$1.json"
  "${checks[@]}" outputs "$work/logs/outputs-$1.json" "${@:2}" || fail "outputs of stack $1"
}

# 3. Up in deploy order, both packs on every run, on fresh accounts with no hand step: preflight
#    names each account's IAM-only defaults with the command that clears them ...
rc=0
env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" preflight > "$work/logs/preflight-fresh.log" 2>&1 || rc=$?
[[ $rc == 7 ]] || fail "preflight of the fresh accounts exited $rc, not 7, though their IAM-only defaults stand ($work/logs/preflight-fresh.log)"
for s in "${stacks[@]}"; do
  grep -qF -- "aws lakeformation put-data-lake-settings --catalog-id $(account_of "$s") " "$work/logs/preflight-fresh.log" \
    || fail "preflight does not name the command that clears the defaults of $s ($work/logs/preflight-fresh.log)"
done
# ... the program itself stops on them too, before registering anything, naming the command (on a
# stack made here; `./datamesh up` makes the others) ...
run init-producer pulumi stack init producer --secrets-provider passphrase --non-interactive
as_account_of producer
if pulumi preview --non-interactive --stack producer "${policy_args[@]}" > "$work/logs/preview-fresh-producer.log" 2>&1; then
  fail "preview of producer on a fresh account passed, though its IAM-only defaults stand ($work/logs/preview-fresh-producer.log)"
fi
expect_in preview-fresh-producer "aws lakeformation put-data-lake-settings --catalog-id $(account_of producer) "
log "preflight-fresh and preview-fresh-producer named the command that clears the IAM-only defaults"
# Preflight refuses, before anything is deployed, deployers that `pulumi up` would fail on late: the
# producer's without glue:PutResourcePolicy, central's with only AWSLakeFormationDataAdmin (which
# denies lakeformation:PutDataLakeSettings), plus iam:SimulatePrincipalPolicy on itself, without which
# the simulator refuses and preflight only says so.
deployer() { "${standin[@]}" io.datamesh.e2e.standin.Deployers "$DATAMESH_STANDIN_STATE" "$@" || fail "cannot set the deployer's policies: $*"; }
cat > "$work/deployer-without-put-resource-policy.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*", "Action": ["lakeformation:*", "kms:*",
  "iam:*", "ram:*", "s3:*", "athena:*", "glue:Get*", "glue:Create*", "glue:Update*", "glue:Delete*"]}]}
JSON
echo '{"Statement": [{"Effect": "Allow", "Action": "iam:SimulatePrincipalPolicy", "Resource": "*"}]}' > "$work/simulate-itself.json"
deployer "$(account_of producer)" "datamesh-deployer-policy=$work/deployer-without-put-resource-policy.json"
deployer "$(account_of central)" AWSLakeFormationDataAdmin "simulate-itself=$work/simulate-itself.json"
recorded_before="$(wc -l < "$DATAMESH_STANDIN_LOG")"
rc=0
env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" up > "$work/logs/up-refused.log" 2>&1 || rc=$?
[[ $rc == 7 ]] || fail "./datamesh up with deployers that lack permissions exited $rc, not 7 ($work/logs/up-refused.log)"
producer_deployer="arn:aws:iam::$(account_of producer):role/datamesh-deployer"
central_deployer="arn:aws:iam::$(account_of central):role/datamesh-deployer"
expect_in up-refused "stack producer: the deployer $producer_deployer may not glue:PutResourcePolicy." \
  "stack central: the deployer $central_deployer may not lakeformation:PutDataLakeSettings (denied explicitly by AWSLakeFormationDataAdmin)." \
  "stack central: the deployer $central_deployer may not glue:PutResourcePolicy." \
  "stack central: the deployer $central_deployer may not iam:PassRole on " \
  "stack central: the deployer $central_deployer may not ram:CreateResourceShare." \
  "nothing was run"
! grep -q "stack producer: the deployer .* may not lakeformation:" "$work/logs/up-refused.log" \
  || fail "preflight names a Lake Formation action the producer's deployer has ($work/logs/up-refused.log)"
[[ "$(wc -l < "$DATAMESH_STANDIN_LOG")" == "$recorded_before" ]] && ! grep -q "^\[1/" "$work/logs/up-refused.log" \
  || fail "./datamesh up deployed something though preflight refused ($work/logs/up-refused.log, $DATAMESH_STANDIN_LOG)"
log "up-refused: preflight stopped up (exit 7, nothing deployed), naming each action the deployers lack"
deployer "$(account_of producer)" --admin
deployer "$(account_of central)" --admin
# `./datamesh up --clear-iam-defaults`: creates the stacks the backend lacks, clears each account's
# IAM-only defaults (every admin kept), then every stack in deploy order through the Automation API,
# both packs on by default; the account of each stack comes from its own file, not from the environment.
run up env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" up --clear-iam-defaults --event-log-dir "$work/logs/events"
expect_in up "up: stack consumer created in the backend" "up: stack central created in the backend"
for s in "${stacks[@]}"; do
  expect_in up "clear-iam-defaults: $s ($(account_of "$s")): before: "
done
grep -q "stack producer created" "$work/logs/up.log" && fail "up created the producer stack that existed ($work/logs/up.log)"
n=0
for s in "${deploy[@]}"; do
  n=$((n + 1))
  # With steps run at once (--parallel, by default more than one) each line starts with its stack.
  grep -qE "^($s +\| )?\[$n/${#deploy[@]}\] up $s( \(second run\))?: [0-9]+ created" "$work/logs/up.log" \
    || fail "step $n (up $s) did not create its resources ($work/logs/up.log)"
done
# Both packs started through the documented route and the CLI lists them, on every run.
# Step 1 of an upgrade run deploys an older program under this checkout's packs: a rule added since
# may warn (advisory) about what that program lacks, e.g. the audit-log bucket's versioning.
listed='✅'
[[ -z "${E2E_UPGRADE_FROM:-}" ]] || listed='(✅|⚠️)'
for pack in aws-baseline datamesh-governance; do
  expect_pack up "$pack"
  [[ "$(grep -cE -- "$listed $pack@v0\.1\.0 \(local: " "$work/logs/up.log")" -ge ${#deploy[@]} ]] \
    || fail "pack $pack not listed on every run of $work/logs/up.log"
done
# The packs' rules as the engine saw them (GetAnalyzerInfo): the CLI's policy summary events name
# every policy that passed or failed per resource and per stack. Across the three stacks that must
# be every rule `./datamesh policies` lists, but the resource rules of types the sample never
# creates (the engine has nothing to run them on; their fixtures test them).
"$root/datamesh" policies --json "$work/logs/policies.json" > /dev/null
"${checks[@]}" policy-rules "$work/logs/policies.json" "$work"/logs/events/*-up-*.events.jsonl || fail "policy rule list"
outputs_have producer producer
outputs_have central shares sharedTables tagOntology databases dataLakeAdminRoleArn catalogKeyArn
outputs_have consumer resourceLinks athenaWorkgroup analystRoleArns queryRoles
outputs_have producer resourceLinks queryRoles
access_in_force deployed
if [[ -n "${E2E_UPGRADE_FROM:-}" ]]; then
  rm -rf "$proj/src" && cp -r "$root/src" "$root/pom.xml" "$proj/"
  # Compiled once here: `./datamesh preview` runs the domains at once, and two language hosts whose
  # `mvn compile exec:java` recompile one directory together can load a class the other is rewriting
  # (NoClassDefFoundError seen at 10:38 on 2026-12-07; the product's gap, in docs/deploy-waves.md).
  mvn -q -B -f "$proj/pom.xml" compile >&2 || fail "cannot compile the upgraded program"
  salt="$(grep '^encryptionsalt:' "$proj/Pulumi.producer.yaml" || true)"
  cp "$work/Pulumi.producer.contracts.yaml" "$proj/Pulumi.producer.yaml"
  [[ -z "$salt" ]] || echo "$salt" >> "$proj/Pulumi.producer.yaml"
  run upgrade-preview env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" preview --event-log-dir "$work/logs/upgrade-events"
  # Added since d4be6e5 on purpose: the audit-log bucket's versioning (issue 18, CKV_AWS_21), and the
  # contracts' Glue Data Quality rulesets (issue 20).
  "${checks[@]}" in-place-upgrade --added aws:s3/bucketVersioningV2:BucketVersioningV2::sales-audit-logs-versioning \
    --added aws:glue/dataQualityRuleset:DataQualityRuleset::central-sales-orders-quality \
    --added aws:glue/dataQualityRuleset:DataQualityRuleset::central-sales-customers-quality \
    "$work"/logs/upgrade-events/*.events.jsonl \
    || fail "upgrading from $E2E_UPGRADE_FROM replaces or deletes resources ($work/logs/upgrade-events)"
  log "upgrade from $E2E_UPGRADE_FROM: the preview replaces and deletes nothing; creates only components"
  run upgrade env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" up
  access_in_force upgraded
fi

# 4. Idempotence.
for s in "${stacks[@]}"; do
  as_account_of "$s"
  run "preview-$s" pulumi preview --expect-no-changes --non-interactive --stack "$s" "${policy_args[@]}"
done
# ... so a domain's second run, resumed on its own, is previewed and skipped.
run up-second-run-again env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" up --stack producer --from 2
expect_in up-second-run-again "[2/2] up producer (second run): nothing to do (" "up: 1 step(s) done"

# 5. A replaced grant keeps its access: every input of a grant forces replacement, and one made
#    create-then-delete would revoke, on delete, what its replacement has just granted.
cp "$proj/Pulumi.central.yaml" "$work/Pulumi.central.yaml.good"
pulumi config rm --path 'datamesh:grants[1].permissions[1]' --stack central   # [SELECT, DESCRIBE] -> [SELECT]
as_account_of central
run up-central-narrowed pulumi up --yes --skip-preview --non-interactive --stack central "${policy_args[@]}"
grep -qE "central-grant-marketing-sales-non-pii-analyst .*replaced" "$work/logs/up-central-narrowed.log" \
  || fail "the narrowed grant was not replaced ($work/logs/up-central-narrowed.log)"
access_in_force grant-replaced
cp "$work/Pulumi.central.yaml.good" "$proj/Pulumi.central.yaml"
run up-central-restored pulumi up --yes --skip-preview --non-interactive --stack central "${policy_args[@]}"
access_in_force grant-restored

# 6. A broken config: the TABLE grant to marketing loses its pii key, so it admits PII columns.
pulumi config rm --path 'datamesh:grants[1].expression.pii' --stack central
as_account_of central
if pulumi preview --non-interactive --stack central "${policy_args[@]}" > "$work/logs/preview-central-broken.log" 2>&1; then
  fail "preview of the broken central config passed; see $work/logs/preview-central-broken.log"
fi
expect_in preview-central-broken "mandatory" "lf-no-grant-admits-pii"
log "preview-central-broken failed as expected with lf-no-grant-admits-pii"
# ... and `./datamesh preview` stops at that stack with exit code 3, naming the command that resumes.
rc=0
env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" preview --stack central > "$work/logs/datamesh-preview-broken.log" 2>&1 || rc=$?
[[ $rc == 3 ]] || fail "./datamesh preview of the broken central exited $rc, not 3 ($work/logs/datamesh-preview-broken.log)"
expect_in datamesh-preview-broken "[1/1] preview central FAILED (a mandatory policy is violated)" "lf-no-grant-admits-pii" \
  "  ./datamesh preview --stack central --from 1"
log "datamesh-preview-broken stopped at central with exit code 3 and the resume command"
# ... and the pack's config reaches the analyzer: allow-listing the consumer account lets it pass.
# The CLI wants one --policy-pack-config per --policy-pack, and checks each against the schemas
# the pack advertises.
echo '{}' > "$work/aws-baseline-config.json"
echo '{"lf-no-grant-admits-pii": {"allowedPrincipals": ["333333333333"]}}' > "$work/governance-config.json"
run preview-central-broken-allowlisted env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" preview --stack central \
  --policy-pack-config "$work/aws-baseline-config.json" --policy-pack-config "$work/governance-config.json"
expect_in preview-central-broken-allowlisted "✅ datamesh-governance@v0.1.0"
cp "$work/Pulumi.central.yaml.good" "$proj/Pulumi.central.yaml"

# 7. Destroy the producer: the data bucket and its key are retained, and the CLI says so.
run destroy-producer env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" destroy --stack producer
# ... and the command names them among what the producer retains (the plan's retainOnDelete).
retained="$(sed -n 's/^  retained in the account (retainOnDelete): //p' "$work/logs/destroy-producer.log")"
for r in sales-data sales-data-key; do
  [[ ", $retained, " == *", $r, "* ]] || fail "destroy does not name '$r' as retained ($work/logs/destroy-producer.log)"
done
# The CLI marks a retained resource's removal from the state with [retain].
for r in "aws:s3:BucketV2 sales-data" "aws:kms:Key sales-data-key"; do
  grep -qE -- "^ -  $r deleted \(.*\)\[retain\]" "$work/logs/destroy-producer.log" \
    || fail "destroy output does not say '$r' is retained ($work/logs/destroy-producer.log)"
done
# ... and the stand-in created them but was never asked to delete them.
"${checks[@]}" retained "$DATAMESH_STANDIN_LOG" 222222222222 aws:s3/bucketV2:BucketV2=sales-data aws:kms/key:Key=sales-data-key \
  || fail "the stand-in deleted a retained resource"

# 8. Fresh accounts whose RAM shares arrive as invitations — outside an AWS Organization here, and
#    inside one for shares to IAM roles in section 9 (docs/aws-behaviours.md, section 9): `./datamesh up --clear-iam-defaults`
#    alone creates the stacks, clears the defaults, finds each domain's pending invitations from the
#    central account and sets its datamesh:ramShareArns before its second run, which accepts them.
fresh_mesh() { # fresh_mesh NAME ENV=VALUE... : a new backend and emulated AWS, the committed stack files
  local name="$1"; shift
  export PULUMI_BACKEND_URL="file://$work/backend-$name" DATAMESH_STANDIN_STATE="$work/emulated-aws-$name.json"
  mkdir -p "$work/backend-$name"
  rm -f "$DATAMESH_STANDIN_STATE"
  cp "$work/pristine"/Pulumi.*.yaml "$proj/"
  start_endpoint "$name"
  run "up-$name" env -u DATAMESH_STANDIN_ACCOUNT_ID "$@" "$root/datamesh" up --clear-iam-defaults
  expect_in "up-$name" "up: stack producer created in the backend" "up: stack consumer created in the backend" \
    "up: stack central created in the backend"
  for s in producer consumer; do
    expect_in "up-$name" "ram-invitations: $s ($(account_of "$s")): 1 pending invitation(s) from central account $(account_of central)"
    grep -q '^  datamesh:ramShareArns:' "$proj/Pulumi.$s.yaml" || fail "up did not set datamesh:ramShareArns in Pulumi.$s.yaml"
  done
  access_in_force "$name"
}
fresh_mesh invitations DATAMESH_STANDIN_ORGANIZATION=false

# 9. Runs cut off mid-way, on one more fresh mesh (docs/real-engine.md, "Interrupted runs"; the
#    faults: docs/aws-behaviours.md, section 10). (a) The provider dies right after AWS created
#    central's Glue database, and a burst of ThrottlingException on each IAM role create is retried
#    away: the step fails, and up at once imports the creates AWS made (red before: the next up met
#    AlreadyExistsException). (b) `./datamesh up` is killed hard (SIGKILL of it and every process
#    under it: a dead runner) while central's grants are being written: the stack stays locked with
#    pending creates, and the next `./datamesh up` removes the stale lock, settles them and completes
#    (red before: "the stack is currently locked"). The access in force is the sample's, and the
#    producer's data bucket and key were never deleted.
descendants() { local p; for p in $(pgrep -P "$1" || true); do echo "$p"; descendants "$p"; done; }
export PULUMI_BACKEND_URL="file://$work/backend-faults" DATAMESH_STANDIN_STATE="$work/emulated-aws-faults.json"
mkdir -p "$work/backend-faults"
rm -f "$DATAMESH_STANDIN_STATE"
cp "$work/pristine"/Pulumi.*.yaml "$proj/"
start_endpoint faults
# Inside an AWS Organization, RAM shares to IAM roles still arrive as invitations: this mesh is also
# the invitation mesh of that mode (the `invitations` one above is outside an Organization).
export DATAMESH_STANDIN_ORGANIZATION=true DATAMESH_STANDIN_ROLE_INVITATIONS=true
rc=0
env -u DATAMESH_STANDIN_ACCOUNT_ID DATAMESH_STANDIN_FAULT_KILL=glue/catalogDatabase DATAMESH_STANDIN_FAULT_THROTTLE=3:iam/role:Role \
  "$root/datamesh" up --clear-iam-defaults > "$work/logs/up-provider-killed.log" 2>&1 || rc=$?
[[ $rc == 1 ]] || fail "up whose provider died exited $rc, not 1 ($work/logs/up-provider-killed.log)"
expect_in up-provider-killed "up central: the provider died mid-create: " \
  "imported urn:pulumi:central::datamesh::datamesh:index:CentralCatalog\$datamesh:index:ProducerOnboarding\$aws:glue/catalogDatabase:CatalogDatabase::central-sales-database as $(account_of central):sales (AWS made it before the run was cut off)"
[[ "$(grep -c '"op":"retry","type":"aws:iam/role:Role".*ThrottlingException' "$DATAMESH_STANDIN_LOG" || true)" -ge 3 ]] \
  || fail "no throttled IAM role create was retried ($DATAMESH_STANDIN_LOG)"
log "up-provider-killed: the step failed, the Glue database AWS made was imported, the throttled role creates retried"
marker="$(wc -l < "$DATAMESH_STANDIN_LOG")"
DATAMESH_STANDIN_LF_LATENCY_MS=1500 setsid env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" up --stack central \
  > "$work/logs/up-killed.log" 2>&1 &
up_pid=$!
grants=0
for _ in $(seq 1 900); do
  grants="$(tail -n +"$((marker + 1))" "$DATAMESH_STANDIN_LOG" | grep -c '"op":"create","type":"aws:lakeformation/permissions:Permissions".*"accountId":"'"$(account_of central)"'"' || true)"
  [[ "$grants" -ge 2 ]] && break
  kill -0 "$up_pid" 2>/dev/null || fail "up ended before central wrote its grants ($work/logs/up-killed.log)"
  sleep 0.2
done
[[ "$grants" -ge 2 ]] || fail "central wrote no grants within 180 s ($work/logs/up-killed.log)"
# Freeze the whole tree first, so that nothing it starts meanwhile escapes, then kill it.
tree=("$up_pid" $(descendants "$up_pid"))
kill -STOP "${tree[@]}" 2>/dev/null || true
tree+=($(for p in "${tree[@]}"; do descendants "$p"; done))
kill -KILL "${tree[@]}" 2>/dev/null || true
wait "$up_pid" 2>/dev/null || true
pulumi stack export --stack central > "$work/logs/central-after-kill.json"
# Only a pending operation's kind is one of these words; a resource's type is a token (aws:...).
pending_ops() { grep -cE '"type": "(creating|updating|deleting|reading|importing)"' "$1" || true; }
pending="$(pending_ops "$work/logs/central-after-kill.json")"
[[ "$pending" -ge 1 ]] || fail "the kill left no pending operation in central's state ($work/logs/central-after-kill.json)"
ls "$work/backend-faults/.pulumi/locks/organization/datamesh/central/"*.json > /dev/null 2>&1 \
  || fail "the kill left central unlocked: it did not hit a running update"
log "up-killed: SIGKILL left central locked with $pending pending operation(s)"
run up-after-kill env -u DATAMESH_STANDIN_ACCOUNT_ID "$root/datamesh" up
expect_in up-after-kill "central was left locked by a run that is gone" "operation(s) pending from an interrupted run:" \
  "central: pending operations settled" "up: 5 step(s) done"
for s in producer consumer; do
  expect_in up-after-kill "ram-invitations: $s ($(account_of "$s")): 1 pending invitation(s) from central account $(account_of central)"
  grep -q '^  datamesh:ramShareArns:' "$proj/Pulumi.$s.yaml" || fail "up did not set datamesh:ramShareArns in Pulumi.$s.yaml"
done
pulumi stack export --stack central > "$work/logs/central-settled.json"
[[ "$(pending_ops "$work/logs/central-settled.json")" == 0 ]] \
  || fail "central still has pending operations after the up that settled them"
access_in_force faults
"${checks[@]}" retained "$DATAMESH_STANDIN_LOG" 222222222222 aws:s3/bucketV2:BucketV2=sales-data aws:kms/key:Key=sales-data-key \
  || fail "a run cut off, or its recovery, deleted the producer's data bucket or key"

log "recorded operations: $(wc -l < "$DATAMESH_STANDIN_LOG") ($DATAMESH_STANDIN_LOG), of which" \
  "$(grep -c '^{"op":"retry"' "$DATAMESH_STANDIN_LOG" || true) ConcurrentModificationException retries," \
  "$(grep -c '^{"op":"failed"' "$DATAMESH_STANDIN_LOG" || true) failed"
log "all checks passed in $((SECONDS - t0)) s; work dir $work"
[[ "${KEEP:-0}" == 1 || -n "${E2E_WORK:-}" ]] || rm -rf "$work"
