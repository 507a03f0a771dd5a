package io.datamesh.cli;

import io.datamesh.deploy.FakeAccounts;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.LfInputs;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.plan.SampleMesh;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.Props;
import io.datamesh.verify.Invitation;
import io.datamesh.verify.LiveGrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code up} around its Pulumi steps, in process: a stand-in {@code pulumi} that keeps which stacks exist and
 * logs every command, and the accounts in memory ({@link FakeAccounts}). What it proves: missing stacks are
 * created and said so, the IAM-only defaults are cleared before the first step (or stop the run), RAM
 * invitations found after central's step become the domain's datamesh:ramShareArns before its second run, and
 * a central grant's read-back timeout is told apart from a grant AWS did not make.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UpFlowTest {
    static final String CENTRAL = "111111111111";
    static final String SALES = "222222222222";
    static final String MARKETING = "333333333333";
    static final String SHARE = "arn:aws:ram:eu-west-1:111111111111:resource-share/0f5c-pending";

    /**
     * The commands the Automation API runs, answered as the CLI does. Every call is logged; a stack exists once
     * inited; an up of $FAIL_STACK writes an error diagnostic on $FAIL_URN and fails, as the engine reports a
     * resource's failed create.
     */
    private static final String STAND_IN = """
            #!/bin/sh
            state="%1$s"
            echo "$*" >> "$state/calls.log"
            stack=""; log=""; prev=""
            for a in "$@"; do
              [ "$prev" = "--stack" ] && stack="$a"
              [ "$prev" = "--event-log" ] && log="$a"
              prev="$a"
            done
            case "$1 $2" in
              "version "*) echo v3.274.1; exit 0;;
              "stack select") [ -f "$state/$stack.stack" ] || { echo "error: no stack named '$stack' found" >&2; exit 255; }
                echo "$stack" > "$state/selected"; exit 0;;
              "stack init") touch "$state/$3.stack"; echo "$3" > "$state/selected"; exit 0;;
              "config set") exit 0;;
              "stack output") echo '{}'; exit 0;;
              "stack history") echo '[{"version":1,"kind":"update","startTime":"2026-12-07T00:00:00Z","message":"","environment":{},"config":{},"result":"succeeded","endTime":"2026-12-07T00:00:01Z","resourceChanges":{"create":2}}]'; exit 0;;
              "stack export") cat "$state/$stack.export.json" 2>/dev/null || echo '{"version":3,"deployment":{}}'; exit 0;;
            esac
            if [ -f "$state/$stack.lock" ] && [ "$1" != cancel ]; then cat "$state/$stack.lock" >&2; exit 255; fi
            case "$1" in
              cancel) rm -f "$state/$stack.lock"; exit 0;;
              import) [ -n "$IMPORT_MISSING" ] && grep -q "$IMPORT_MISSING" "$3" && { echo "error: resource '$IMPORT_MISSING' does not exist" >&2; exit 255; }; exit 0;;
              refresh) rm -f "$state/$stack.export.json"; exit 0;;
            esac
            [ -z "$stack" ] && stack="$(cat "$state/selected")"
            echo "  (on $stack: $1)" >> "$state/calls.log"
            if [ "$1" = up ] && [ "$stack" = "$FAIL_STACK" ]; then
              printf '{"sequence":1,"timestamp":1,"diagnosticEvent":{"urn":"%%s","prefix":"error: ","message":"  reading Lake Formation permissions: %%s\\\\n","color":"never","severity":"error"}}\\n' "$FAIL_URN" "$FAIL_TEXT" >> "$log"
              printf '{"sequence":2,"timestamp":2,"cancelEvent":{}}\\n' >> "$log"
              echo "error: update failed" >&2
              exit 255
            fi
            printf '{"sequence":1,"timestamp":1,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":{"create":1},"PolicyPacks":{}}}\\n' >> "$log"
            printf '{"sequence":2,"timestamp":2,"cancelEvent":{}}\\n' >> "$log"
            exit 0
            """;

    @TempDir
    Path dir;
    private Path mesh;
    private Path state;
    private final FakeAccounts accounts = new FakeAccounts();

    @BeforeEach
    void standIn() throws IOException {
        mesh = Files.createDirectories(dir.resolve("mesh"));
        SampleMesh.copyTo(mesh);
        state = Files.createDirectories(dir.resolve("state"));
        Path pulumi = Files.createDirectories(dir.resolve("bin")).resolve("pulumi");
        Files.writeString(pulumi, STAND_IN.formatted(state), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String account : List.of(CENTRAL, SALES, MARKETING)) {
            accounts.settings.put(account, settled(account));
        }
    }

    /** An account ready for the mesh: its deployer an admin, no IAM-only defaults. */
    private static AccountSettings settled(String account) {
        var fresh = FakeAccounts.fresh(List.of("arn:aws:iam::" + account + ":role/datamesh-deployer"));
        return new AccountSettings(fresh.admins(), fresh.readOnlyAdmins(), List.of(), Map.of("CROSS_ACCOUNT_VERSION", "4"),
                fresh.trustedResourceOwners(), fresh.allowExternalDataFiltering(), fresh.externalDataFilteringAllowList(),
                fresh.authorizedSessionTagValueList(), fresh.allowFullTableExternalDataAccess());
    }

    record Run(int exit, String out, String err, List<String> calls) {
    }

    private Run datamesh(Map<String, String> extraEnvironment, String... args) throws IOException {
        var environment = new java.util.HashMap<>(Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin"));
        environment.putAll(extraEnvironment);
        var out = new StringWriter();
        var err = new StringWriter();
        var command = new CommandLine(new DeployCommand.Up(environment, accounts));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        List<String> all = new java.util.ArrayList<>(List.of("--skip-preflight", "--no-policy-packs", "--dir", mesh.toString()));
        all.addAll(List.of(args));
        int exit = command.execute(all.toArray(String[]::new));
        Path log = state.resolve("calls.log");
        return new Run(exit, out.toString(), err.toString(), Files.exists(log) ? Files.readAllLines(log) : List.of());
    }

    private Run up(String... args) throws IOException {
        return datamesh(Map.of(), args);
    }

    @Test
    void aFreshBackendGetsEachStackCreatedOnceAndSaidSo() throws Exception {
        Run run = up();

        assertEquals(0, run.exit(), run.out() + run.err());
        // All before the first step: the producer's first run reads central's stack, which must exist by then.
        assertThat(run.out()).contains("up: stack producer created in the backend\nup: stack consumer created in the backend\n"
                + "up: stack central created in the backend\n");
        assertThat(run.out().indexOf("up: stack central created")).isLessThan(run.out().indexOf("[1/5] up producer"));
        assertThat(run.calls()).filteredOn(c -> c.startsWith("stack init")).hasSize(3);
    }

    /** Central's state after a run killed mid-central: two creates pending (a Glue database, a grant). */
    private void centralLeftPending() throws IOException {
        String provider = "urn:pulumi:central::datamesh::pulumi:providers:aws::default_6_83_0::0b1c";
        String pending = """
                {"version":3,"deployment":{"resources":[],"pending_operations":[
                 {"type":"creating","resource":{"urn":"%1$s","custom":true,"type":"aws:glue/catalogDatabase:CatalogDatabase",
                  "inputs":{"name":"sales"},"parent":"urn:pulumi:central::datamesh::datamesh:index:CentralCatalog::central","provider":"%2$s"}},
                 {"type":"creating","resource":{"urn":"%3$s","custom":true,"type":"aws:lakeformation/permissions:Permissions",
                  "inputs":{"permissions":["DESCRIBE"]},"parent":"urn:pulumi:central::datamesh::datamesh:index:CentralCatalog::central",
                  "provider":"%2$s"}}]}}""".formatted(DATABASE, provider, GRANT);
        Files.writeString(state.resolve("central.export.json"), pending);
    }

    private static final String DATABASE = "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog"
            + "$aws:glue/catalogDatabase:CatalogDatabase::central-sales-database";
    private static final String GRANT = "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog"
            + "$aws:lakeformation/permissions:Permissions::central-grant-sales-own-database-engineer";

    @Test
    void pendingCreatesOfAKilledRunAreSettledBeforeTheStackIsDeployed() throws Exception {
        for (String stack : List.of("producer", "consumer", "central")) {
            Files.createFile(state.resolve(stack + ".stack"));
        }
        centralLeftPending();
        Run run = up("--parallel", "1");

        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> central = run.calls().stream().filter(c -> c.contains("--stack central") && !c.startsWith("stack select")
                && !c.startsWith("stack output") && !c.startsWith("stack history")).map(c -> c.split(" ")[0]).toList();
        assertThat(central).containsSubsequence("stack", "import", "refresh", "up");
        assertThat(run.calls()).filteredOn(c -> c.startsWith("import ")).singleElement().asString()
                .contains("--yes", "--generate-code=false", "--protect=false", "--stack central");
        assertThat(run.out()).contains("[3/5] up central: central has 2 operation(s) pending from an interrupted run:",
                "imported " + DATABASE + " as " + CENTRAL + ":sales (AWS made it before the run was cut off)",
                "forgot " + GRANT + ": AWS takes this create again: the up repeats it",
                "central: pending operations settled");
    }

    @Test
    void aPendingCreateAwsNeverMadeIsForgottenAndCreatedByTheUp() throws Exception {
        for (String stack : List.of("producer", "consumer", "central")) {
            Files.createFile(state.resolve(stack + ".stack"));
        }
        centralLeftPending();
        Run run = datamesh(Map.of("IMPORT_MISSING", CENTRAL + ":sales"), "--parallel", "1");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertThat(run.out()).contains("forgot " + DATABASE + ": AWS has no " + CENTRAL + ":sales, the up creates it");
    }

    @Test
    void aLockOfAProcessGoneFromThisMachineIsRemovedOnceAndTheStepRuns() throws Exception {
        for (String stack : List.of("producer", "consumer", "central")) {
            Files.createFile(state.resolve(stack + ".stack"));
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        Files.writeString(state.resolve("central.lock"), "error: the stack is currently locked by 1 lock(s). Either wait for the"
                + " other process(es) to end or delete the lock file with `pulumi cancel`.\n  file:///b/.pulumi/locks/organization/"
                + "datamesh/central/1cce.json: created by root@" + host + " (pid " + gone.pid() + ") at 2026-12-07T08:11:33Z\n");
        Run run = up("--parallel", "1");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertThat(run.calls()).filteredOn(c -> c.startsWith("cancel")).singleElement().asString().contains("--stack central");
        assertThat(run.out()).contains("central was left locked by a run that is gone (created by root@" + host + " (pid "
                + gone.pid() + ")");
    }

    @Test
    void aLockOfAnotherMachineStopsTheStepWithTheCommandThatUnlocksIt() throws Exception {
        for (String stack : List.of("producer", "consumer", "central")) {
            Files.createFile(state.resolve(stack + ".stack"));
        }
        Files.writeString(state.resolve("central.lock"), "error: the stack is currently locked by 1 lock(s). Either wait for the"
                + " other process(es) to end or delete the lock file with `pulumi cancel`.\n  file:///b/.pulumi/locks/organization/"
                + "datamesh/central/1cce.json: created by ci@runner-7 (pid 4242) at 2026-12-07T08:11:33Z\n");
        Run run = up("--parallel", "1");

        assertEquals(1, run.exit(), run.out() + run.err());
        assertThat(run.calls()).noneMatch(c -> c.startsWith("cancel"));
        assertThat(run.out()).contains("created by ci@runner-7 (pid 4242)");
        assertThat(run.err()).contains("unlock it with:\n  pulumi -C " + mesh + " cancel --stack central --yes");
    }

    @Test
    void previewSkipsAStackTheBackendDoesNotHaveAndSaysUpCreatesIt() throws Exception {
        Files.createFile(state.resolve("producer.stack"));
        var out = new StringWriter();
        var command = new CommandLine(new DeployCommand.Preview(Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin"), accounts));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(new StringWriter()));
        int exit = command.execute("--skip-preflight", "--no-policy-packs", "--dir", mesh.toString());

        assertEquals(0, exit, out.toString());
        assertThat(out.toString()).contains("[1/3] preview producer: plan: 1 created")
                .contains("[2/3] preview consumer: no such stack in the backend (./datamesh up creates it), skipped")
                .contains("[3/3] preview central: no such stack in the backend (./datamesh up creates it), skipped");
        assertThat(Files.readAllLines(state.resolve("calls.log"))).noneMatch(c -> c.startsWith("stack init"));
    }

    @Test
    void aPendingInvitationFromCentralBecomesTheDomainsRamShareArnBeforeItsSecondRun() throws Exception {
        accounts.invitations.put(SALES, List.of(
                new Invitation("arn:aws:ram:eu-west-1:111111111111:resource-share-invitation/1", "LakeFormation-V4-x", SHARE,
                        CENTRAL, "PENDING"),
                new Invitation("arn:aws:ram:eu-west-1:999999999999:resource-share-invitation/2", "other", "arn:aws:ram:"
                        + "eu-west-1:999999999999:resource-share/other", "999999999999", "PENDING")));
        Run run = up();

        assertEquals(0, run.exit(), run.out() + run.err());
        assertThat(run.out()).contains("ram-invitations: producer (222222222222): 1 pending invitation(s) from central account"
                        + " 111111111111: [" + SHARE + "]")
                .contains("ram-invitations: producer (222222222222): datamesh:ramShareArns set to [" + SHARE + "] in"
                        + " Pulumi.producer.yaml: its second run accepts them")
                .contains("ram-invitations: consumer (333333333333): no pending invitation from central account 111111111111");
        int set = indexOf(run.calls(), "config set --path datamesh:ramShareArns[0] --plaintext --stack producer");
        List<Integer> producer = operationsOn(run.calls(), "producer");
        assertThat(set).as(String.join("\n", run.calls())).isGreaterThan(operationsOn(run.calls(), "central").get(0))
                .isLessThan(producer.get(1)).isGreaterThan(producer.get(0));
        assertThat(run.calls().get(set)).endsWith("-- " + SHARE);
        assertThat(run.calls()).noneMatch(c -> c.contains("resource-share/other"));
    }

    @Test
    void anExpiredInvitationGetsTheCommandsThatShareAgain() throws Exception {
        accounts.invitations.put(MARKETING, List.of(new Invitation("arn:aws:ram:eu-west-1:111111111111:resource-share-invitation/3",
                "LakeFormation-V4-y", "arn:aws:ram:eu-west-1:111111111111:resource-share/expired", CENTRAL, "EXPIRED")));
        Run run = up();

        assertEquals(0, run.exit(), run.out() + run.err());
        String tables = grant("central-grant-marketing-sales-non-pii-analyst").urn();
        String database = grant("central-grant-marketing-sales-database-analyst").urn();
        assertThat(run.err()).contains("ram-invitations: consumer (333333333333): the invitation to share"
                        + " arn:aws:ram:eu-west-1:111111111111:resource-share/expired from central account 111111111111 is EXPIRED:"
                        + " it cannot be accepted")
                .contains("Fix: make central's 2 grant(s) to account 333333333333 again, then run ./datamesh up again:\n"
                        + "    pulumi -C " + mesh + " up --stack central --replace '")
                .contains(" --replace '" + tables + "'").contains(" --replace '" + database + "'")
                .doesNotContain("producer (222222222222): the invitation");
        assertThat(run.calls()).noneMatch(c -> c.startsWith("config set"));
    }

    @Test
    void iamOnlyDefaultsAreClearedBeforeTheFirstStepKeepingEveryAdminAndSetting() throws Exception {
        String handAdmin = "arn:aws:iam::111111111111:role/HandMadeAdmin";
        accounts.settings.put(CENTRAL, FakeAccounts.fresh(List.of(handAdmin)));
        Run run = up("--clear-iam-defaults");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertThat(accounts.writes).singleElement().satisfies(w -> {
            assertThat(w.getKey()).isEqualTo(CENTRAL);
            AccountSettings written = w.getValue();
            assertThat(written.admins()).contains(handAdmin);
            assertThat(written.defaultPermissionPrincipals()).isEmpty();
            assertThat(written.readOnlyAdmins()).containsExactly("arn:aws:iam::111111111111:role/Auditor");
            assertThat(written.parameters()).containsEntry("SET_CONTEXT", "TRUE").containsEntry("CROSS_ACCOUNT_VERSION", "4");
            assertThat(written.trustedResourceOwners()).containsExactly("444444444444");
            assertThat(written.externalDataFilteringAllowList()).containsExactly("arn:aws:iam::111111111111:role/Emr");
        });
        assertThat(run.out()).contains("clear-iam-defaults: central (111111111111): before: admins [" + handAdmin + "],"
                        + " read-only admins [arn:aws:iam::111111111111:role/Auditor], default permissions [IAM_ALLOWED_PRINCIPALS],"
                        + " cross-account version 1")
                .contains("clear-iam-defaults: central (111111111111): writes the settings preflight prints as: aws lakeformation"
                        + " put-data-lake-settings --catalog-id 111111111111")
                .contains("clear-iam-defaults: central (111111111111): after:  admins [")
                .contains("default permissions [], cross-account version 4")
                .contains("clear-iam-defaults: producer (222222222222): no IAM-only default permissions, nothing to clear");
        assertThat(run.out().indexOf("clear-iam-defaults: central")).isLessThan(run.out().indexOf("[1/5]"));
    }

    @Test
    void withoutTheFlagTheDefaultsAreNotTouched() throws Exception {
        accounts.settings.put(CENTRAL, FakeAccounts.fresh(List.of()));
        up();
        assertThat(accounts.writes).isEmpty();
    }

    @Test
    void anAccountWithAnotherBlockerIsNotWrittenAndNothingIsDeployed() throws Exception {
        var fresh = FakeAccounts.fresh(List.of());
        accounts.settings.put(CENTRAL, new AccountSettings(fresh.admins(), fresh.readOnlyAdmins(),
                fresh.defaultPermissionPrincipals(), Map.of("CROSS_ACCOUNT_VERSION", "5"), fresh.trustedResourceOwners(), false,
                List.of(), List.of(), false));
        Run run = up("--clear-iam-defaults");

        assertEquals(ExitCode.PREFLIGHT_FAILED.code(), run.exit(), run.out() + run.err());
        assertThat(accounts.writes).isEmpty();
        assertThat(run.err()).contains("clear-iam-defaults: central (111111111111): not cleared: account 111111111111 uses Lake"
                + " Formation cross-account version 5").contains("clear-iam-defaults: nothing was deployed.");
        assertThat(run.out()).doesNotContain("[1/5]");
        assertThat(run.calls()).noneMatch(c -> c.startsWith("up ") || c.startsWith("stack init"));
    }

    @Test
    void anAdminLakeFormationDoesNotKeepStopsTheRun() throws Exception {
        String handAdmin = "arn:aws:iam::111111111111:role/HandMadeAdmin";
        accounts.settings.put(CENTRAL, FakeAccounts.fresh(List.of(handAdmin)));
        accounts.dropOnWrite.add(handAdmin);
        Run run = up("--clear-iam-defaults");

        assertEquals(ExitCode.PREFLIGHT_FAILED.code(), run.exit(), run.out() + run.err());
        assertThat(run.err()).contains("Lake Formation answered settings other than those written: admin(s) [" + handAdmin
                + "] missing");
        assertThat(run.out()).doesNotContain("[1/5]");
    }

    private Run centralFailsOnTheReadBackOf(String grantName) throws IOException {
        return datamesh(Map.of("FAIL_STACK", "central", "FAIL_URN", grant(grantName).urn(), "FAIL_TEXT",
                "timeout while waiting for state to become 'AVAILABLE' (last state: 'NOT FOUND', timeout: 1m0s)"));
    }

    @Test
    void aReadBackTimeoutOnAGrantAwsMadeIsSaidToBeTheProvidersAndTheAccessInForce() throws Exception {
        var grant = LfInputs.grant(CENTRAL, "g", Props.of(grant("central-grant-marketing-sales-non-pii-analyst").inputs()))
                .orElseThrow();
        accounts.grants.put(CENTRAL, List.of(new LiveGrant("arn:aws:iam::222222222222:role/other", List.of("SELECT"), List.of(),
                        Optional.of(grant.resource())),
                new LiveGrant(grant.principal().lakeFormationId(), List.of("DESCRIBE", "SELECT"), List.of(), Optional.of(grant.resource()))));
        Run run = centralFailsOnTheReadBackOf("central-grant-marketing-sales-non-pii-analyst");

        assertEquals(ExitCode.STACK_FAILED.code(), run.exit(), run.out() + run.err());
        assertThat(accounts.listed).singleElement().isEqualTo(grant.resource());
        assertThat(run.err()).contains("central grant check: central-grant-marketing-sales-non-pii-analyst: AWS made the grant"
                        + " ([SELECT, DESCRIBE] to arn:aws:iam::333333333333:role/datamesh-marketing-analyst on TABLEs where")
                .contains("Only the provider's read-back failed").contains("The access is in force; do not revoke it.")
                .contains("stopped at [3/5] up central");
    }

    @Test
    void aReadBackTimeoutOnAGrantAwsDidNotMakeIsSaidToBeAws() throws Exception {
        accounts.grants.put(CENTRAL, List.of(new LiveGrant("arn:aws:iam::222222222222:role/other", List.of("SELECT"), List.of(),
                Optional.empty())));
        Run run = centralFailsOnTheReadBackOf("central-grant-marketing-sales-non-pii-analyst");

        assertEquals(ExitCode.STACK_FAILED.code(), run.exit(), run.out() + run.err());
        assertThat(run.err()).contains("central grant check: central-grant-marketing-sales-non-pii-analyst: AWS has not made the"
                        + " grant").contains("Lake Formation lists no such grant among the 1 grant(s) on the tag policy")
                .contains("then resume");
    }

    @Test
    void anotherFailureOfCentralAsksNothing() throws Exception {
        Run run = datamesh(Map.of("FAIL_STACK", "central", "FAIL_URN", grant("central-grant-marketing-sales-non-pii-analyst").urn(),
                "FAIL_TEXT", "AccessDeniedException: Insufficient Lake Formation permission(s)"));
        assertEquals(ExitCode.STACK_FAILED.code(), run.exit(), run.out() + run.err());
        assertThat(accounts.listed).isEmpty();
        assertThat(run.err()).doesNotContain("central grant check");
    }

    private static PlannedResource grant(String name) {
        return SampleMesh.plan().stacks().stream().filter(s -> s.stack().equals("central")).findFirst().orElseThrow()
                .resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** The operations (up, preview) the stand-in ran on {@code stack}, by their place in the log. */
    private static List<Integer> operationsOn(List<String> calls, String stack) {
        // The operation is named on its own line: steps run at once interleave the lines of their calls.
        return java.util.stream.IntStream.range(0, calls.size()).filter(i -> calls.get(i).equals("  (on " + stack + ": up)")
                || calls.get(i).equals("  (on " + stack + ": preview)")).boxed().toList();
    }
}
