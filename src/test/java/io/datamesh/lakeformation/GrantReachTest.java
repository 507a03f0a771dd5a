package io.datamesh.lakeformation;

import io.datamesh.lakeformation.LfResource.ResourceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each grant form, one row each, on one catalog: database {@code retail} tagged
 * {@code domain=sales, pii=false}; table {@code customers} overriding {@code Classification=Confidential}
 * (mixed case, as a user may write it) with a column {@code email} tagged {@code pii=true}; table
 * {@code orders} inheriting everything.
 */
class GrantReachTest {
    static final String CATALOG = "111111111111";
    static final TaggedCatalog RETAIL = new TaggedCatalog(CATALOG,
            List.of(new TaggedCatalog.Database("retail", Map.of("domain", "sales", "pii", "false", "classification", "internal"))),
            List.of(new TaggedCatalog.Table("retail", "customers", Map.of("Classification", "Confidential"), List.of(
                            new TaggedCatalog.Column("id", Map.of()),
                            new TaggedCatalog.Column("Email", Map.of("PII", "TRUE")),
                            new TaggedCatalog.Column("country", Map.of()))),
                    new TaggedCatalog.Table("retail", "orders", Map.of(), List.of(
                            new TaggedCatalog.Column("order_id", Map.of()), new TaggedCatalog.Column("amount", Map.of())))));
    static final List<String> SELECT_DESCRIBE = List.of("SELECT", "DESCRIBE");

    static LfResource tags(ResourceType type, Map<String, List<String>> expression) {
        return new LfResource.TagPolicy(CATALOG, type, TagExpression.of(expression));
    }

    static Stream<Object[]> reach() {
        return Stream.of(
                row("tag expression: column-granular SELECT, override excludes the column", "customers",
                        tags(ResourceType.TABLE, Map.of("domain", List.of("sales"), "pii", List.of("false"))), SELECT_DESCRIBE,
                        List.of("id", "country"), SELECT_DESCRIBE),
                row("tag expression: keys and values match whatever their case", "customers",
                        tags(ResourceType.TABLE, Map.of("PII", List.of("True"))), SELECT_DESCRIBE,
                        List.of("email"), List.of("SELECT")),
                row("tag expression: a table's own value overrides its database's", "customers",
                        tags(ResourceType.TABLE, Map.of("classification", List.of("internal"))), SELECT_DESCRIBE,
                        List.of(), List.of()),
                row("tag expression: inherited through database and table", "orders",
                        tags(ResourceType.TABLE, Map.of("classification", List.of("internal"))), SELECT_DESCRIBE,
                        List.of("order_id", "amount"), SELECT_DESCRIBE),
                row("tag expression: no value for a key never matches", "orders",
                        tags(ResourceType.TABLE, Map.of("owner", List.of("x"))), SELECT_DESCRIBE, List.of(), List.of()),
                row("DATABASE tag expression reaches no table", "orders",
                        tags(ResourceType.DATABASE, Map.of("domain", List.of("sales"))), List.of("DESCRIBE"), List.of(), List.of()),
                row("named table: every column, tags ignored", "customers",
                        new LfResource.Table(CATALOG, "Retail", Optional.of("Customers")), SELECT_DESCRIBE,
                        List.of("id", "email", "country"), SELECT_DESCRIBE),
                row("named table: another table is not reached", "orders",
                        new LfResource.Table(CATALOG, "retail", Optional.of("customers")), SELECT_DESCRIBE, List.of(), List.of()),
                row("table wildcard: every table of the database", "orders",
                        new LfResource.Table(CATALOG, "retail", Optional.empty()), SELECT_DESCRIBE,
                        List.of("order_id", "amount"), SELECT_DESCRIBE),
                row("tableWithColumns columnNames: only those", "customers",
                        LfResource.TableColumns.named(CATALOG, "retail", "customers", Set.of("ID")), List.of("SELECT"),
                        List.of("id"), List.of("SELECT")),
                row("tableWithColumns excludedColumnNames: every column but those", "customers",
                        LfResource.TableColumns.allBut(CATALOG, "retail", "customers", Set.of("email")), List.of("SELECT"),
                        List.of("id", "country"), List.of("SELECT")),
                row("tableWithColumns wildcard without exclusions: every column", "customers",
                        LfResource.TableColumns.allBut(CATALOG, "retail", "customers", Set.of()), List.of("SELECT"),
                        List.of("id", "email", "country"), List.of("SELECT")),
                row("a grant on another catalog reaches nothing here", "orders",
                        new LfResource.Table("999999999999", "retail", Optional.empty()), SELECT_DESCRIBE, List.of(), List.of()),
                row("a named grant without SELECT reads no column but keeps DESCRIBE", "customers",
                        new LfResource.Table(CATALOG, "retail", Optional.of("customers")), List.of("DESCRIBE"),
                        List.of(), List.of("DESCRIBE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void reach(String description, String table, LfResource resource, List<String> granted,
               List<String> columns, List<String> permissions) {
        var reach = GrantReach.of(resource, granted, RETAIL, RETAIL.table("retail", table).orElseThrow());
        assertEquals(columns, reach.columns(), description);
        assertEquals(permissions, reach.permissions(), description);
    }

    static Object[] row(Object... values) {
        return values;
    }
}
