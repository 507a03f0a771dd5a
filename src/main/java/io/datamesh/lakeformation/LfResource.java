package io.datamesh.lakeformation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a Lake Formation grant is on. Every resource lives in one catalog, named by its account id. */
public sealed interface LfResource {
    String catalogId();

    enum ResourceType { DATABASE, TABLE }

    /** Every database or table of the catalog whose effective tags match the expression. */
    record TagPolicy(String catalogId, ResourceType resourceType, TagExpression expression) implements LfResource {
    }

    /** A database by name; on a resource link, the link itself (not its target). */
    record Database(String catalogId, String name) implements LfResource {
        public Database {
            name = TaggedCatalog.lower(name);
        }
    }

    /** A table by name, or every table of the database when {@code name} is empty (the wildcard). */
    record Table(String catalogId, String database, Optional<String> name) implements LfResource {
        public Table {
            database = TaggedCatalog.lower(database);
            name = name.map(TaggedCatalog::lower);
        }
    }

    /**
     * Column-level SELECT on one table: the named {@code columns}, or, when {@code columns} is
     * empty (the {@code wildcard} or {@code excludedColumnNames} form), every column but {@code excluded}.
     */
    record TableColumns(String catalogId, String database, String name, Set<String> columns, Set<String> excluded)
            implements LfResource {
        public TableColumns {
            database = TaggedCatalog.lower(database);
            name = TaggedCatalog.lower(name);
            columns = columns.stream().map(TaggedCatalog::lower).collect(Collectors.toUnmodifiableSet());
            excluded = excluded.stream().map(TaggedCatalog::lower).collect(Collectors.toUnmodifiableSet());
        }

        /** Named columns only. */
        public static TableColumns named(String catalogId, String database, String name, Set<String> columns) {
            return new TableColumns(catalogId, database, name, columns, Set.of());
        }

        /** Every column of the table but these. */
        public static TableColumns allBut(String catalogId, String database, String name, Set<String> excluded) {
            return new TableColumns(catalogId, database, name, Set.of(), excluded);
        }

        public boolean reaches(String column) {
            String c = TaggedCatalog.lower(column);
            return columns.isEmpty() ? !excluded.contains(c) : columns.contains(c);
        }
    }

    /** An S3 location registered with Lake Formation (DATA_LOCATION_ACCESS). */
    record DataLocation(String catalogId, String arn) implements LfResource {
    }

    /** LF-tag values (DESCRIBE lets an account see and re-grant with the tag). */
    record TagValues(String catalogId, String key, List<String> values) implements LfResource {
        public TagValues {
            values = List.copyOf(values);
        }
    }
}
