package io.datamesh.config;

import java.util.List;

/**
 * An IAM role in a domain account that queries shared data with Athena.
 *
 * @param domains the producer domains whose shared tables the role may query; empty = all shared
 */
public record AnalystRole(String name, List<String> domains) {
    public AnalystRole {
        domains = List.copyOf(domains);
    }
}
