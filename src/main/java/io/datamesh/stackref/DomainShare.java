package io.datamesh.stackref;

import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.TagExpression;

import java.util.List;

/**
 * What the central catalog's LF-tag grants give one domain: the grants as configured (central makes
 * them to the domain's query roles; published so a domain's reviewer sees what it receives) and what
 * they reach, computed by the central stack from the tags it assigns (databases to link, tables and
 * columns to query). Central publishes one per domain in its {@code shares} output.
 *
 * @param version the wire format's version: a domain stack refuses a version it does not know
 */
public record DomainShare(int version, List<Grant> grants, List<String> databases, List<Table> tables) {
    public static final int VERSION = 1;
    public static final DomainShare NONE = new DomainShare(List.of(), List.of(), List.of());

    public DomainShare {
        grants = List.copyOf(grants);
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
    }

    /** A share in this program's format. */
    public DomainShare(List<Grant> grants, List<String> databases, List<Table> tables) {
        this(VERSION, grants, databases, tables);
    }

    /** An LF-tag expression grant to the domain, as configured centrally. */
    public record Grant(String name, LfResource.ResourceType resource, List<LfPermission> permissions,
                        TagExpression expression) {
        public Grant {
            permissions = List.copyOf(permissions);
        }
    }

    /**
     * @param allColumns true when every column of the table is readable (no column excluded by tags)
     */
    public record Table(String database, String table, List<String> columns, boolean allColumns,
                        List<LfPermission> permissions) {
        public Table {
            columns = List.copyOf(columns);
            permissions = List.copyOf(permissions);
        }
    }
}
