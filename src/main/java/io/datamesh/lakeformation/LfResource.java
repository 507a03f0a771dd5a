package io.datamesh.lakeformation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a Lake Formation grant is on. Every resource lives in one catalog, named by its account id. */
public sealed interface LfResource {
    String catalogId();

    enum ResourceType { DATABASE, TABLE }

    /** Every database or table of the catalog whose effective tags match the expression. */
    record TagPolicy(String catalogId, ResourceType resourceType, TagExpression expression) implements LfResource {
    }

    /** A database by name; on a resource link, the link itself (not its target). */
    record Database(String catalogId, String name) implements LfResource {
    }

    /** A table by name, or every table of the database when {@code name} is empty (the wildcard). */
    record Table(String catalogId, String database, Optional<String> name) implements LfResource {
    }

    /** Some columns of a table: column-level SELECT. */
    record TableColumns(String catalogId, String database, String name, Set<String> columns) implements LfResource {
        public TableColumns {
            columns = Set.copyOf(columns);
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
