package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * The governance account: the LF-tag ontology, the domains it onboards and the tag grants.
 *
 * @param tagOntology LF-tag key → allowed values, in file order
 * @param ramSharing  whether the domain accounts share an AWS Organization with RAM sharing enabled
 * @param crawlerLogRetentionDays how long the crawlers' CloudWatch log group keeps drift reports
 */
public record CentralSettings(StackIdentity identity, Map<String, List<String>> tagOntology,
                              List<DomainAccount> producers, List<DomainAccount> consumers,
                              List<TagGrant> grants, RamSharing ramSharing, int crawlerLogRetentionDays)
        implements StackSettings {
    public static final int DEFAULT_CRAWLER_LOG_RETENTION_DAYS = 365;

    public CentralSettings {
        tagOntology = Ordered.copy(tagOntology);
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
        grants = List.copyOf(grants);
    }

    @Override
    public StackRole role() {
        return StackRole.CENTRAL;
    }
}
