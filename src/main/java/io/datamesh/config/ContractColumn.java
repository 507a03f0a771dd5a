package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One column of a data contract; {@code tags} override the table's LF-tags for this column.
 * {@code required}, {@code unique}, {@code primaryKey} and {@code quality} come from an ODCS
 * contract only: the catalog does not enforce them, {@code ./datamesh check-data} checks the data and
 * central's Glue Data Quality ruleset checks the table.
 *
 * @param classification the ODCS {@code classification} as written (also mapped onto {@code tags}):
 *                       the Glue column carries it, so a PII classification without its LF-tag is
 *                       visible to the policy packs; empty for {@code datamesh:dataProducts}
 */
public record ContractColumn(String name, String type, String comment, Map<String, String> tags, boolean required,
                             boolean unique, boolean primaryKey, List<QualityRule> quality,
                             Optional<String> classification) {
    public ContractColumn {
        tags = Ordered.copy(tags);
        quality = List.copyOf(quality);
    }

    /** A column as {@code datamesh:dataProducts} declares it: no constraints, no quality rules. */
    public ContractColumn(String name, String type, String comment, Map<String, String> tags) {
        this(name, type, comment, tags, false, false, false, List.of(), Optional.empty());
    }
}
