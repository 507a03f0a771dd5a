package io.datamesh.central;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RoleScopeTest {
    private static final Map<String, List<String>> SALES_AND_HR = Map.of("domain", List.of("sales", "hr"), "pii", List.of("false"));

    @Test
    void noDomainsKeepsTheAccountsExpression() {
        assertThat(RoleScope.narrow(SALES_AND_HR, List.of())).contains(SALES_AND_HR);
    }

    @Test
    void domainsNarrowTheDomainClause() {
        assertThat(RoleScope.narrow(SALES_AND_HR, List.of("sales")))
                .contains(Map.of("domain", List.of("sales"), "pii", List.of("false")));
    }

    @Test
    void disjointDomainsGiveNothing() {
        assertThat(RoleScope.narrow(SALES_AND_HR, List.of("finance"))).isEqualTo(Optional.empty());
    }

    @Test
    void anExpressionWithoutDomainGainsTheDomainClause() {
        assertThat(RoleScope.narrow(Map.of("pii", List.of("false")), List.of("sales")))
                .contains(Map.of("pii", List.of("false"), "domain", List.of("sales")));
    }
}
