package io.datamesh.central;

import io.datamesh.lakeformation.TagExpression;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RoleScopeTest {
    private static final TagExpression SALES_AND_HR = TagExpression.of(Map.of("domain", List.of("sales", "hr"), "pii", List.of("false")));

    @Test
    void noDomainsKeepsTheAccountsExpression() {
        assertThat(RoleScope.narrow(SALES_AND_HR, List.of())).contains(SALES_AND_HR);
    }

    @Test
    void domainsNarrowTheDomainClause() {
        assertThat(RoleScope.narrow(SALES_AND_HR, List.of("sales")))
                .contains(TagExpression.of(Map.of("domain", List.of("sales"), "pii", List.of("false"))));
    }

    @Test
    void disjointDomainsGiveNothing() {
        assertThat(RoleScope.narrow(SALES_AND_HR, List.of("finance"))).isEqualTo(Optional.empty());
    }

    @Test
    void anExpressionWithoutDomainGainsTheDomainClause() {
        assertThat(RoleScope.narrow(TagExpression.of(Map.of("pii", List.of("false"))), List.of("sales")))
                .contains(TagExpression.of(Map.of("pii", List.of("false"), "domain", List.of("sales"))));
    }
}
