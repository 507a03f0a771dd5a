package io.datamesh.domain;

import io.datamesh.config.DomainAccess;
import io.datamesh.config.StackIdentity;
import io.datamesh.stackref.DomainShare;

import java.util.Optional;

/**
 * @param share what the central tag grants give this account; empty while central has not been
 *              deployed (or shares nothing with this domain): then no links or re-grants are made
 */
public record SharedDataAccessArgs(StackIdentity identity, String domain, DomainAccess access,
                                   Optional<DomainShare> share) {
}
