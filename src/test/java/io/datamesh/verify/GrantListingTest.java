package io.datamesh.verify;

import io.datamesh.lakeformation.Grant;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.Principal;
import io.datamesh.lakeformation.TagExpression;
import io.datamesh.verify.Finding.Check;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.ram.RamClient;
import software.amazon.awssdk.services.ram.model.GetResourceShareInvitationsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.datamesh.verify.RecordedLakeFormation.RAW;
import static io.datamesh.verify.RecordedLakeFormation.entry;
import static io.datamesh.verify.RecordedLakeFormation.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * How verify uses the two kinds of ListPermissions answer. Unfiltered, Lake Formation answers the
 * grants as they were made; filtered by a resource, the permissions it computes for query execution
 * (the Lake Formation team, quoted in terraform-provider-aws #44574). So only the raw listing can show
 * a grant nobody declared, and a filtered one only confirms a declared grant the raw listing left out.
 */
class GrantListingTest {
    private static final String CENTRAL = "111111111111";
    private static final String ACCOUNT = "333333333333";
    private static final String DEPLOYER = "arn:aws:iam::333333333333:role/datamesh-deployer";
    private static final Principal ANALYST = Principal.role(ACCOUNT, "datamesh-marketing-analyst");
    private static final String ENGINEER = "arn:aws:iam::333333333333:role/datamesh-marketing-engineer";
    private static final LfResource LINK = new LfResource.Database(ACCOUNT, "shared_sales");
    private static final LfResource NON_PII = new LfResource.TagPolicy(CENTRAL, LfResource.ResourceType.TABLE,
            TagExpression.of(new TreeMap<>(Map.of("domain", List.of("sales"), "pii", List.of("false")))));

    private static final AccountExpectation EXPECTED = new AccountExpectation("consumer", ACCOUNT, "eu-west-1",
            new StackCredentials(Optional.empty(), Optional.empty()), List.of(DEPLOYER), 4,
            List.of(new Grant("describe-link", ACCOUNT, ANALYST, List.of("DESCRIBE"), List.of(), LINK),
                    new Grant("non-pii", ACCOUNT, ANALYST, List.of("SELECT", "DESCRIBE"), List.of(), NON_PII)),
            new AccountExpectation.Scope(Set.of(List.of(CENTRAL, "sales"), List.of(ACCOUNT, "shared_sales"), List.of(ACCOUNT, "shared_hr")),
                    Set.of("domain", "pii"), Set.of()),
            List.of(), List.of(), Set.of(CENTRAL, ACCOUNT));

    private static final String SETTINGS = "{\"DataLakeSettings\":{\"DataLakeAdmins\":[{\"DataLakePrincipalIdentifier\":\""
            + DEPLOYER + "\"}],\"CreateDatabaseDefaultPermissions\":[],\"CreateTableDefaultPermissions\":[],"
            + "\"Parameters\":{\"CROSS_ACCOUNT_VERSION\":\"4\"}}}";
    private static final String DESCRIBE_LINK = entry(ANALYST.lakeFormationId(),
            "{\"Database\":{\"CatalogId\":\"333333333333\",\"Name\":\"shared_sales\"}}", "\"DESCRIBE\"", "");
    private static final String NON_PII_GRANT = entry(ANALYST.lakeFormationId(), "{\"LFTagPolicy\":{\"CatalogId\":\"111111111111\","
            + "\"ResourceType\":\"TABLE\",\"Expression\":[{\"TagKey\":\"domain\",\"TagValues\":[\"sales\"]},"
            + "{\"TagKey\":\"pii\",\"TagValues\":[\"false\"]}]}}", "\"SELECT\",\"DESCRIBE\"", "");

    private static List<Finding> verify(Map<String, String> listings) {
        try (var lakeFormation = new RecordedLakeFormation(SETTINGS, listings)) {
            return Verifier.run(List.of(EXPECTED), account -> reader(lakeFormation), line -> { }).findings();
        }
    }

    @SuppressWarnings("unchecked")
    private static AccountReader reader(RecordedLakeFormation lakeFormation) {
        StsClient sts = mock(StsClient.class);
        when(sts.getCallerIdentity()).thenReturn(GetCallerIdentityResponse.builder().account(ACCOUNT).build());
        RamClient ram = mock(RamClient.class);
        when(ram.getResourceShareInvitations(any(Consumer.class))).thenReturn(GetResourceShareInvitationsResponse.builder().build());
        return new AwsAccountReader(ACCOUNT, sts, lakeFormation.client(), mock(GlueClient.class), ram, role -> {
            throw new AssertionError("no queries planned");
        }, Duration.ZERO);
    }

    @Test
    void aPermissionOnlyTheFilteredListingComputesIsNotDrift() {
        // The engineer's DESCRIBE on the link comes from a tag policy: the filtered listing computes it.
        var findings = verify(Map.of(RAW, listing(DESCRIBE_LINK, NON_PII_GRANT),
                "shared_sales", listing(DESCRIBE_LINK, entry(ENGINEER, "{\"Database\":{\"CatalogId\":\"333333333333\","
                        + "\"Name\":\"shared_sales\"}}", "\"DESCRIBE\"", "")),
                "shared_hr", listing()));

        assertThat(findings).isEmpty();
    }

    @Test
    void aDeclaredGrantTheRawListingLeftOutIsConfirmedByTheFilteredOne() {
        var findings = verify(Map.of(RAW, listing(NON_PII_GRANT), "shared_sales", listing(DESCRIBE_LINK), "shared_hr", listing()));

        assertThat(findings).isEmpty();
    }

    @Test
    void aDatabaseThatCannotBeListedIsOneFindingAndTheRestOfTheAccountIsStillChecked() {
        var findings = verify(Map.of(RAW, listing(DESCRIBE_LINK, NON_PII_GRANT, entry(ENGINEER,
                        "{\"Table\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"customers\"}}", "\"SELECT\"", "")),
                "shared_sales", listing(DESCRIBE_LINK)));

        assertThat(findings).extracting(f -> f.check() + " " + f.subject()).containsExactlyInAnyOrder(
                "ACCESS_TO_ACCOUNT list the permissions on database 333333333333:shared_hr",
                "GRANT_EXTRA " + ENGINEER + " on {\"Table\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"customers\"}}");
        assertThat(findings).filteredOn(f -> f.check() == Check.ACCESS_TO_ACCOUNT).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("Database not found"));
    }
}
