package io.datamesh.central;

import io.datamesh.config.GrantResource;
import io.datamesh.config.TagGrant;
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

    private static TagGrant grant(String name, GrantResource resource, List<String> permissions, Map<String, List<String>> expression) {
        return new TagGrant(name, "marketing", resource, permissions, expression);
    }

    @Test
    void tableGrantReachesMatchingColumnsOnlyAndDatabaseGrantTheDatabases() {
        var shares = ShareCalculator.shares(CATALOG, List.of(
                grant("db", GrantResource.DATABASE, List.of("DESCRIBE"), Map.of("domain", List.of("sales"))),
                grant("tables", GrantResource.TABLE, List.of("SELECT", "DESCRIBE"),
                        Map.of("domain", List.of("sales"), "pii", List.of("false")))));

        DomainShare marketing = shares.get("marketing");
        assertThat(marketing.databases()).containsExactly("sales");
        assertThat(marketing.grants()).extracting(DomainShare.Grant::name).containsExactly("db", "tables");
        assertThat(marketing.tables()).containsExactly(
                new DomainShare.Table("sales", "customers", List.of("id"), false, List.of("SELECT", "DESCRIBE")),
                new DomainShare.Table("sales", "orders", List.of("id"), true, List.of("SELECT", "DESCRIBE")));
    }

    @Test
    void columnsMatchingWhileTheirTableDoesNotGiveSelectButNotDescribe() {
        var shares = ShareCalculator.shares(CATALOG, List.of(grant("pii", GrantResource.TABLE, List.of("SELECT", "DESCRIBE"),
                Map.of("pii", List.of("true")))));
        assertThat(shares.get("marketing").tables()).containsExactly(
                new DomainShare.Table("sales", "customers", List.of("email"), false, List.of("SELECT")));
    }

    @Test
    void grantsToSeveralDomainsAreKeptApartAndUnionedPerDomain() {
        var shares = ShareCalculator.shares(CATALOG, List.of(
                new TagGrant("a", "marketing", GrantResource.TABLE, List.of("SELECT"), Map.of("domain", List.of("hr"))),
                new TagGrant("b", "marketing", GrantResource.TABLE, List.of("SELECT"), Map.of("classification", List.of("confidential"))),
                new TagGrant("c", "finance", GrantResource.TABLE, List.of("SELECT"), Map.of("domain", List.of("sales")))));
        assertThat(shares.get("marketing").tables()).extracting(DomainShare.Table::table).containsExactlyInAnyOrder("customers", "staff");
        assertThat(shares.get("finance").tables()).extracting(DomainShare.Table::table).containsExactly("customers", "orders");
    }
}
