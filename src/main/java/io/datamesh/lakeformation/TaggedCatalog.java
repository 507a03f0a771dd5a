package io.datamesh.lakeformation;

import io.datamesh.util.Ordered;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The databases, tables and columns of one Glue catalog with the LF-tags assigned directly to
 * each, and the inheritance rule that turns them into effective tags: a table inherits its
 * database's tags, a column its table's, and a value assigned on the child overrides the inherited
 * value for that key only.
 */
public record TaggedCatalog(String catalogId, List<Database> databases, List<Table> tables) {
    public TaggedCatalog {
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
    }

    public record Database(String name, Map<String, String> tags) {
        public Database {
            tags = Ordered.copy(tags);
        }
    }

    public record Table(String database, String name, Map<String, String> tags, List<Column> columns) {
        public Table {
            tags = Ordered.copy(tags);
            columns = List.copyOf(columns);
        }

        public String qualifiedName() {
            return database + "." + name;
        }
    }

    public record Column(String name, Map<String, String> tags) {
        public Column {
            tags = Ordered.copy(tags);
        }
    }

    public Optional<Database> database(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<Table> table(String database, String name) {
        return tables.stream().filter(t -> t.database().equals(database) && t.name().equals(name)).findFirst();
    }

    public Map<String, String> effectiveTags(Database database) {
        return database.tags();
    }

    public Map<String, String> effectiveTags(Table table) {
        return inherit(database(table.database()).map(Database::tags).orElse(Map.of()), table.tags());
    }

    public Map<String, String> effectiveTags(Table table, Column column) {
        return inherit(effectiveTags(table), column.tags());
    }

    /** Parent tags overridden key by key by the child's own assignments. */
    public static Map<String, String> inherit(Map<String, String> parent, Map<String, String> own) {
        var merged = new LinkedHashMap<>(parent);
        merged.putAll(own);
        return merged;
    }
}
