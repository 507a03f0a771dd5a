package io.datamesh.policy.rules.mesh;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LfPrincipalsTest {
    private static final Set<String> ADMINS = Set.of("arn:aws:iam::111111111111:role/mesh/lf-admin",
            "arn:aws:iam::111111111111:user/ops");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "arn:aws:iam::111111111111:role/mesh/lf-admin, true",
            "arn:aws:iam::222222222222:role/mesh/lf-admin, false",
            "lf-admin, true",
            "admin, false",
            "ops, false",
            "'', false"})
    void aRoleIsAnAdminByItsArnOrByTheNameAtTheEndOfAnAdminRoleArn(String role, boolean admin) {
        assertThat(LfPrincipals.isAdminRole(ADMINS, role)).isEqualTo(admin);
    }
}
