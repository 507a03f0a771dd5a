package io.datamesh.central;

import io.datamesh.config.TagGrant;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.LfResource.ResourceType;
import io.datamesh.lakeformation.TagExpression;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.lakeformation.TaggedCatalog.Column;
import io.datamesh.lakeformation.TaggedCatalog.Database;
import io.datamesh.lakeformation.TaggedCatalog.Table;
import io.datamesh.stackref.DomainShare;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShareCalculatorTest {
    private static final TaggedCatalog CATALOG = new TaggedCatalog("111111111111",
            List.of(new Database("sales", Map.of("domain", "sales", "pii", "false")),
                    new Database("hr", Map.of("domain", "hr", "pii", "false"))),
            List.of(new Table("sales", "customers", Map.of("classification", "confidential"),
                            List.of(new Column("id", Map.of()), new Column("email", Map.of("pii", "true")))),
                    new Table("sales", "orders", Map.of(), List.of(new Column("id", Map.of()))),
                    new Table("hr", "staff", Map.of(), List.of(new Column("id", Map.of())))));

    private static final List<LfPermission> SELECT = List.of(LfPermission.SELECT);
    private static final List<LfPermission> SELECT_DESCRIBE = List.of(LfPermission.SELECT, LfPermission.DESCRIBE);

    private static TagGrant grant(String name, ResourceType resource, List<LfPermission> permissions, Map<String, List<String>> expression) {
        return grant(name, "marketing", resource, permissions, expression);
    }

    private static TagGrant grant(String name, String to, ResourceType resource, List<LfPermission> permissions,
                                  Map<String, List<String>> expression) {
        return new TagGrant(name, to, resource, permissions, TagExpression.of(expression));
    }

    @Test
    void tableGrantReachesMatchingColumnsOnlyAndDatabaseGrantTheDatabases() {
        var shares = ShareCalculator.shares(CATALOG, List.of(
                grant("db", ResourceType.DATABASE, List.of(LfPermission.DESCRIBE), Map.of("domain", List.of("sales"))),
                grant("tables", ResourceType.TABLE, SELECT_DESCRIBE,
                        Map.of("domain", List.of("sales"), "pii", List.of("false")))));

        DomainShare marketing = shares.get("marketing");
        assertThat(marketing.databases()).containsExactly("sales");
        assertThat(marketing.grants()).extracting(DomainShare.Grant::name).containsExactly("db", "tables");
        assertThat(marketing.tables()).containsExactly(
                new DomainShare.Table("sales", "customers", List.of("id"), false, SELECT_DESCRIBE),
                new DomainShare.Table("sales", "orders", List.of("id"), true, SELECT_DESCRIBE));
    }

    @Test
    void columnsMatchingWhileTheirTableDoesNotGiveSelectButNotDescribe() {
        var shares = ShareCalculator.shares(CATALOG, List.of(grant("pii", ResourceType.TABLE, SELECT_DESCRIBE,
                Map.of("pii", List.of("true")))));
        assertThat(shares.get("marketing").tables()).containsExactly(
                new DomainShare.Table("sales", "customers", List.of("email"), false, List.of(LfPermission.SELECT)));
    }

    @Test
    void grantsToSeveralDomainsAreKeptApartAndUnionedPerDomain() {
        var shares = ShareCalculator.shares(CATALOG, List.of(
                grant("a", "marketing", ResourceType.TABLE, SELECT, Map.of("domain", List.of("hr"))),
                grant("b", "marketing", ResourceType.TABLE, SELECT, Map.of("classification", List.of("confidential"))),
                grant("c", "finance", ResourceType.TABLE, SELECT, Map.of("domain", List.of("sales")))));
        assertThat(shares.get("marketing").tables()).extracting(DomainShare.Table::table).containsExactlyInAnyOrder("customers", "staff");
        assertThat(shares.get("finance").tables()).extracting(DomainShare.Table::table).containsExactly("customers", "orders");
    }
}
