package io.datamesh.verify;

import io.datamesh.lakeformation.Principal;

import java.util.List;

/**
 * One probe query an analyst or engineer role runs through a resource link of its account.
 *
 * @param columns  the columns the plan's access matrix gives the role; empty = the query must be refused
 * @param readsRow whether it reads a row ({@code LIMIT 1}): only then does Athena fetch the table's
 *                 objects from S3 with Lake Formation's vended credentials, and decrypt them with KMS;
 *                 {@code LIMIT 0} asks the catalog and Lake Formation only
 */
public record QueryExpectation(Principal role, String workgroup, String link, String table, List<String> columns,
                               boolean readsRow) {
    public QueryExpectation {
        columns = List.copyOf(columns);
    }

    public boolean mustBeRefused() {
        return columns.isEmpty();
    }

    /** What the analyst types: the link and table quoted, so names Athena would reject unquoted still run. */
    public String sql() {
        return "SELECT * FROM \"" + link + "\".\"" + table + "\" LIMIT " + (readsRow ? 1 : 0);
    }

    public String subject() {
        return role.lakeFormationId() + " on " + link + "." + table + (readsRow ? " (one row)" : "");
    }
}
