package io.datamesh.preflight;

import io.datamesh.cli.ExitCode;
import io.datamesh.cli.PreflightCommand;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.verify.AwsSession;
import io.datamesh.verify.Expectations;
import io.datamesh.verify.MotoMesh;
import io.datamesh.verify.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import picocli.CommandLine;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.PrincipalPermissions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static io.datamesh.verify.MotoMesh.CENTRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * `datamesh preflight` against moto (STS GetCallerIdentity, Lake Formation GetDataLakeSettings) seeded as
 * a ready mesh and as accounts that are not. moto 5.2.5 has no IAM policy simulator, so IAM alone is a
 * Mockito stub answering SimulatePrincipalPolicy in the shape of the IAM API reference
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html,
 * API_EvaluationResult.html: EvalActionName, EvalResourceName, EvalDecision allowed | explicitDeny |
 * implicitDeny, MatchedStatements with their SourcePolicyId; IsTruncated and Marker page the results).
 * The Pulumi CLI is a stand-in script on the PATH the command is given.
 */
class PreflightMotoTest {
    private static MotoServer moto;
    private static MotoMesh mesh;
    @TempDir
    static Path sample;
    @TempDir
    static Path tools;
    private static String unavailable;

    /** What the simulator answers per action: absent = allowed, empty = implicitly denied, else the denying policy. */
    private final Map<String, Optional<String>> denied = new ConcurrentHashMap<>();
    private final List<SimulatePrincipalPolicyRequest> asked = new ArrayList<>();
    private IamException simulatorRefusal;

    @BeforeAll
    static void start() throws Exception {
        try {
            moto = MotoServer.startOrSkip();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
            return;
        }
        MotoMesh.copySample(Path.of("."), sample);
        mesh = new MotoMesh(moto, MeshPlanner.plan(sample, Expectations.VERIFIED_ACCOUNT, Set.of()));
    }

    @BeforeEach
    void needsMoto() throws Exception {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        mesh.seedCorrectMesh();
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run preflight(Path dir, String pulumiScript) throws IOException {
        Path bin = Files.createDirectories(tools.resolve("bin-" + Integer.toHexString(pulumiScript.hashCode())));
        Path pulumi = bin.resolve("pulumi");
        Files.writeString(pulumi, "#!/bin/sh\n" + pulumiScript);
        Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwxr-xr-x"));
        AccountProbe.Factory probes = (credentials, region) -> AwsAccountProbe.open(
                AwsSession.forStack(credentials, region, MotoMesh.BASE, Optional.of(moto.endpoint())), iam());
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new PreflightCommand(Map.of("PATH", bin + ":/usr/bin:/bin"), probes));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--dir", dir.toString());
        return new Run(exit, out.toString(), err.toString());
    }

    private static final String READY_CLI = """
            case "$1" in
              version) echo v3.274.1;;
              whoami) echo tester;;
            esac
            """;

    private Run preflight() throws IOException {
        return preflight(sample, READY_CLI);
    }

    /** The simulator's answer; the first page holds one result, so every run also pages. */
    private IamClient iam() {
        IamClient iam = mock(IamClient.class);
        when(iam.simulatePrincipalPolicy(any(SimulatePrincipalPolicyRequest.class))).thenAnswer(call -> {
            SimulatePrincipalPolicyRequest request = call.getArgument(0);
            synchronized (asked) {
                asked.add(request);
            }
            if (simulatorRefusal != null) {
                throw simulatorRefusal;
            }
            List<EvaluationResult> results = request.actionNames().stream().map(action -> evaluation(action, request)).toList();
            if (request.marker() == null && results.size() > 1) {
                return SimulatePrincipalPolicyResponse.builder().evaluationResults(results.get(0)).isTruncated(true)
                        .marker("page-2").build();
            }
            return SimulatePrincipalPolicyResponse.builder()
                    .evaluationResults(request.marker() == null ? results : results.subList(1, results.size()))
                    .isTruncated(false).build();
        });
        return iam;
    }

    private EvaluationResult evaluation(String action, SimulatePrincipalPolicyRequest request) {
        var result = EvaluationResult.builder().evalActionName(action).evalResourceName(request.resourceArns().get(0));
        Optional<String> denial = denied.get(action);
        if (denial == null) {
            return result.evalDecision("allowed").build();
        }
        return denial.map(policy -> result.evalDecision("explicitDeny").matchedStatements(Statement.builder()
                        .sourcePolicyId(policy).sourcePolicyType("aws-managed").build()).build())
                .orElseGet(() -> result.evalDecision("implicitDeny").build());
    }

    @Test
    void aReadyMeshPassesAndTheSimulatorIsAskedForTheDeployRoleWithItsConditionKeys() throws Exception {
        Run run = preflight();

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("preflight: pulumi 3.274.1, logged in as tester")
                .contains("preflight: central: credentials of arn:aws:sts::111111111111:assumed-role/datamesh-deployer/")
                .contains("preflight: 3 stack(s) ready");
        assertThat(asked).allMatch(r -> r.policySourceArn().matches("arn:aws:iam::\\d{12}:role/datamesh-deployer"));
        assertThat(asked).anySatisfy(r -> {
            assertThat(r.actionNames()).containsExactly("iam:PassRole");
            assertThat(r.resourceArns()).containsExactly("arn:aws:iam::111111111111:role/datamesh-crawler");
            assertThat(r.contextEntries()).singleElement().satisfies(c -> {
                assertThat(c.contextKeyName()).isEqualTo("iam:PassedToService");
                assertThat(c.contextKeyValues()).containsExactly("glue.amazonaws.com");
            });
        });
    }

    @Test
    void credentialsOfAnotherAccountAreNamedWithTheKeysToSet(@TempDir Path dir) throws Exception {
        MotoMesh.copySample(Path.of("."), dir);
        Path central = dir.resolve("Pulumi.central.yaml");
        Files.writeString(central, Files.readString(central).replace("roleArn: arn:aws:iam::111111111111:role/datamesh-deployer",
                "roleArn: arn:aws:iam::999999999999:role/datamesh-deployer"));
        Run run = preflight(dir, READY_CLI);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.PREFLIGHT_FAILED.code());
        assertThat(run.err()).contains("  - stack central: its credentials (arn:aws:sts::999999999999:assumed-role/"
                        + "datamesh-deployer/datamesh-verify) belong to account 999999999999, not to datamesh:accountId"
                        + " 111111111111. Fix: set aws:profile or aws:assumeRole in Pulumi.central.yaml to credentials of account"
                        + " 111111111111, or correct datamesh:accountId.")
                .contains("preflight: 1 problem(s); nothing was run.");
    }

    @Test
    void aDeployerWithoutGluePutResourcePolicyIsToldWhatGrantsIt() throws Exception {
        denied.put("glue:PutResourcePolicy", Optional.empty());
        Run run = preflight();

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.PREFLIGHT_FAILED.code());
        for (var account : Map.of("central", CENTRAL, "producer", MotoMesh.SALES, "consumer", MotoMesh.MARKETING).entrySet()) {
            assertThat(run.err()).contains("  - stack " + account.getKey() + ": the deployer arn:aws:iam::" + account.getValue()
                    + ":role/datamesh-deployer may not glue:PutResourcePolicy. Fix: the AWS managed policy"
                    + " AWSLakeFormationCrossAccountManager (or AdministratorAccess).");
        }
        assertThat(run.err()).contains("preflight: 3 problem(s)");
    }

    @Test
    void aDeployerWithOnlyAwsLakeFormationDataAdminCannotWriteTheSettings() throws Exception {
        // AWSLakeFormationDataAdmin: lakeformation:* (and Glue reads), with a statement denying PutDataLakeSettings.
        denied.put("lakeformation:PutDataLakeSettings", Optional.of("AWSLakeFormationDataAdmin"));
        for (String action : List.of("glue:PutResourcePolicy", "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "iam:PassRole",
                "ram:CreateResourceShare", "ram:UpdateResourceShare", "ram:AssociateResourceShare", "ram:GetResourceShares")) {
            denied.put(action, Optional.empty());
        }
        Run run = preflight();

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.PREFLIGHT_FAILED.code());
        assertThat(run.err()).contains("  - stack producer: the deployer arn:aws:iam::222222222222:role/datamesh-deployer may not"
                + " lakeformation:PutDataLakeSettings (denied explicitly by AWSLakeFormationDataAdmin). Fix: a policy of your"
                + " own allowing lakeformation:PutDataLakeSettings (AdministratorAccess has it); the AWS managed policy"
                + " AWSLakeFormationDataAdmin denies it explicitly, and an explicit deny beats every allow, so do not attach"
                + " that policy to the deployer.");
        assertThat(run.err()).contains("  - stack central: the deployer arn:aws:iam::111111111111:role/datamesh-deployer may not"
                        + " iam:PassRole on arn:aws:iam::111111111111:role/datamesh-lf-registration. Fix: a statement allowing"
                        + " iam:PassRole on the role")
                .contains("may not kms:Decrypt on arn:aws:kms:eu-west-1:111111111111:key/*")
                .contains("may not ram:CreateResourceShare. Fix: the AWS managed policy AWSLakeFormationCrossAccountManager")
                .doesNotContain("may not lakeformation:CreateLFTag").doesNotContain("may not lakeformation:GrantPermissions");
        // central: settings write, glue, 3 kms, 2 PassRole, 4 RAM; each domain: settings write and glue
        assertThat(run.err()).contains("preflight: 15 problem(s)");
    }

    @Test
    void aRefusedSimulatorIsSaidAndTheOtherChecksGoOn() throws Exception {
        simulatorRefusal = (IamException) IamException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDenied").errorMessage("User: arn:aws:sts::111111111111:assumed-role/datamesh-deployer/x is not"
                        + " authorized to perform: iam:SimulatePrincipalPolicy").build()).build();
        Run run = preflight();

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("preflight: not checked: stack central: the deployer's permissions were not checked:"
                + " IAM's policy simulator answered AccessDenied for arn:aws:iam::111111111111:role/datamesh-deployer (it may"
                + " not call iam:SimulatePrincipalPolicy; allow it that on itself to have them checked); `pulumi up` fails late"
                + " on a missing one.");
        assertThat(run.out()).contains("preflight: 3 stack(s) ready");
    }

    @Test
    void iamOnlyDefaultsArePrintedWithTheCommandThePlanPrints() throws Exception {
        moto.reset();   // accounts as AWS creates them: IAM_ALLOWED_PRINCIPALS in both default permissions
        try (var lf = mesh.lakeFormation(CENTRAL)) {
            // ... and central's parameters as the plan's fresh account has them (AccountState.FRESH), so both commands agree
            var iamOnly = PrincipalPermissions.builder().principal(p -> p.dataLakePrincipalIdentifier("IAM_ALLOWED_PRINCIPALS"))
                    .permissionsWithStrings("ALL").build();
            lf.putDataLakeSettings(s -> s.catalogId(CENTRAL).dataLakeSettings(d -> d.dataLakeAdmins(List.of())
                    .createDatabaseDefaultPermissions(iamOnly).createTableDefaultPermissions(iamOnly)
                    // in the order the plan reads them back (the command keeps the account's order; Map.of's changes per JVM)
                    .parameters(new TreeMap<>(Map.of("CROSS_ACCOUNT_VERSION", "1", "SET_CONTEXT", "TRUE")))));
        }
        Run run = preflight();
        var plan = io.datamesh.badinput.Datamesh.run("plan", "--fresh-accounts", "--dir", sample.toString());
        String clear = plan.out().lines().filter(l -> l.contains("put-data-lake-settings --catalog-id 111111111111 "))
                .findFirst().orElseThrow(() -> new AssertionError("the plan prints no clear command: " + plan.out())).strip();

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.PREFLIGHT_FAILED.code());
        assertThat(run.err()).contains("  - stack central: account 111111111111 still grants [IAM_ALLOWED_PRINCIPALS] on every"
                + " new database and table").contains(clear);
        assertThat(run.err()).contains("preflight: 3 problem(s)");
    }

    @Test
    void aHigherCrossAccountVersionAndTooManyAdminsAreNamed() throws Exception {
        try (var lf = mesh.lakeFormation(CENTRAL)) {
            lf.putDataLakeSettings(s -> s.catalogId(CENTRAL).dataLakeSettings(d -> d
                    .dataLakeAdmins(IntStream.range(0, 30).mapToObj(i -> DataLakePrincipal.builder()
                            .dataLakePrincipalIdentifier("arn:aws:iam::111111111111:role/admin-" + i).build()).toList())
                    .createDatabaseDefaultPermissions(List.of()).createTableDefaultPermissions(List.of())
                    .parameters(Map.of("CROSS_ACCOUNT_VERSION", "5"))));
        }
        Run run = preflight();

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.PREFLIGHT_FAILED.code());
        assertThat(run.err()).contains("  - stack central: account 111111111111 uses Lake Formation cross-account version 5 but"
                        + " this stack pins 4; the mesh never lowers it. Fix: set `datamesh:crossAccountVersion: 5`")
                .containsPattern("  - stack central: account 111111111111 would have 3\\d Lake Formation admins, more than AWS's"
                        + " limit of 30");
    }

    @Test
    void aCliTooOldAndLoggedInNowhereIsNamedWithBothFixes() throws Exception {
        Run run = preflight(sample, """
                case "$1" in
                  version) echo v3.200.0;;
                  whoami) echo "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions" >&2; exit 255;;
                esac
                """);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.PREFLIGHT_FAILED.code());
        assertThat(run.err()).containsPattern("  - pulumi 3\\.200\\.0 at \\S+/pulumi is older than 3\\.255\\.0, the first that runs"
                        + " executable policy packs\\. Fix: install a newer one with scripts/install-pulumi-tools\\.sh")
                .contains("  - no Pulumi backend is logged in (`pulumi whoami` exited 255: error: PULUMI_ACCESS_TOKEN must be set"
                        + " for login during non-interactive CLI sessions). Fix: `pulumi login`")
                .contains("preflight: 2 problem(s)");
    }
}
