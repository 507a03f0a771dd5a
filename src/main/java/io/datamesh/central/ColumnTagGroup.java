package io.datamesh.central;

import io.datamesh.config.ContractColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns of a table that override one LF-tag with the same value: one tag assignment covers
 * them all, so assignments grow with the distinct overrides, not with the columns.
 *
 * @param columns in the contract's column order
 */
public record ColumnTagGroup(String key, String value, List<String> columns) {
    public ColumnTagGroup {
        columns = List.copyOf(columns);
    }

    /** The groups of the columns' own tags, ordered by key, then value; columns without tags inherit and join none. */
    public static List<ColumnTagGroup> of(List<ContractColumn> columns) {
        Map<String, Map<String, List<String>>> byKeyThenValue = new TreeMap<>();
        for (ContractColumn column : columns) {
            column.tags().forEach((key, value) -> byKeyThenValue.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(value, v -> new ArrayList<>()).add(column.name()));
        }
        List<ColumnTagGroup> groups = new ArrayList<>();
        byKeyThenValue.forEach((key, byValue) -> byValue.forEach((value, names) ->
                groups.add(new ColumnTagGroup(key, value, names))));
        return List.copyOf(groups);
    }
}
