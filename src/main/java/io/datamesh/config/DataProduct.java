package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A producer's data contract: what the table is, where its files live, its schema and its tags,
 * read from {@code datamesh:dataProducts} or from an ODCS contract file ({@code datamesh:contracts}).
 *
 * @param format  one of {@code csv}, {@code json}, {@code parquet}
 * @param prefix  the S3 prefix under the domain's data bucket, ending in '/'
 * @param quality the table-level ODCS quality rules (row count, duplicates over several columns)
 * @param owner   who answers for the product: an ODCS contract's team (docs/contracts.md); the
 *                catalog table's Owner, so central and every consumer see it
 * @param version the ODCS contract's version, kept on the catalog table; empty for
 *                {@code datamesh:dataProducts}, which have none
 * @param contract the contract file it was read from, for problems found later (against the
 *                 central ontology); empty for {@code datamesh:dataProducts}
 */
public record DataProduct(String name, String description, String format, String prefix,
                          Map<String, String> tags, List<ContractColumn> columns, List<QualityRule> quality,
                          Optional<String> owner, Optional<String> version, Optional<Contract> contract) {
    public DataProduct {
        tags = Ordered.copy(tags);
        columns = List.copyOf(columns);
        quality = List.copyOf(quality);
    }

    /** A product as {@code datamesh:dataProducts} declares it: no table-level quality rules, no owner, no version. */
    public DataProduct(String name, String description, String format, String prefix, Map<String, String> tags,
                       List<ContractColumn> columns) {
        this(name, description, format, prefix, tags, columns, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Where in an ODCS contract a product is declared.
     *
     * @param file   the contract's path in the project, as the stack file lists it
     * @param object the JSON path of its schema object, e.g. {@code $.schema[0]}
     */
    public record Contract(String file, String object) {
    }
}
