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
                List.of("IAM_ALLOWED_PRINCIPALS"));
        var outcome = SettingsMerge.merge(ACCOUNT, before, List.of("arn:aws:iam::111111111111:role/New"), 4);

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
        assertThat(outcome.notices()).anyMatch(n -> n.contains("from 3 to 4")).anyMatch(n -> n.contains("IAM_ALLOWED_PRINCIPALS"));
    }

    @Test
    void aMissingVersionCountsAsOneAndAnEqualVersionIsLeftAlone() {
        assertThat(current(List.of(), Map.of(), List.of()).crossAccountVersion()).isEqualTo(1);
        var outcome = SettingsMerge.merge(ACCOUNT, current(List.of(), Map.of("CROSS_ACCOUNT_VERSION", "4"), List.of()), List.of(), 4);
        assertThat(outcome.notices()).noneMatch(n -> n.contains("cross-account version"));
        assertThat(outcome.target().parameters()).containsEntry("CROSS_ACCOUNT_VERSION", "4");
    }

    @Test
    void neverLowersTheVersionAndSaysHowToPinTheHigherOne() {
        var outcome = SettingsMerge.merge(ACCOUNT, current(List.of(), Map.of("CROSS_ACCOUNT_VERSION", "5"), List.of()), List.of(), 4);
        assertThat(outcome.blockers()).singleElement().asString().contains("datamesh:crossAccountVersion: 5");
        assertThat(outcome.target().parameters()).containsEntry("CROSS_ACCOUNT_VERSION", "5");
    }

    @Test
    void refusesToExceedTheAdminLimit() {
        List<String> admins = IntStream.range(0, 30).mapToObj(i -> "arn:aws:iam::111111111111:role/A" + i).toList();
        var outcome = SettingsMerge.merge(ACCOUNT, current(admins, Map.of(), List.of()),
                List.of("arn:aws:iam::111111111111:role/New"), 4);
        assertThat(outcome.blockers()).singleElement().asString().contains("31 Lake Formation admins");
    }
}
