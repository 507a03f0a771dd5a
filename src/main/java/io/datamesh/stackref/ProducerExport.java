package io.datamesh.stackref;

import io.datamesh.config.DataProduct;
import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * What a producer stack publishes for the central catalog: where its data is and its contracts.
 * On the wire it travels as a {@link ProducerOutput}.
 */
public record ProducerExport(String domain, String accountId, String bucketName, String kmsKeyArn,
                             Map<String, String> databaseTags, List<DataProduct> dataProducts) {
    public ProducerExport {
        databaseTags = Ordered.copy(databaseTags);
        dataProducts = List.copyOf(dataProducts);
    }
}
