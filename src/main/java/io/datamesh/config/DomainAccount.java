package io.datamesh.config;



/**
 * A producer or consumer domain as the central account knows it.
 *
 * @param stack the fully qualified stack name whose outputs describe the domain
 */
public record DomainAccount(String domain, String accountId, String stack) {
}
