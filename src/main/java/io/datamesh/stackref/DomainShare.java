package io.datamesh.stackref;

import java.util.List;

/**
 * What the central catalog's LF-tag grants give one domain account, computed by the central stack
 * from the same tags it assigns: the receiving account re-grants exactly this to its roles.
 */
public record DomainShare(List<String> databases, List<Table> tables) {
    public DomainShare {
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
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
