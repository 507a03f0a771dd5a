package io.datamesh.lakeformation;

import io.datamesh.util.Ordered;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The databases, tables and columns of one Glue catalog with the LF-tags assigned directly to
 * each, and the inheritance rule that turns them into effective tags: a table inherits its
 * database's tags, a column its table's, and a value assigned on the child overrides the inherited
 * value for that key only.
 *
 * <p>Names and tags are kept as AWS stores them: Glue lower-cases database, table and column
 * names, and Lake Formation lower-cases LF-tag keys and values, so {@code PII=True} on a column
 * and an expression {@code pii in [true]} meet.
 */
public record TaggedCatalog(String catalogId, List<Database> databases, List<Table> tables) {
    public TaggedCatalog {
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
    }

    public record Database(String name, Map<String, String> tags) {
        public Database {
            name = lower(name);
            tags = lowerTags(tags);
        }
    }

    public record Table(String database, String name, Map<String, String> tags, List<Column> columns) {
        public Table {
            database = lower(database);
            name = lower(name);
            tags = lowerTags(tags);
            columns = List.copyOf(columns);
        }

        public String qualifiedName() {
            return database + "." + name;
        }
    }

    public record Column(String name, Map<String, String> tags) {
        public Column {
            name = lower(name);
            tags = lowerTags(tags);
        }
    }

    public Optional<Database> database(String name) {
        return databases.stream().filter(d -> d.name().equals(lower(name))).findFirst();
    }

    public Optional<Table> table(String database, String name) {
        return tables.stream().filter(t -> t.database().equals(lower(database)) && t.name().equals(lower(name))).findFirst();
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

    /** Parent tags overridden key by key by the child's own assignments: the one inheritance rule of the project. */
    public static Map<String, String> inherit(Map<String, String> parent, Map<String, String> own) {
        var merged = new LinkedHashMap<>(lowerTags(parent));
        merged.putAll(lowerTags(own));
        return merged;
    }

    /** A name as Glue stores it. */
    public static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> lowerTags(Map<String, String> tags) {
        var lowered = new LinkedHashMap<String, String>();
        tags.forEach((k, v) -> lowered.put(lower(k), lower(v)));
        return Ordered.copy(lowered);
    }
}
