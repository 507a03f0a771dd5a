package io.datamesh.config;

import java.util.Map;

/** One column of a data contract; {@code tags} override the table's LF-tags for this column. */
public record ContractColumn(String name, String type, String comment, Map<String, String> tags) {
    public ContractColumn {
        tags = Map.copyOf(tags);
    }
}
