package io.datamesh.stackref;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * What the central catalog's LF-tag grants give one domain: the grants as configured (central makes
 * them to the domain's query roles; published so a domain's reviewer sees what it receives) and what
 * they reach, computed by the central stack from the tags it assigns (databases to link, tables and
 * columns to query).
 */
public record DomainShare(List<Grant> grants, List<String> databases, List<Table> tables) {
    public static final DomainShare NONE = new DomainShare(List.of(), List.of(), List.of());

    public DomainShare {
        grants = List.copyOf(grants);
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
    }

    /** An LF-tag expression grant to the domain, as configured centrally. */
    public record Grant(String name, String resource, List<String> permissions, Map<String, List<String>> expression) {
        public Grant {
            permissions = List.copyOf(permissions);
            expression = Ordered.copy(expression);
        }
    }

    /**
     * @param allColumns true when every column of the table is readable (no column excluded by tags)
     */
    public record Table(String database, String table, List<String> columns, boolean allColumns,
                        List<String> permissions) {
        public Table {
            columns = List.copyOf(columns);
            permissions = List.copyOf(permissions);
        }
    }
}
