package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.Map;

/** One column of a data contract; {@code tags} override the table's LF-tags for this column. */
public record ContractColumn(String name, String type, String comment, Map<String, String> tags) {
    public ContractColumn {
        tags = Ordered.copy(tags);
    }
}
