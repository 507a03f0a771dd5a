package io.datamesh.verify;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.Grant;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.Principal;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.lakeformation.TagExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each check as a table: live state in, the findings (check and problem) out. */
class ComparisonsTest {
    private static final String CENTRAL = "111111111111";
    private static final String ACCOUNT = "333333333333";
    private static final String DEPLOYER = "arn:aws:iam::333333333333:role/datamesh-deployer";
    private static final Principal ANALYST = Principal.role(ACCOUNT, "datamesh-marketing-analyst");
    private static final LfResource LINK = new LfResource.Database(ACCOUNT, "shared_sales");
    private static final LfResource NON_PII = new LfResource.TagPolicy(CENTRAL, LfResource.ResourceType.TABLE,
            TagExpression.of(new java.util.TreeMap<>(Map.of("domain", List.of("sales"), "pii", List.of("false")))));
    private static final LfResource PII_TAG = new LfResource.TagValues(CENTRAL, "pii", List.of("false", "true"));
    private static final LfResource CUSTOMERS = new LfResource.Table(CENTRAL, "sales", Optional.of("customers"));
    private static final QueryExpectation READS = new QueryExpectation(ANALYST, "datamesh-marketing", "shared_sales",
            "customers", List.of("customer_id", "country"), false);
    private static final QueryExpectation REFUSED = new QueryExpectation(ANALYST, "datamesh-marketing", "shared_sales",
            "payroll", List.of(), false);
    private static final QueryExpectation READS_ROW = new QueryExpectation(ANALYST, "datamesh-marketing", "shared_sales",
            "customers", List.of("customer_id", "country"), true);
    private static final QueryExpectation REFUSED_ROW = new QueryExpectation(ANALYST, "datamesh-marketing", "shared_sales",
            "payroll", List.of(), true);

    private static final AccountExpectation EXPECTED = new AccountExpectation("consumer", ACCOUNT, "eu-west-1",
            new StackCredentials(Optional.empty(), Optional.empty()), List.of(DEPLOYER), 4,
            List.of(new Grant("describe-link", ACCOUNT, ANALYST, List.of("DESCRIBE"), List.of(), LINK),
                    new Grant("non-pii", ACCOUNT, ANALYST, List.of("SELECT", "DESCRIBE"), List.of(), NON_PII),
                    new Grant("pii-tag", ACCOUNT, Principal.account("222222222222"), List.of("DESCRIBE"), List.of("DESCRIBE"), PII_TAG)),
            new AccountExpectation.Scope(Set.of(List.of(CENTRAL, "sales"), List.of(ACCOUNT, "shared_sales")),
                    Set.of("domain", "pii"), Set.of("arn:aws:s3:::datamesh-sales-data")),
            List.of(new ResourceLink(ACCOUNT, "shared_sales", CENTRAL, "sales")), List.of(READS, REFUSED),
            Set.of(CENTRAL, "222222222222", ACCOUNT));

    private static LiveGrant live(String principal, LfResource resource, List<String> permissions, List<String> grantable) {
        return new LiveGrant(principal, permissions, grantable, Optional.of(resource));
    }

    private static final List<LiveGrant> DECLARED = List.of(
            live(ANALYST.lakeFormationId(), LINK, List.of("DESCRIBE"), List.of()),
            live(ANALYST.lakeFormationId(), NON_PII, List.of("DESCRIBE", "SELECT"), List.of()),
            live("222222222222", new LfResource.TagValues(CENTRAL, "pii", List.of("true", "false")), List.of("DESCRIBE"), List.of("DESCRIBE")));

    private static List<LiveGrant> declaredAnd(LiveGrant... more) {
        return Stream.concat(DECLARED.stream(), Stream.of(more)).toList();
    }

    /** Grants as the unfiltered listing answers them, with no filtered listing. */
    private static List<Finding> listed(List<LiveGrant> listed) {
        return Comparisons.grants(EXPECTED, listed, List.of());
    }

    private static AccountSettings settings(List<String> admins, List<String> defaults, String version) {
        return new AccountSettings(admins, List.of(), defaults, version == null ? Map.of() : Map.of("CROSS_ACCOUNT_VERSION", version),
                List.of(), false, List.of(), List.of(), false);
    }

    private static Arguments row(String name, Supplier<List<Finding>> check, String... expected) {
        return arguments(name, check, List.of(expected));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("settings as planned, with an admin of the account's own",
                        () -> Comparisons.settings(EXPECTED, settings(List.of("arn:aws:iam::333333333333:role/Other", DEPLOYER), List.of(), "4"))),
                row("a planned admin dropped",
                        () -> Comparisons.settings(EXPECTED, settings(List.of(), List.of(), "4")),
                        "SETTINGS planned Lake Formation admin is not an admin of the account"),
                row("IAM-only defaults and the version of an account never written",
                        () -> Comparisons.settings(EXPECTED, settings(List.of(DEPLOYER), List.of("IAM_ALLOWED_PRINCIPALS"), null)),
                        "SETTINGS new databases and tables get permissions for [IAM_ALLOWED_PRINCIPALS] (IAM-only access); the plan has none",
                        "SETTINGS is 1, the plan pins 4"),
                row("every declared grant in force (tag values in another order)",
                        () -> listed(DECLARED)),
                row("a declared permission missing",
                        () -> listed(List.of(DECLARED.get(0), DECLARED.get(2),
                                live(ANALYST.lakeFormationId(), NON_PII, List.of("DESCRIBE"), List.of()))),
                        "GRANT_MISSING declared grant non-pii is not in force: missing SELECT"),
                row("the grant option missing on an account grant",
                        () -> listed(List.of(DECLARED.get(0), DECLARED.get(1),
                                live("222222222222", PII_TAG, List.of("DESCRIBE"), List.of()))),
                        "GRANT_MISSING declared grant pii-tag is not in force: missing DESCRIBE (with grant option)"),
                row("a declared grant only the filtered listing answers is in force",
                        () -> Comparisons.grants(EXPECTED, List.of(DECLARED.get(1), DECLARED.get(2)), List.of(DECLARED.get(0)))),
                row("what only the filtered listing answers is never drift (a tag policy's reach, computed)",
                        () -> Comparisons.grants(EXPECTED, DECLARED, List.of(live(ANALYST.lakeFormationId(), CUSTOMERS, List.of("SELECT"), List.of())))),
                row("a named grant on a mesh table made by hand",
                        () -> listed(declaredAnd(live(ANALYST.lakeFormationId(), CUSTOMERS, List.of("SELECT"), List.of()))),
                        "GRANT_EXTRA not declared by any stack: SELECT"),
                row("an extra permission next to a declared one",
                        () -> listed(declaredAnd(live(ANALYST.lakeFormationId(), LINK, List.of("DROP"), List.of()))),
                        "GRANT_EXTRA not declared by any stack: DROP"),
                row("a grant on a registered location of the mesh",
                        () -> listed(declaredAnd(live(ANALYST.lakeFormationId(),
                                new LfResource.DataLocation(ACCOUNT, "arn:aws:s3:::datamesh-sales-data"), List.of("DATA_LOCATION_ACCESS"), List.of()))),
                        "GRANT_EXTRA not declared by any stack: DATA_LOCATION_ACCESS"),
                row("grants outside the mesh, and the planned admins' own, are not drift",
                        () -> listed(declaredAnd(
                                live(ANALYST.lakeFormationId(), new LfResource.Database(ACCOUNT, "scratch"), List.of("ALL"), List.of()),
                                live(ANALYST.lakeFormationId(), new LfResource.TagValues(CENTRAL, "team", List.of("x")), List.of("DESCRIBE"), List.of()),
                                live(DEPLOYER, new LfResource.Database(CENTRAL, "sales"), List.of("ALL"), List.of("ALL"))))),
                row("IAM_ALLOWED_PRINCIPALS is its own check, not grant drift",
                        () -> listed(declaredAnd(live("IAM_ALLOWED_PRINCIPALS", CUSTOMERS, List.of("ALL"), List.of())))),
                row("IAM_ALLOWED_PRINCIPALS on a mesh table",
                        () -> Comparisons.iamAllowedPrincipals(EXPECTED, declaredAnd(live("IAM_ALLOWED_PRINCIPALS", CUSTOMERS, List.of("ALL"), List.of()))),
                        "IAM_ALLOWED_PRINCIPALS IAM_ALLOWED_PRINCIPALS holds [ALL]: IAM policies alone decide access here"),
                row("IAM_ALLOWED_PRINCIPALS on a database outside the mesh",
                        () -> Comparisons.iamAllowedPrincipals(EXPECTED, List.of(live("IAM_ALLOWED_PRINCIPALS",
                                new LfResource.Database(ACCOUNT, "default"), List.of("ALL"), List.of())))),
                row("the resource link as planned",
                        () -> Comparisons.links(EXPECTED, Map.of("shared_sales", Optional.of(new ResourceLink(ACCOUNT, "shared_sales", CENTRAL, "sales"))))),
                row("the resource link missing",
                        () -> Comparisons.links(EXPECTED, Map.of("shared_sales", Optional.empty())),
                        "RESOURCE_LINK resource link to 111111111111:sales does not exist (or is not a link)"),
                row("the resource link pointing elsewhere",
                        () -> Comparisons.links(EXPECTED, Map.of("shared_sales", Optional.of(new ResourceLink(ACCOUNT, "shared_sales", "999999999999", "sales")))),
                        "RESOURCE_LINK points at 999999999999:sales, the plan at 111111111111:sales"),
                row("the planned columns",
                        () -> Comparisons.query(EXPECTED, READS, new QueryOutcome.Columns(List.of("customer_id", "country"), 0))),
                row("a column missing and a PII column extra",
                        () -> Comparisons.query(EXPECTED, READS, new QueryOutcome.Columns(List.of("customer_id", "email"), 0)),
                        "QUERY missing columns [country], extra columns [email] (the plan gives [customer_id, country])"),
                row("refused where the plan gives columns",
                        () -> Comparisons.query(EXPECTED, READS, new QueryOutcome.Refused("Insufficient Lake Formation permission(s)")),
                        "QUERY refused (Insufficient Lake Formation permission(s)); the plan gives columns [customer_id, country]"),
                row("refused where the plan gives nothing",
                        () -> Comparisons.query(EXPECTED, REFUSED, new QueryOutcome.Refused("TABLE_NOT_FOUND"))),
                row("readable where the plan gives nothing",
                        () -> Comparisons.query(EXPECTED, REFUSED, new QueryOutcome.Columns(List.of("salary"), 0)),
                        "QUERY reads columns [salary] but the plan gives the role no access to this table"),
                row("a role verify cannot assume fails even a probe that must be refused: nothing was tested",
                        () -> Comparisons.query(EXPECTED, REFUSED, new QueryOutcome.NotAssumed("not authorized to perform: sts:AssumeRole")),
                        "QUERY verify could not assume the role, so nothing was tested: not authorized to perform: sts:AssumeRole."
                                + " The role trusts only its assumedBy principals (datamesh:analysts): add the principal verify runs as"
                                + " in this stack (its aws:assumeRole or aws:profile) to them"),
                row("S3 or KMS refusing the results fails even a probe that must be refused",
                        () -> Comparisons.query(EXPECTED, REFUSED, new QueryOutcome.ResultsDenied("Unable to verify/create output bucket r")),
                        "QUERY S3 or KMS refused the query's results location or its key, so access could not be checked:"
                                + " Unable to verify/create output bucket r"),
                row("a query that fails for another reason proves nothing either way",
                        () -> Comparisons.query(EXPECTED, REFUSED, new QueryOutcome.Failed("WorkGroup does not exist")),
                        "QUERY the query failed, so access could not be checked: WorkGroup does not exist"),
                row("one row read with the planned columns",
                        () -> Comparisons.query(EXPECTED, READS_ROW, new QueryOutcome.Columns(List.of("customer_id", "country"), 1))),
                row("no row read: S3 and KMS were never exercised, so the one-row probe tested nothing of them",
                        () -> Comparisons.query(EXPECTED, READS_ROW, new QueryOutcome.Columns(List.of("customer_id", "country"), 0)),
                        "QUERY read no row (the table has no data yet), so S3 and KMS were not exercised; run again once it has data"),
                row("Lake Formation allows the columns but S3 or KMS refuses the data",
                        () -> Comparisons.query(EXPECTED, READS_ROW, new QueryOutcome.DataDenied("kms:Decrypt not authorized")),
                        "QUERY Lake Formation gives columns [customer_id, country] but S3 or KMS refused the table's data:"
                                + " kms:Decrypt not authorized. See \"S3 and KMS through Lake Formation\" in docs/verify.md"),
                row("S3 or KMS refusing the data of a table the plan gives nothing: Lake Formation let the role through",
                        () -> Comparisons.query(EXPECTED, REFUSED_ROW, new QueryOutcome.DataDenied("Access Denied (Path: s3://b/k)")),
                        "QUERY Lake Formation let the role reach the table's data, which the plan gives it nothing of;"
                                + " only S3 or KMS stopped it: Access Denied (Path: s3://b/k)"),
                row("a refused one-row probe of a table the plan gives nothing",
                        () -> Comparisons.query(EXPECTED, REFUSED_ROW, new QueryOutcome.Refused("TABLE_NOT_FOUND"))),
                row("a pending invitation from central",
                        () -> Comparisons.invitations(EXPECTED, List.of(new Invitation("arn:inv", "LakeFormation-V4", "arn:share", CENTRAL, "PENDING"))),
                        "RAM_INVITATION pending invitation from mesh account 111111111111; accept it, or add the share ARN to"
                                + " datamesh:ramShareArns and run pulumi up -s consumer"),
                row("accepted invitations, and pending ones from outside the mesh",
                        () -> Comparisons.invitations(EXPECTED, List.of(new Invitation("arn:a", "a", "arn:sa", CENTRAL, "ACCEPTED"),
                                new Invitation("arn:b", "b", "arn:sb", "999999999999", "PENDING")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsExactlyTheDifferences(String name, Supplier<List<Finding>> check, List<String> expected) {
        assertThat(check.get().stream().map(f -> f.check() + " " + f.problem()).toList()).isEqualTo(expected);
    }

    @Test
    void grantsAreAlsoListedPerDatabaseOfTheAccountAndOfItsDeclaredGrants() {
        assertThat(EXPECTED.listedDatabases()).containsExactly(new LfResource.Database(ACCOUNT, "shared_sales"));
    }

    @Test
    void anExtraTagPolicyGrantGetsARevokeCommandToPasteAsItIs() {
        var engineer = "arn:aws:iam::333333333333:role/datamesh-marketing-engineer";
        var finding = listed(declaredAnd(live(engineer, NON_PII, List.of("SELECT"), List.of("SELECT"))));

        assertThat(finding).singleElement().satisfies(f -> assertThat(f.fix()).contains(
                "aws lakeformation revoke-permissions --region eu-west-1 --catalog-id 333333333333"
                        + " --principal DataLakePrincipalIdentifier=" + engineer
                        + " --permissions SELECT --permissions-with-grant-option SELECT --resource"
                        + " '{\"LFTagPolicy\":{\"CatalogId\":\"111111111111\",\"ResourceType\":\"TABLE\",\"Expression\":"
                        + "[{\"TagKey\":\"domain\",\"TagValues\":[\"sales\"]},{\"TagKey\":\"pii\",\"TagValues\":[\"false\"]}]}}'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFindingNamesItsStackAndAccount(String name, Supplier<List<Finding>> check, List<String> expected) {
        assertThat(check.get()).allSatisfy(f -> assertThat(List.of(f.stack(), f.account())).isEqualTo(List.of("consumer", ACCOUNT)));
    }

    @Test
    void liveNamesPastedIntoACommandAreShellQuoted() {
        var table = new LfResource.Table(CENTRAL, "sales", Optional.of("o'brien"));
        assertThat(Comparisons.revokeCommand(EXPECTED, "arn:aws:iam::333333333333:role/a b", List.of("SELECT"), List.of(), table))
                .isEqualTo("aws lakeformation revoke-permissions --region eu-west-1 --catalog-id 333333333333"
                        + " --principal 'DataLakePrincipalIdentifier=arn:aws:iam::333333333333:role/a b' --permissions SELECT --resource"
                        + " '{\"Table\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"o'\\''brien\"}}'");
        assertThat(Comparisons.invitations(EXPECTED, List.of(new Invitation("arn:aws:ram:eu-west-1:111111111111:invitation/$(id)",
                "s", "arn:s", CENTRAL, "PENDING")))).singleElement().satisfies(f -> assertThat(f.fix()).contains(
                "aws ram accept-resource-share-invitation --region eu-west-1 --resource-share-invitation-arn"
                        + " 'arn:aws:ram:eu-west-1:111111111111:invitation/$(id)'"));
    }
}
