package io.datamesh.lakeformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Who can do what on every table of a mesh, and why (not). */
public final class AccessEvaluator {
    private final AccessModel model;

    public AccessEvaluator(AccessModel model) {
        this.model = model;
    }

    /**
     * One principal's access to one table.
     *
     * @param columns the columns SELECT reads (empty without SELECT)
     * @param via     names of the grants it rests on: the catalog owner's grant, the re-grant, the link DESCRIBE
     */
    public record TableAccess(Principal principal, String catalogId, String database, String table,
                              List<String> columns, List<String> permissions, List<String> via) {
        public TableAccess {
            columns = List.copyOf(columns);
            permissions = List.copyOf(permissions);
            via = List.copyOf(via);
        }

        public boolean isEmpty() {
            return permissions.isEmpty();
        }
    }

    /** A table and the catalog it lives in. */
    public record CatalogTable(TaggedCatalog catalog, TaggedCatalog.Table table) {
    }

    /** Every role's non-empty access to every table, roles in model order, tables in catalog order. */
    public List<TableAccess> matrix() {
        List<TableAccess> rows = new ArrayList<>();
        for (Principal role : model.rolePrincipals()) {
            for (CatalogTable table : tables()) {
                var access = access(role, table);
                if (!access.isEmpty()) {
                    rows.add(access);
                }
            }
        }
        return rows;
    }

    public TableAccess access(Principal principal, CatalogTable table) {
        var path = path(principal, table);
        var effective = path.effective();
        return new TableAccess(principal, table.catalog().catalogId(), table.table().database(), table.table().name(),
                effective.columns(), effective.permissions(), path.via().stream().map(Grant::name).toList());
    }

    /** Why the principal can (or cannot) read the table, or one column of it. */
    public AccessExplainer.Explanation explain(Principal principal, CatalogTable table, Optional<String> column) {
        return AccessExplainer.explain(path(principal, table), column);
    }

    public List<CatalogTable> tables() {
        return model.catalogs().stream()
                .flatMap(c -> c.tables().stream().map(t -> new CatalogTable(c, t)))
                .toList();
    }

    /** Tables named {@code database.table} in any catalog. */
    public List<CatalogTable> tables(String database, String table) {
        return tables().stream()
                .filter(t -> t.table().database().equals(database) && t.table().name().equals(table))
                .toList();
    }

    private AccessPath path(Principal principal, CatalogTable table) {
        return AccessPath.of(model, principal, table.catalog(), table.table());
    }
}
