package io.datamesh.lakeformation;

/**
 * A Glue database in a domain account that points at a database of another catalog. Queries name
 * the link; Lake Formation checks DESCRIBE on the link and SELECT on the target.
 */
public record ResourceLink(String account, String name, String targetCatalogId, String targetDatabase) {
}
