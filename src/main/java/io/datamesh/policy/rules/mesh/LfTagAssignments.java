package io.datamesh.policy.rules.mesh;

import io.datamesh.lakeformation.TagAssignment;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.resource.ResourceTypes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LF-tags a stack assigns (its {@code ResourceLfTag} resources) and the values its
 * {@code LfTag} resources allow, with Lake Formation's inheritance ({@link TaggedCatalog#inherit}:
 * a table inherits its database's tags and a column its table's, and a child's value for a key
 * overrides the inherited one; keys and values lower-cased as Lake Formation stores them).
 */
public final class LfTagAssignments {
    private final Map<String, Map<String, String>> assigned = new HashMap<>();
    private final Map<String, List<String>> allowedValues = new LinkedHashMap<>();

    private LfTagAssignments() {
    }

    public static LfTagAssignments of(StackResources stack) {
        LfTagAssignments tags = new LfTagAssignments();
        for (var entry : stack.ofType(ResourceTypes.LF_RESOURCE_TAG)) {
            TagAssignment.read(entry.inputs()).forEach(a -> tags.assign(path(a.names().toArray(String[]::new)), a.key(), a.value()));
        }
        for (var tag : stack.ofType(ResourceTypes.LF_TAG)) {
            tag.inputs().string("key").ifPresent(key -> tags.allowedValues.put(TaggedCatalog.lower(key),
                    tag.inputs().strings("values").stream().map(TaggedCatalog::lower).toList()));
        }
        return tags;
    }

    /** Allowed values by tag key, as the stack's own LfTag resources define them (lower case, as stored). */
    public Map<String, List<String>> allowedValues() {
        return allowedValues;
    }

    public Map<String, String> ofDatabase(String database) {
        return effective(path(database));
    }

    public Map<String, String> ofTable(String database, String table) {
        return effective(path(database), path(database, table));
    }

    public Map<String, String> ofColumn(String database, String table, String column) {
        return effective(path(database), path(database, table), path(database, table, column));
    }

    /** The columns of a table that carry a tag of their own (the table's and database's tags are not counted). */
    public List<String> columnsTagged(String database, String table) {
        String prefix = path(database, table) + "/";
        return assigned.keySet().stream().filter(p -> p.startsWith(prefix))
                .map(p -> p.substring(prefix.length())).sorted().toList();
    }

    /** The tables of a database that carry a tag of their own or have a column that does. */
    public List<String> tablesTagged(String database) {
        String prefix = path(database) + "/";
        return assigned.keySet().stream().filter(p -> p.startsWith(prefix))
                .map(p -> p.substring(prefix.length()).split("/", 2)[0]).distinct().sorted().toList();
    }

    private Map<String, String> effective(String... fromOuterToInner) {
        Map<String, String> result = Map.of();
        for (String p : fromOuterToInner) {
            result = TaggedCatalog.inherit(result, assigned.getOrDefault(p, Map.of()));
        }
        return result;
    }

    private void assign(String resourcePath, String key, String value) {
        assigned.computeIfAbsent(resourcePath, p -> new LinkedHashMap<>()).put(key, value);
    }

    // Glue stores names in lower case, so the catalog treats Sales and sales as one resource.
    private static String path(String... names) {
        return String.join("/", names).toLowerCase(Locale.ROOT);
    }
}
