package io.datamesh.access;

import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.names.MeshNames;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.Props;
import io.datamesh.resource.ResourceTypes;
import io.datamesh.util.Ordered;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data products' contracts as the plan declares them in the catalog: each declared Glue table
 * with its owner, its contract version, its columns' types and the LF-tags assigned to it and to
 * each column. Read from the planned resources, like the access model, so a plan JSON is as good a
 * source as a directory of stack files.
 */
public final class PlannedContracts {
    private PlannedContracts() {
    }

    /**
     * One table's contract.
     *
     * @param table      {@code database.table}
     * @param columns    column name → Glue type, in declaration order
     * @param columnTags column name → the LF-tags assigned to the column itself
     */
    public record Contract(String table, Optional<String> owner, Optional<String> version, Map<String, String> columns,
                           Map<String, String> tableTags, Map<String, Map<String, String>> columnTags) {
        public Contract {
            columns = Ordered.copy(columns);
            tableTags = Ordered.copy(tableTags);
            columnTags = Ordered.copy(columnTags);
        }

        public String ownerText() {
            return owner.orElse("-");
        }

        public String versionText() {
            return version.orElse("-");
        }
    }

    /** What changed in one table's contract between a base and a head; a table absent on one side has no entry. */
    public record Change(String table, Contract base, Contract head, List<String> changes) {
        public Change {
            changes = List.copyOf(changes);
        }

        /** {@code 1.0.0 → 1.1.0}, or the one version when it did not change. */
        public String versions() {
            return Objects.equals(base.version(), head.version()) ? head.versionText()
                    : base.versionText() + " → " + head.versionText();
        }
    }

    /** Every declared table of the planned stacks, in plan order, keyed by {@code database.table}. */
    public static Map<String, Contract> of(List<PlanAccess.PlannedStack> stacks, AccessModel model) {
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (var stack : stacks) {
            for (PlannedResource r : stack.resources()) {
                Props in = Props.of(r.inputs());
                if (!r.type().equals(ResourceTypes.GLUE_TABLE) || in.object("storageDescriptor").isEmpty()) {
                    continue;
                }
                String catalogId = in.string("catalogId").filter(c -> !c.isBlank()).orElse(stack.account());
                String database = TaggedCatalog.lower(in.string("databaseName").orElseThrow());
                String name = TaggedCatalog.lower(in.string("name").orElseThrow());
                Optional<TaggedCatalog.Table> tagged = model.catalog(catalogId).flatMap(c -> c.table(database, name));
                Map<String, String> columns = new LinkedHashMap<>();
                Map<String, Map<String, String>> columnTags = new LinkedHashMap<>();
                for (Props column : in.objects("storageDescriptor", "columns")) {
                    String columnName = TaggedCatalog.lower(column.string("name").orElseThrow());
                    columns.put(columnName, column.string("type").orElse(""));
                    columnTags.put(columnName, tagged.flatMap(t -> t.columns().stream()
                            .filter(c -> c.name().equals(columnName)).findFirst())
                            .map(TaggedCatalog.Column::tags).orElse(Map.of()));
                }
                contracts.put(database + "." + name, new Contract(database + "." + name,
                        in.string("owner").filter(o -> !o.isBlank()),
                        in.string("parameters", MeshNames.CONTRACT_VERSION_PARAMETER).filter(v -> !v.isBlank()),
                        columns, tagged.map(TaggedCatalog.Table::tags).orElse(Map.of()), columnTags));
            }
        }
        return contracts;
    }

    /** The tables whose contract changed between base and head: columns added or removed, types, tags, owner, version. */
    public static List<Change> changes(Map<String, Contract> base, Map<String, Contract> head) {
        List<Change> changes = new ArrayList<>();
        head.forEach((table, now) -> {
            Contract then = base.get(table);
            if (then == null) {
                return;
            }
            List<String> lines = new ArrayList<>();
            now.columns().forEach((column, type) -> {
                String before = then.columns().get(column);
                if (before == null) {
                    lines.add("column " + column + " added (" + type + tagsSuffix(now.columnTags().get(column)) + ")");
                } else if (!before.equals(type)) {
                    lines.add("column " + column + " type " + before + " → " + type);
                }
            });
            then.columns().keySet().stream().filter(c -> !now.columns().containsKey(c))
                    .forEach(c -> lines.add("column " + c + " removed"));
            tagChange("table", then.tableTags(), now.tableTags()).ifPresent(lines::add);
            now.columns().keySet().stream().filter(then.columns()::containsKey).forEach(c ->
                    tagChange("column " + c, then.columnTags().get(c), now.columnTags().get(c)).ifPresent(lines::add));
            if (!then.owner().equals(now.owner())) {
                lines.add("owner " + then.ownerText() + " → " + now.ownerText());
            }
            if (!lines.isEmpty() || !then.version().equals(now.version())) {
                changes.add(new Change(table, then, now, lines));
            }
        });
        return changes;
    }

    /** A classification (or any LF-tag) change of a table or column, e.g. {@code column email tags pii=true → none}. */
    private static Optional<String> tagChange(String what, Map<String, String> before, Map<String, String> after) {
        return before.equals(after) ? Optional.empty()
                : Optional.of(what + " tags " + tagsText(before) + " → " + tagsText(after));
    }

    private static String tagsSuffix(Map<String, String> tags) {
        return tags.isEmpty() ? "" : ", " + tagsText(tags);
    }

    static String tagsText(Map<String, String> tags) {
        return tags.isEmpty() ? "none" : tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
