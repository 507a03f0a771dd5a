package io.datamesh.verify;

import io.datamesh.lakeformation.Principal;

import java.util.List;

/**
 * One zero-row query an analyst or engineer role runs through a resource link of its account.
 *
 * @param columns the columns the plan's access matrix gives the role; empty = the query must be refused
 */
public record QueryExpectation(Principal role, String workgroup, String link, String table, List<String> columns) {
    public QueryExpectation {
        columns = List.copyOf(columns);
    }

    public boolean mustBeRefused() {
        return columns.isEmpty();
    }

    /** What the analyst types: the link and table quoted, so names Athena would reject unquoted still run. */
    public String sql() {
        return "SELECT * FROM \"" + link + "\".\"" + table + "\" LIMIT 0";
    }

    public String subject() {
        return role.lakeFormationId() + " on " + link + "." + table;
    }
}
