package io.datamesh.domain;

import io.datamesh.config.DomainAccess;
import io.datamesh.config.StackIdentity;
import io.datamesh.stackref.DomainShare;

import java.util.Optional;

/**
 * @param share         what the central tag grants give this domain; empty while central has not been
 *                      deployed (or shares nothing with this domain): then no resource links are made
 * @param catalogKeyArn the key of the central catalog's SSE-KMS encryption; empty while central has
 *                      not been deployed
 */
public record SharedDataAccessArgs(StackIdentity identity, String domain, DomainAccess access,
                                   Optional<DomainShare> share, Optional<String> catalogKeyArn) {
}
