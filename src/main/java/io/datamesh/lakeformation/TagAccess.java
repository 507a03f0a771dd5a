package io.datamesh.lakeformation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an LF-tag expression grant on resource type TABLE reaches in a catalog. SELECT is
 * column-granular: a column is readable when its effective tags match, so a column whose tag was
 * overridden (e.g. {@code pii=true}) drops out of a {@code pii=false} grant while its siblings stay.
 */
public final class TagAccess {
    private TagAccess() {
    }

    /**
     * What a grant gives on one table: SELECT only with at least one readable column, every other
     * permission only when the table's own effective tags match.
     */
    public record TableReach(List<String> permissions, List<String> columns) {
        public TableReach {
            permissions = List.copyOf(permissions);
            columns = List.copyOf(columns);
        }

        public boolean isEmpty() {
            return permissions.isEmpty();
        }
    }

    public static List<String> readableColumns(TaggedCatalog catalog, TaggedCatalog.Table table, TagExpression expression) {
        // The table's tags once, not per column: each lookup scans the catalog's databases, and
        // central runs this for every grant × table (2 s of a 50-domain plan when per column).
        Map<String, String> tableTags = catalog.effectiveTags(table);
        return table.columns().stream()
                .filter(c -> expression.matches(TaggedCatalog.inherit(tableTags, c.tags())))
                .map(TaggedCatalog.Column::name)
                .toList();
    }

    /** A TABLE expression grant of these permissions, evaluated on one table. */
    public static TableReach tableReach(TaggedCatalog catalog, TaggedCatalog.Table table, TagExpression expression,
                                        Collection<String> permissions) {
        boolean tableMatches = expression.matches(catalog.effectiveTags(table));
        List<String> columns = permissions.contains("SELECT") ? readableColumns(catalog, table, expression) : List.of();
        return new TableReach(permissions.stream()
                .filter(p -> p.equals("SELECT") ? !columns.isEmpty() : tableMatches).toList(), columns);
    }

    /** A named grant on the table (or on these of its columns): no tags involved. */
    public static TableReach namedReach(TaggedCatalog.Table table, Set<String> columnsNamed, Collection<String> permissions) {
        List<String> columns = permissions.contains("SELECT") ? table.columns().stream()
                .map(TaggedCatalog.Column::name).filter(columnsNamed::contains).toList() : List.of();
        return new TableReach(permissions.stream()
                .filter(p -> !p.equals("SELECT") || !columns.isEmpty()).toList(), columns);
    }

    /** Databases whose effective tags match: what a DATABASE grant reaches. */
    public static List<String> matchingDatabases(TaggedCatalog catalog, TagExpression expression) {
        return catalog.databases().stream()
                .filter(d -> expression.matches(catalog.effectiveTags(d)))
                .map(TaggedCatalog.Database::name)
                .toList();
    }
}
