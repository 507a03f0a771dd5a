package io.datamesh.config;

import java.util.List;

/**
 * An IAM role in a domain account that queries shared data with Athena.
 *
 * @param domains   the producer domains whose shared tables the role may query; empty = all shared
 * @param assumedBy IAM role or user ARNs (ArnLike patterns, e.g. an SSO permission-set role) of the
 *                  account that may assume the role; empty = the stack's Lake Formation admins from
 *                  config (or the deploying principal when there are none)
 */
public record AnalystRole(String name, List<String> domains, List<String> assumedBy) {
    public AnalystRole {
        domains = List.copyOf(domains);
        assumedBy = List.copyOf(assumedBy);
    }
}
