package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * A data domain that owns a bucket of data and publishes data products as contracts.
 *
 * @param databaseTags     LF-tags for the domain's database, besides {@code domain=<domain>}
 * @param uploadSampleData whether {@code sample-data/<product>/} is uploaded under each product's prefix
 * @param noncurrentVersionExpirationDays how long an overwritten or deleted object version stays
 *                         recoverable before S3 deletes it for good
 */
public record ProducerSettings(StackIdentity identity, String domain, DomainAccess access,
                               Map<String, String> databaseTags, List<DataProduct> dataProducts,
                               boolean uploadSampleData, String sampleDataDir, AuditTrailSettings auditTrail,
                               int noncurrentVersionExpirationDays) implements StackSettings {
    public static final int DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS = 30;
    public static final String DEFAULT_SAMPLE_DATA_DIR = "sample-data";

    public ProducerSettings {
        databaseTags = Ordered.copy(databaseTags);
        dataProducts = List.copyOf(dataProducts);
    }

    @Override
    public StackRole role() {
        return StackRole.PRODUCER;
    }
}
