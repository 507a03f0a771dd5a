package io.datamesh.stackref;

import java.util.List;

/**
 * What a domain stack publishes for the central catalog: the IAM roles that query shared data, so
 * that central grants them directly (cross-account version 3 and later allow grants to IAM
 * principals of other accounts), and the producer domains each may query.
 *
 * @param version the wire format's version: a central stack refuses a version it does not know
 */
public record QueryRoles(int version, List<Role> roles) {
    public static final int VERSION = 1;

    public QueryRoles {
        roles = List.copyOf(roles);
    }

    /** @param domains producer domains the role may query; empty = every domain shared with its account */
    public record Role(String name, String arn, List<String> domains) {
        public Role {
            domains = List.copyOf(domains);
        }
    }
}
