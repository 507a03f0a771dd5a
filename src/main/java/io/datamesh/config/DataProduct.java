package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * A producer's data contract: what the table is, where its files live, its schema and its tags.
 *
 * @param format one of {@code csv}, {@code json}, {@code parquet}
 * @param prefix the S3 prefix under the domain's data bucket, ending in '/'
 */
public record DataProduct(String name, String description, String format, String prefix,
                          Map<String, String> tags, List<ContractColumn> columns) {
    public DataProduct {
        tags = Ordered.copy(tags);
        columns = List.copyOf(columns);
    }
}
