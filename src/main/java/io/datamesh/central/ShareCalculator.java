package io.datamesh.central;

import io.datamesh.config.TagGrant;
import io.datamesh.lakeformation.GrantReach;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.stackref.DomainShare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each domain account receives from the central LF-tag grants: the union over its grants of
 * the databases a DATABASE grant matches and, per table, the columns a TABLE grant's SELECT reaches
 * and whether the table itself matches (needed for table-level permissions such as DESCRIBE).
 */
public final class ShareCalculator {
    private ShareCalculator() {
    }

    public static Map<String, DomainShare> shares(TaggedCatalog catalog, List<TagGrant> grants) {
        Map<String, Accumulator> byDomain = new LinkedHashMap<>();
        for (TagGrant grant : grants) {
            var acc = byDomain.computeIfAbsent(grant.to(), d -> new Accumulator());
            acc.grants.add(new DomainShare.Grant(grant.name(), grant.resource(), grant.permissions(), grant.expression()));
            var expression = grant.expression();
            if (grant.resource() == LfResource.ResourceType.DATABASE) {
                acc.databases.addAll(GrantReach.matchingDatabases(catalog, expression));
                continue;
            }
            for (TaggedCatalog.Table table : catalog.tables()) {
                var reach = GrantReach.tagReach(catalog, table, expression, LfPermission.names(grant.permissions()));
                if (reach.isEmpty()) {
                    continue;
                }
                var entry = acc.tables.computeIfAbsent(table.qualifiedName(), k -> new TableAccumulator(table));
                entry.columns.addAll(reach.columns());
                reach.permissions().forEach(p -> entry.permissions.add(LfPermission.valueOf(p)));
            }
        }
        Map<String, DomainShare> result = new LinkedHashMap<>();
        byDomain.forEach((domain, acc) -> result.put(domain, acc.toShare()));
        return result;
    }

    private static final class Accumulator {
        final List<DomainShare.Grant> grants = new ArrayList<>();
        final Set<String> databases = new LinkedHashSet<>();
        final Map<String, TableAccumulator> tables = new LinkedHashMap<>();

        DomainShare toShare() {
            List<DomainShare.Table> shared = new ArrayList<>();
            tables.values().forEach(t -> shared.add(t.toTable()));
            return new DomainShare(grants, List.copyOf(databases), shared);
        }
    }

    private static final class TableAccumulator {
        final TaggedCatalog.Table table;
        final Set<String> columns = new LinkedHashSet<>();
        final Set<LfPermission> permissions = new LinkedHashSet<>();

        TableAccumulator(TaggedCatalog.Table table) {
            this.table = table;
        }

        DomainShare.Table toTable() {
            // Keep the table's column order, not the order grants happened to reach them.
            List<String> ordered = table.columns().stream().map(TaggedCatalog.Column::name)
                    .filter(columns::contains).toList();
            return new DomainShare.Table(table.database(), table.name(), ordered,
                    ordered.size() == table.columns().size(), List.copyOf(permissions));
        }
    }
}
