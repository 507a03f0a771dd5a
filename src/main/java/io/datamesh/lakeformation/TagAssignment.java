package io.datamesh.lakeformation;

import io.datamesh.resource.Props;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One tag value assigned directly to a database ({@code names} = [database]), a table
 * ([database, table]) or a column ([database, table, column]).
 *
 * @param catalogId the catalog named on the resource or the assignment, if any
 */
public record TagAssignment(Optional<String> catalogId, List<String> names, String key, String value) {

    /** What one {@code ResourceLfTag} resource assigns: one entry, or one per column. */
    public static List<TagAssignment> read(Props in) {
        Optional<String> key = in.string("lfTag", "key");
        Optional<String> value = in.string("lfTag", "value");
        if (key.isEmpty() || value.isEmpty()) {
            return List.of();
        }
        Optional<String> catalog = in.string("catalogId");
        List<TagAssignment> assignments = new ArrayList<>();
        in.object("database").ifPresent(db -> db.string("name").ifPresent(name -> assignments.add(new TagAssignment(
                db.string("catalogId").or(() -> catalog), List.of(name), key.get(), value.get()))));
        in.object("table").ifPresent(t -> assignments.add(new TagAssignment(t.string("catalogId").or(() -> catalog),
                tableNames(t), key.get(), value.get())));
        in.object("tableWithColumns").ifPresent(t -> t.strings("columnNames").forEach(column -> {
            var names = new ArrayList<>(tableNames(t));
            names.add(column);
            assignments.add(new TagAssignment(t.string("catalogId").or(() -> catalog), List.copyOf(names), key.get(),
                    value.get()));
        }));
        return assignments;
    }

    private static List<String> tableNames(Props table) {
        return List.of(table.string("databaseName").orElse(""), table.string("name").orElse(""));
    }
}
