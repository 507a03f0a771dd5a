package io.datamesh.central;

import io.datamesh.config.TagGrant;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.LfResource.ResourceType;
import io.datamesh.lakeformation.TagExpression;
import io.datamesh.stackref.QueryRoles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class QueryRoleGrantTest {
    private static final TagGrant SALES_TABLES = new TagGrant("sales-tables", "marketing", ResourceType.TABLE,
            List.of(LfPermission.SELECT), TagExpression.of(new TreeMap<>(Map.of("domain", List.of("sales", "hr"), "pii", List.of("false")))));
    private static final String ANALYST = "arn:aws:iam::333333333333:role/analyst";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a role without domains gets the grant's expression",
                        roles(new QueryRoles.Role("analyst", ANALYST, List.of())),
                        List.of("central-grant-sales-tables-analyst principal:" + ANALYST + " {domain=[sales, hr], pii=[false]}")),
                Arguments.of("a role's domains narrow the domain clause",
                        roles(new QueryRoles.Role("analyst", ANALYST, List.of("hr"))),
                        List.of("central-grant-sales-tables-analyst principal:" + ANALYST + " {domain=[hr], pii=[false]}")),
                Arguments.of("a role narrowed away from every domain of the grant gets nothing",
                        roles(new QueryRoles.Role("analyst", ANALYST, List.of("finance"))), List.of()),
                Arguments.of("each role of the domain gets its own grant",
                        roles(new QueryRoles.Role("analyst", ANALYST, List.of()),
                                new QueryRoles.Role("engineer", "arn:aws:iam::333333333333:role/engineer", List.of("sales"))),
                        List.of("central-grant-sales-tables-analyst principal:" + ANALYST + " {domain=[sales, hr], pii=[false]}",
                                "central-grant-sales-tables-engineer principal:arn:aws:iam::333333333333:role/engineer"
                                        + " {domain=[sales], pii=[false]}")),
                Arguments.of("a domain that has published no roles yet receives nothing", Map.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void grantsEachQueryRoleOfTheReceivingDomain(String description, Map<String, QueryRoles> queryRoles, List<String> expected) {
        assertThat(QueryRoleGrant.plan("central", List.of(SALES_TABLES), queryRoles))
                .extracting(g -> g.resourceName() + " " + g.lane() + " " + g.expression().clauses())
                .containsExactlyElementsOf(expected);
    }

    private static Map<String, QueryRoles> roles(QueryRoles.Role... roles) {
        return Map.of("marketing", new QueryRoles(QueryRoles.VERSION, List.of(roles)));
    }
}
