package io.datamesh.lakeformation;

import io.datamesh.lakeformation.AccessExplainer.MissingStep;
import io.datamesh.lakeformation.LfResource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lake Formation access semantics, table-driven, on a catalog modelled on the AWS documentation's
 * LF-TBAC examples: a {@code retail} database whose {@code customers} table inherits the database's
 * tags, overrides one ({@code location}), and has a {@code credit_limit} column tagged
 * {@code level=vp} and a {@code name} column tagged {@code pii=true}; expressions combine keys with
 * AND and values with OR ({@code (module: [sales, marketing]) AND (location: [US, Canada])}).
 */
class AccessEvaluatorTest {
    static final String CENTRAL = "111122223333";
    static final String CONSUMER = "444455556666";
    static final Principal CENTRAL_ROLE = Principal.role(CENTRAL, "analyst");
    static final Principal CONSUMER_ACCOUNT = Principal.account(CONSUMER);
    static final Principal CONSUMER_ROLE = Principal.role(CONSUMER, "analyst");
    static final List<String> ORDERS = List.of("order_id", "amount");
    static final List<String> CUSTOMERS = List.of("customer_id", "name", "credit_limit");

    static final TaggedCatalog CATALOG = new TaggedCatalog(CENTRAL,
            List.of(new TaggedCatalog.Database("retail", Map.of("module", "sales", "location", "US", "pii", "false"))),
            List.of(new TaggedCatalog.Table("retail", "orders", Map.of(), columns(ORDERS, Map.of())),
                    new TaggedCatalog.Table("retail", "customers", Map.of("location", "Canada"), columns(CUSTOMERS,
                            Map.of("name", Map.of("pii", "true"), "credit_limit", Map.of("level", "vp"))))));
    static final ResourceLink LINK = new ResourceLink(CONSUMER, "shared_retail", CENTRAL, "retail");

    /** One question: a principal, the grants and links of the mesh, and a table (or column). */
    record Case(String description, Principal principal, List<Grant> grants, List<ResourceLink> links,
                String table, Optional<String> column) {
        Case column(String name) {
            return new Case(description, principal, grants, links, table, Optional.of(name));
        }

        AccessEvaluator.CatalogTable target() {
            return new AccessEvaluator(model()).tables("retail", table).get(0);
        }

        AccessModel model() {
            return new AccessModel(List.of(CATALOG), links, grants, List.of());
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Object[]> readableColumns() {
        return Stream.of(
                row(sameAccount("a table inherits its database's tags", "orders",
                        tableGrant(CENTRAL_ROLE, Map.of("module", List.of("sales")))), ORDERS),
                row(sameAccount("a column inherits its table's tags", "customers",
                        tableGrant(CENTRAL_ROLE, Map.of("module", List.of("sales")))), CUSTOMERS),
                row(sameAccount("a table's own value overrides the database's", "customers",
                        tableGrant(CENTRAL_ROLE, Map.of("location", List.of("US")))), List.of()),
                row(sameAccount("AND across keys, OR within a key", "customers",
                        tableGrant(CENTRAL_ROLE, Map.of("module", List.of("sales", "marketing"),
                                "location", List.of("US", "Canada")))), CUSTOMERS),
                row(sameAccount("every key must match", "orders",
                        tableGrant(CENTRAL_ROLE, Map.of("module", List.of("marketing"), "location", List.of("US")))), List.of()),
                row(sameAccount("no value for a key matches nothing but the columns that carry it", "customers",
                        tableGrant(CENTRAL_ROLE, Map.of("level", List.of("vp")))), List.of("credit_limit")),
                row(sameAccount("a column override excludes the column, not its table", "customers",
                        tableGrant(CENTRAL_ROLE, Map.of("pii", List.of("false")))), List.of("customer_id", "credit_limit")),
                row(sameAccount("a DATABASE grant gives no table access", "orders",
                        grant("db", CENTRAL, CENTRAL_ROLE, List.of("DESCRIBE"), List.of(),
                                new LfResource.TagPolicy(CENTRAL, ResourceType.DATABASE, expression(Map.of("module", List.of("sales")))))),
                        List.of()),
                row(sameAccount("a named grant widens what the tags give (union)", "customers",
                        tableGrant(CENTRAL_ROLE, Map.of("pii", List.of("false"))),
                        grant("named", CENTRAL, CENTRAL_ROLE, List.of("SELECT"), List.of(),
                                LfResource.TableColumns.named(CENTRAL, "retail", "customers", Set.of("name")))), CUSTOMERS),
                row(sameAccount("a named table wildcard reaches every table of the database", "customers",
                        grant("all-tables", CENTRAL, CENTRAL_ROLE, List.of("SELECT"), List.of(),
                                new LfResource.Table(CENTRAL, "retail", Optional.empty()))), CUSTOMERS),
                row(crossAccount("the account's grant alone does not reach its roles", "orders", List.of(LINK),
                        accountGrant(Map.of("module", List.of("sales")), true), linkDescribe()), List.of()),
                row(crossAccount("account grant, re-grant, link and DESCRIBE on it: the role reads", "orders", List.of(LINK),
                        accountGrant(Map.of("module", List.of("sales")), true), regrant(Map.of("module", List.of("sales"))),
                        linkDescribe()), ORDERS),
                row(crossAccount("a re-grant cannot exceed what the account received", "customers", List.of(LINK),
                        accountGrant(Map.of("pii", List.of("false")), true), regrant(Map.of("module", List.of("sales"))),
                        linkDescribe()), List.of("customer_id", "credit_limit")),
                row(crossAccount("without DESCRIBE on the link the role reads nothing", "orders", List.of(LINK),
                        accountGrant(Map.of("module", List.of("sales")), true), regrant(Map.of("module", List.of("sales")))),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void readableColumns(Case question, List<String> expected) {
        var access = new AccessEvaluator(question.model()).access(question.principal(), question.target());
        assertEquals(expected, access.columns());
        assertEquals(!expected.isEmpty(), access.permissions().contains("SELECT"), access.toString());
    }

    static Stream<Object[]> firstMissingStep() {
        return Stream.of(
                row(sameAccount("nothing granted", "orders"), MissingStep.NO_GRANT, "grants nothing on tables"),
                row(sameAccount("only a DATABASE grant", "orders",
                        grant("db", CENTRAL, CENTRAL_ROLE, List.of("DESCRIBE"), List.of(),
                                new LfResource.TagPolicy(CENTRAL, ResourceType.DATABASE, expression(Map.of("module", List.of("sales")))))),
                        MissingStep.NO_GRANT, "only db, which do not reach tables"),
                row(sameAccount("table override mismatches", "customers",
                        tableGrant(CENTRAL_ROLE, Map.of("location", List.of("US")))), MissingStep.EXPRESSION_MISMATCH,
                        "mismatch on key location with allowed values [us] (retail.customers has location=canada from table retail.customers)"),
                row(sameAccount("no value is no match", "orders",
                        tableGrant(CENTRAL_ROLE, Map.of("level", List.of("vp")))), MissingStep.EXPRESSION_MISMATCH,
                        "has no value for level"),
                row(sameAccount("column excluded by its override", "customers",
                        tableGrant(CENTRAL_ROLE, Map.of("pii", List.of("false")))).column("name"), MissingStep.COLUMN_OVERRIDE,
                        "column tag pii=true overrides the inherited pii=false (from database retail)"),
                row(crossAccount("account holds SELECT without the grant option", "orders", List.of(LINK),
                        accountGrant(Map.of("module", List.of("sales")), false), regrant(Map.of("module", List.of("sales"))),
                        linkDescribe()), MissingStep.NO_GRANT_OPTION, "account-grant give account " + CONSUMER),
                row(crossAccount("no re-grant to the role", "orders", List.of(LINK),
                        accountGrant(Map.of("module", List.of("sales")), true), linkDescribe()),
                        MissingStep.NO_REGRANT, "has not re-granted it"),
                row(crossAccount("a re-grant that matches other tables", "customers", List.of(LINK),
                        accountGrant(Map.of("module", List.of("sales")), true), regrant(Map.of("location", List.of("US"))),
                        linkDescribe()), MissingStep.NO_REGRANT, "re-grant re-grant: expression mismatch on key location"),
                row(crossAccount("re-granted but no resource link", "orders", List.of(),
                        accountGrant(Map.of("module", List.of("sales")), true), regrant(Map.of("module", List.of("sales")))),
                        MissingStep.NO_RESOURCE_LINK, "no resource link to " + CENTRAL + ".retail"),
                row(new Case("no DESCRIBE on the target database", CONSUMER_ROLE, List.of(
                                accountGrant(Map.of("module", List.of("sales")), true), regrant(Map.of("module", List.of("sales"))),
                                linkDescribe()), List.of(LINK), "orders", Optional.empty()),
                        MissingStep.NO_DATABASE_DESCRIBE, "no DESCRIBE on database " + CENTRAL + ".retail"),
                row(crossAccount("a link but no DESCRIBE on it", "orders", List.of(LINK),
                        accountGrant(Map.of("module", List.of("sales")), true), regrant(Map.of("module", List.of("sales")))),
                        MissingStep.NO_LINK_DESCRIBE, "no DESCRIBE on the resource link shared_retail"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void firstMissingStep(Case question, MissingStep expected, String reason) {
        var explanation = new AccessEvaluator(question.model()).explain(question.principal(), question.target(), question.column());
        assertEquals(Optional.of(expected), explanation.missing(), explanation.reasons().toString());
        assertTrue(String.join("\n", explanation.reasons()).contains(reason), explanation.reasons().toString());
    }

    @Test
    void anAllowedColumnNamesTheGrantsAndTheTagsThatMatched() {
        var question = crossAccount("allowed", "customers", List.of(LINK), accountGrant(Map.of("pii", List.of("false")), true),
                regrant(Map.of("pii", List.of("false"))), linkDescribe()).column("credit_limit");
        var explanation = new AccessEvaluator(question.model()).explain(question.principal(), question.target(), question.column());
        assertTrue(explanation.allowed());
        assertEquals(List.of("account-grant", "re-grant", "database-describe", "link-describe"),
                explanation.reasons().stream().map(r -> r.substring(0, r.indexOf(':'))).toList());
        assertTrue(explanation.reasons().get(0).contains("pii=false (from database retail)"), explanation.reasons().get(0));
    }

    static Object[] row(Object... values) {
        return values;
    }

    static Case sameAccount(String description, String table, Grant... grants) {
        return new Case(description, CENTRAL_ROLE, List.of(grants), List.of(), table, Optional.empty());
    }

    /** A role of the consumer account, which central also lets DESCRIBE the retail database (queries through a link need it). */
    static Case crossAccount(String description, String table, List<ResourceLink> links, Grant... grants) {
        List<Grant> all = new ArrayList<>(List.of(grants));
        all.add(databaseDescribe());
        return new Case(description, CONSUMER_ROLE, all, links, table, Optional.empty());
    }

    static Grant databaseDescribe() {
        return grant("database-describe", CENTRAL, CONSUMER_ROLE, List.of("DESCRIBE"), List.of(),
                new LfResource.TagPolicy(CENTRAL, ResourceType.DATABASE, expression(Map.of("module", List.of("sales")))));
    }

    static Grant tableGrant(Principal to, Map<String, List<String>> expression) {
        return grant("tag-grant", CENTRAL, to, List.of("SELECT", "DESCRIBE"), List.of(),
                new LfResource.TagPolicy(CENTRAL, ResourceType.TABLE, expression(expression)));
    }

    static Grant accountGrant(Map<String, List<String>> expression, boolean withGrantOption) {
        var permissions = List.of("SELECT", "DESCRIBE");
        return grant("account-grant", CENTRAL, CONSUMER_ACCOUNT, permissions, withGrantOption ? permissions : List.of(),
                new LfResource.TagPolicy(CENTRAL, ResourceType.TABLE, expression(expression)));
    }

    static Grant regrant(Map<String, List<String>> expression) {
        return grant("re-grant", CONSUMER, CONSUMER_ROLE, List.of("SELECT", "DESCRIBE"), List.of(),
                new LfResource.TagPolicy(CENTRAL, ResourceType.TABLE, expression(expression)));
    }

    static Grant linkDescribe() {
        return grant("link-describe", CONSUMER, CONSUMER_ROLE, List.of("DESCRIBE"), List.of(),
                new LfResource.Database(CONSUMER, LINK.name()));
    }

    static Grant grant(String name, String grantor, Principal to, List<String> permissions, List<String> grantable,
                       LfResource resource) {
        return new Grant(name, grantor, to, permissions, grantable, resource);
    }

    // Sorted keys keep "first mismatch" deterministic whatever order Map.of iterates in.
    static TagExpression expression(Map<String, List<String>> clauses) {
        return TagExpression.of(new TreeMap<>(clauses));
    }

    static List<TaggedCatalog.Column> columns(List<String> names, Map<String, Map<String, String>> tags) {
        List<TaggedCatalog.Column> columns = new ArrayList<>();
        names.forEach(n -> columns.add(new TaggedCatalog.Column(n, tags.getOrDefault(n, Map.of()))));
        return columns;
    }
}
