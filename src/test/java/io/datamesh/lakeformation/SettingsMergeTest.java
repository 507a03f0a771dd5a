package io.datamesh.lakeformation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsMergeTest {
    private static final String ACCOUNT = "111111111111";

    private static AccountSettings current(List<String> admins, Map<String, String> parameters, List<String> defaults) {
        return new AccountSettings(admins, List.of("arn:aws:iam::111111111111:role/Auditor"), defaults, parameters,
                List.of("444444444444"), true, List.of("arn:aws:iam::111111111111:role/Emr"), List.of("EMR"), false);
    }

    @Test
    void keepsEveryExistingAdminAndUnmanagedSettingAndEmptiesDefaults() {
        var before = current(List.of("arn:aws:iam::111111111111:role/Old"), Map.of("CROSS_ACCOUNT_VERSION", "3", "SET_CONTEXT", "TRUE"),
                List.of());
        var outcome = SettingsMerge.merge(ACCOUNT, before, List.of("arn:aws:iam::111111111111:role/New"), List.of(), 4);

        assertThat(outcome.blockers()).isEmpty();
        var after = outcome.target();
        assertThat(after.admins()).containsExactly("arn:aws:iam::111111111111:role/New", "arn:aws:iam::111111111111:role/Old");
        assertThat(after.defaultPermissionPrincipals()).isEmpty();
        assertThat(after.parameters()).containsEntry("CROSS_ACCOUNT_VERSION", "4").containsEntry("SET_CONTEXT", "TRUE");
        assertThat(after.readOnlyAdmins()).isEqualTo(before.readOnlyAdmins());
        assertThat(after.trustedResourceOwners()).isEqualTo(before.trustedResourceOwners());
        assertThat(after.allowExternalDataFiltering()).isTrue();
        assertThat(after.externalDataFilteringAllowList()).isEqualTo(before.externalDataFilteringAllowList());
        assertThat(after.authorizedSessionTagValueList()).isEqualTo(before.authorizedSessionTagValueList());
        assertThat(outcome.notices()).anyMatch(n -> n.contains("from 3 to 4"));
    }

    @Test
    void iamOnlyDefaultsStopTheStackWithTheCommandThatClearsThemKeepingEveryAdmin() {
        var before = current(List.of("arn:aws:iam::111111111111:role/Old"), Map.of("CROSS_ACCOUNT_VERSION", "1"),
                List.of("IAM_ALLOWED_PRINCIPALS"));
        String lakeAdmin = "arn:aws:iam::111111111111:role/LakeAdmin";
        var outcome = SettingsMerge.merge(ACCOUNT, before, List.of("arn:aws:iam::111111111111:role/New", lakeAdmin),
                List.of(lakeAdmin), 4);
        assertThat(outcome.target().admins()).contains(lakeAdmin);
        String command = outcome.blockers().get(0).lines().reduce((a, b) -> b).orElseThrow().trim();
        assertThat(outcome.blockers()).singleElement().asString().contains("IAM_ALLOWED_PRINCIPALS").contains("pulumi-aws #4366");
        assertThat(command).startsWith("aws lakeformation put-data-lake-settings --catalog-id 111111111111 --data-lake-settings '")
                .contains("\"CreateDatabaseDefaultPermissions\":[]", "\"CreateTableDefaultPermissions\":[]",
                        "{\"DataLakePrincipalIdentifier\":\"arn:aws:iam::111111111111:role/New\"}",
                        "{\"DataLakePrincipalIdentifier\":\"arn:aws:iam::111111111111:role/Old\"}",
                        "\"ReadOnlyAdmins\":[{\"DataLakePrincipalIdentifier\":\"arn:aws:iam::111111111111:role/Auditor\"}]",
                        "\"Parameters\":{\"CROSS_ACCOUNT_VERSION\":\"4\"}", "\"TrustedResourceOwners\":[\"444444444444\"]",
                        "\"AllowExternalDataFiltering\":true", "\"AuthorizedSessionTagValueList\":[\"EMR\"]")
                .as("a role the stack has not created yet would be an invalid principal").doesNotContain(lakeAdmin)
                .endsWith("'");
    }

    @Test
    void theDefaultsClearingWriteKeepsAnAdminRoleTheStackCreatedOnAnEarlierRun() {
        // The stack's own admin role exists from an earlier deployment, and the defaults came back (a hand write).
        String lakeAdmin = "arn:aws:iam::111111111111:role/LakeAdmin";
        var before = current(List.of(lakeAdmin, "arn:aws:iam::111111111111:role/Old"), Map.of("CROSS_ACCOUNT_VERSION", "4"),
                List.of("IAM_ALLOWED_PRINCIPALS"));
        var outcome = SettingsMerge.merge(ACCOUNT, before, List.of(lakeAdmin), List.of(lakeAdmin), 4);

        assertThat(outcome.defaultsClear()).get().satisfies(write -> {
            assertThat(write.admins()).containsExactlyInAnyOrder(lakeAdmin, "arn:aws:iam::111111111111:role/Old");
            assertThat(write.defaultPermissionPrincipals()).isEmpty();
            assertThat(write.readOnlyAdmins()).isEqualTo(before.readOnlyAdmins());
        });
        assertThat(outcome.blockers()).singleElement().asString()
                .contains("{\"DataLakePrincipalIdentifier\":\"" + lakeAdmin + "\"}");
        assertThat(outcome.blockersBesidesDefaults()).isEmpty();
    }

    @Test
    void withoutIamOnlyDefaultsThereIsNoClearingWriteAndTheOtherBlockersStay() {
        var outcome = SettingsMerge.merge(ACCOUNT, current(List.of(), Map.of("CROSS_ACCOUNT_VERSION", "5"), List.of()),
                List.of(), List.of(), 4);
        assertThat(outcome.defaultsClear()).isEmpty();
        assertThat(outcome.blockersBesidesDefaults()).isEqualTo(outcome.blockers()).hasSize(1);

        var both = SettingsMerge.merge(ACCOUNT, current(List.of(), Map.of("CROSS_ACCOUNT_VERSION", "5"),
                List.of("IAM_ALLOWED_PRINCIPALS")), List.of(), List.of(), 4);
        assertThat(both.blockers()).hasSize(2);
        assertThat(both.blockersBesidesDefaults()).singleElement().asString().contains("datamesh:crossAccountVersion: 5");
    }

    @Test
    void aMissingVersionCountsAsOneAndAnEqualVersionIsLeftAlone() {
        assertThat(current(List.of(), Map.of(), List.of()).crossAccountVersion()).isEqualTo(1);
        var outcome = SettingsMerge.merge(ACCOUNT, current(List.of(), Map.of("CROSS_ACCOUNT_VERSION", "4"), List.of()), List.of(), List.of(), 4);
        assertThat(outcome.notices()).noneMatch(n -> n.contains("cross-account version"));
        assertThat(outcome.target().parameters()).containsEntry("CROSS_ACCOUNT_VERSION", "4");
    }

    @Test
    void neverLowersTheVersionAndSaysHowToPinTheHigherOne() {
        var outcome = SettingsMerge.merge(ACCOUNT, current(List.of(), Map.of("CROSS_ACCOUNT_VERSION", "5"), List.of()), List.of(), List.of(), 4);
        assertThat(outcome.blockers()).singleElement().asString().contains("datamesh:crossAccountVersion: 5");
        assertThat(outcome.target().parameters()).containsEntry("CROSS_ACCOUNT_VERSION", "5");
    }

    @Test
    void refusesToExceedTheAdminLimit() {
        List<String> admins = IntStream.range(0, 30).mapToObj(i -> "arn:aws:iam::111111111111:role/A" + i).toList();
        var outcome = SettingsMerge.merge(ACCOUNT, current(admins, Map.of(), List.of()),
                List.of("arn:aws:iam::111111111111:role/New"), List.of(), 4);
        assertThat(outcome.blockers()).singleElement().asString().contains("31 Lake Formation admins");
    }
}
