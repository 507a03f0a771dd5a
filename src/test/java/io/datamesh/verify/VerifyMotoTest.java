package io.datamesh.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.cli.ExitCode;
import io.datamesh.cli.VerifyCommand;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.verify.Finding.Check;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.nio.file.Files;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import picocli.CommandLine;
import software.amazon.awssdk.services.ram.RamClient;
import software.amazon.awssdk.services.ram.model.GetResourceShareInvitationsRequest;
import software.amazon.awssdk.services.ram.model.GetResourceShareInvitationsResponse;
import software.amazon.awssdk.services.ram.model.ResourceShareInvitation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static io.datamesh.verify.MotoMesh.CENTRAL;
import static io.datamesh.verify.MotoMesh.CUSTOMERS_WITHOUT_PII;
import static io.datamesh.verify.MotoMesh.MARKETING;
import static io.datamesh.verify.MotoMesh.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * `datamesh verify` against moto seeded as the sample mesh deployed correctly, and as broken
 * variants of it. One moto server and one plan serve the whole class; each test reseeds. moto has
 * no AWS RAM invitations API, so RAM alone is a Mockito stub answering per account.
 */
class VerifyMotoTest {
    private static MotoServer moto;
    private static MotoMesh mesh;
    private static List<AccountExpectation> expected;
    @TempDir
    static Path dir;
    private static final Map<String, List<ResourceShareInvitation>> INVITATIONS = new ConcurrentHashMap<>();

    /** Why moto cannot run here; each test is then reported skipped with it, not just the class. */
    private static String unavailable;

    @BeforeAll
    static void start() throws Exception {
        try {
            moto = MotoServer.startOrSkip();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
            return;
        }
        MotoMesh.copySample(Path.of("."), dir);
        MeshPlan plan = MeshPlanner.plan(dir, Expectations.VERIFIED_ACCOUNT, Set.of());
        expected = Expectations.of(plan, Set.of(), StackCredentials.readAll(dir, Set.of(), variable -> null), false);
        mesh = new MotoMesh(moto, plan);
    }

    @BeforeEach
    void needsMoto() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static AccountReader.Factory readers() {
        return account -> AwsAccountReader.open(AwsSession.forStack(account, MotoMesh.BASE, Optional.of(moto.endpoint())),
                account.accountId(), ram(account.accountId()));
    }

    @SuppressWarnings("unchecked")
    private static RamClient ram(String account) {
        RamClient ram = mock(RamClient.class);
        when(ram.getResourceShareInvitations(any(Consumer.class))).thenReturn(GetResourceShareInvitationsResponse.builder()
                .resourceShareInvitations(INVITATIONS.getOrDefault(account, List.of())).build());
        when(ram.getResourceShareInvitations(any(GetResourceShareInvitationsRequest.class))).thenThrow(
                new AssertionError("the reader pages with the builder overload"));
        return ram;
    }

    /** A grant made by hand in the central account, on one table of the sales database. */
    private static void grantOnCentralTable(String principal, String table, String permission) {
        try (var lf = mesh.lakeFormation(CENTRAL)) {
            lf.grantPermissions(g -> g.catalogId(CENTRAL)
                    .principal(p -> p.dataLakePrincipalIdentifier(principal))
                    .resource(r -> r.table(t -> t.catalogId(CENTRAL).databaseName("sales").name(table)))
                    .permissionsWithStrings(permission));
        }
    }

    private static List<Finding> verify() {
        List<String> progress = new ArrayList<>();
        var report = Verifier.run(expected, readers(), progress::add);
        assertThat(progress).anyMatch(l -> l.contains("query as datamesh-marketing-analyst"));
        return report.findings();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new VerifyCommand(readers()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theCorrectlyDeployedSampleMatchesItsPlan() throws Exception {
        INVITATIONS.clear();
        mesh.seedCorrectMesh();
        Path json = dir.resolve("verify.json");
        Run run = cli("--dir", dir.toString(), "--json", json.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("0 difference(s): the live mesh matches the plan");
        assertThat(run.err()).contains("verify: consumer: query as datamesh-marketing-analyst: SELECT * FROM \"shared_sales\".\"customers\" LIMIT 0");
        var report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("matches").asBoolean()).isTrue();
        // 10 settings items (admins, defaults, version); 9 declared grants (central: 3 to the crawler and 4 to the
        // query roles; each domain: DESCRIBE on its link); 2 links; 4 queries
        assertThat(report.get("checked").asInt()).isEqualTo(25);
    }

    @Test
    void readRowsReadsARowOfEveryTableNextToTheZeroRowProbe() throws Exception {
        INVITATIONS.clear();
        mesh.seedReadingRows(1);
        Path json = dir.resolve("verify-rows.json");
        Run run = cli("--dir", dir.toString(), "--read-rows", "--json", json.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("verify: consumer: query as datamesh-marketing-analyst: SELECT * FROM \"shared_sales\".\"customers\" LIMIT 0")
                .contains("verify: consumer: query as datamesh-marketing-analyst: SELECT * FROM \"shared_sales\".\"customers\" LIMIT 1");
        // the 25 items of the zero-row run, and one one-row probe per role and table
        assertThat(new ObjectMapper().readTree(json.toFile()).get("checked").asInt()).isEqualTo(29);
    }

    @Test
    void readRowsOnTablesWithoutDataSaysS3AndKmsWereNotExercised() throws Exception {
        INVITATIONS.clear();
        mesh.seedReadingRows(0);
        Run run = cli("--dir", dir.toString(), "--read-rows");

        assertThat(run.exit()).isEqualTo(ExitCode.LIVE_DIFFERS.code());
        assertThat(run.out()).contains("arn:aws:iam::333333333333:role/datamesh-marketing-analyst on shared_sales.customers (one row)")
                .contains("read no row (the table has no data yet), so S3 and KMS were not exercised")
                .contains("4 difference(s)");
    }

    /** Credentials of another account are not drift: nothing of that account is compared, exit 9 names the keys to set. */
    @Test
    void credentialsOfAnotherAccountAreToldApartFromDrift(@TempDir Path other) throws Exception {
        INVITATIONS.clear();
        mesh.seedCorrectMesh();
        MotoMesh.copySample(Path.of("."), other);
        Path central = other.resolve("Pulumi.central.yaml");
        Files.writeString(central, Files.readString(central).replace("roleArn: arn:aws:iam::111111111111:role/datamesh-deployer",
                "roleArn: arn:aws:iam::999999999999:role/datamesh-deployer"));
        Run run = cli("--dir", other.toString(), "--stack", "central");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.ACCOUNT_UNREADABLE.code());
        assertThat(run.err()).contains("verify: cannot read account 111111111111 (stack central): its credentials belong to account"
                + " 999999999999, not 111111111111. Set aws:profile or aws:assumeRole in Pulumi.central.yaml (docs/verify.md),"
                + " then verify again.");
        assertThat(run.out()).contains("0 planned item(s) checked");
    }

    @Test
    void aGrantMadeByHandIsDriftWithItsRevokeCommand() throws Exception {
        INVITATIONS.clear();
        mesh.seedCorrectMesh();
        grantOnCentralTable(MARKETING, "customers", "SELECT");
        Run run = cli("--dir", dir.toString(), "--stack", "central");

        assertThat(run.exit()).isEqualTo(ExitCode.LIVE_DIFFERS.code());
        assertThat(run.out()).contains("GRANT_EXTRA").contains("333333333333 on {\"Table\":{\"CatalogId\":\"111111111111\","
                + "\"DatabaseName\":\"sales\",\"Name\":\"customers\"}}").contains("not declared by any stack: SELECT");
        assertThat(run.out()).contains("aws lakeformation revoke-permissions --region eu-west-1 --catalog-id 111111111111"
                + " --principal DataLakePrincipalIdentifier=333333333333 --permissions SELECT --resource"
                + " '{\"Table\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"customers\"}}'");
        assertThat(run.out()).contains("1 difference(s)");
    }

    @Test
    void iamAllowedPrincipalsOnAMeshTableIsFoundWithTheExactRevokeCommand() throws Exception {
        INVITATIONS.clear();
        mesh.seedCorrectMesh();
        grantOnCentralTable("IAM_ALLOWED_PRINCIPALS", "orders", "ALL");
        List<Finding> findings = verify();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.IAM_ALLOWED_PRINCIPALS);
            assertThat(f.stack()).isEqualTo("central");
            assertThat(f.fix()).contains("aws lakeformation revoke-permissions --region eu-west-1 --catalog-id 111111111111"
                    + " --principal DataLakePrincipalIdentifier=IAM_ALLOWED_PRINCIPALS --permissions ALL --resource"
                    + " '{\"Table\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"orders\"}}'");
        });
    }

    @Test
    void aColumnTheAnalystShouldReadButCannotIsNamed() throws Exception {
        assertTheOnlyFindingIsOnTheAnalystsCustomersQuery(CUSTOMERS_WITHOUT_PII.stream().filter(c -> !c.equals("segment")).toList(),
                "missing columns [segment] (the plan gives [customer_id, country, segment, signup_date])");
    }

    @Test
    void aPiiColumnTheAnalystCanReadIsNamed() throws Exception {
        var withEmail = new ArrayList<>(CUSTOMERS_WITHOUT_PII);
        withEmail.add("email");
        assertTheOnlyFindingIsOnTheAnalystsCustomersQuery(withEmail,
                "extra columns [email] (the plan gives [customer_id, country, segment, signup_date])");
    }

    /** The correct mesh, except for the columns Athena returns to the marketing analyst from customers. */
    private static void assertTheOnlyFindingIsOnTheAnalystsCustomersQuery(List<String> returned, String problem) throws Exception {
        INVITATIONS.clear();
        mesh.seed(List.of(ORDERS, returned));
        assertThat(verify()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.QUERY);
            assertThat(f.subject()).isEqualTo("arn:aws:iam::333333333333:role/datamesh-marketing-analyst on shared_sales.customers");
            assertThat(f.problem()).isEqualTo(problem);
        });
    }

    @Test
    void aRevokedGrantAndUnwrittenSettingsAreFound() throws Exception {
        INVITATIONS.clear();
        mesh.seedCorrectMesh();
        try (var lf = mesh.lakeFormation(MARKETING)) {
            lf.revokePermissions(g -> g.catalogId(MARKETING)
                    .principal(p -> p.dataLakePrincipalIdentifier("arn:aws:iam::333333333333:role/datamesh-marketing-analyst"))
                    .resource(r -> r.database(d -> d.catalogId(MARKETING).name("shared_sales")))
                    .permissionsWithStrings("DESCRIBE"));
            // The account as Lake Formation leaves it when nothing wrote its settings.
            lf.putDataLakeSettings(s -> s.catalogId(MARKETING).dataLakeSettings(d -> d
                    .createDatabaseDefaultPermissions(p -> p.principal(x -> x.dataLakePrincipalIdentifier("IAM_ALLOWED_PRINCIPALS"))
                            .permissionsWithStrings("ALL"))));
        }
        List<Finding> findings = verify();

        assertThat(findings).allMatch(f -> f.stack().equals("consumer"));
        assertThat(findings).filteredOn(f -> f.check() == Check.GRANT_MISSING).singleElement()
                .satisfies(f -> assertThat(f.problem()).isEqualTo(
                        "declared grant marketing-access-analyst-describe-link-sales is not in force: missing DESCRIBE"));
        assertThat(findings).filteredOn(f -> f.check() == Check.SETTINGS).extracting(Finding::subject)
                .containsExactlyInAnyOrder("admin arn:aws:iam::333333333333:role/datamesh-deployer", "default permissions",
                        "CROSS_ACCOUNT_VERSION");
    }

    @Test
    void aPendingRamInvitationFromCentralIsNamedWithTheAcceptCommand() throws Exception {
        mesh.seedCorrectMesh();
        INVITATIONS.put(MARKETING, List.of(ResourceShareInvitation.builder()
                .resourceShareInvitationArn("arn:aws:ram:eu-west-1:111111111111:resource-share-invitation/abc")
                .resourceShareName("LakeFormation-V4-111111111111").resourceShareArn("arn:aws:ram:eu-west-1:111111111111:resource-share/def")
                .senderAccountId(CENTRAL).receiverAccountId(MARKETING).status("PENDING").build()));
        try {
            List<Finding> findings = verify();
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.check()).isEqualTo(Check.RAM_INVITATION);
                assertThat(f.fix()).contains("aws ram accept-resource-share-invitation --region eu-west-1"
                        + " --resource-share-invitation-arn arn:aws:ram:eu-west-1:111111111111:resource-share-invitation/abc");
            });
        } finally {
            INVITATIONS.clear();
        }
    }
}
