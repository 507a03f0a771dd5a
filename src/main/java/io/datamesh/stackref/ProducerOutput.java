package io.datamesh.stackref;

import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wire format of a producer stack's {@code producer} output, kept apart from the config
 * records it is made from: renaming a config field must not silently change what a deployed
 * central stack reads.
 *
 * @param version the wire format's version: a central stack refuses a version it does not know.
 *                Version 2 added each product's owner and contract version; version 1 (without them)
 *                still reads, so central runs before its producers are deployed again.
 */
public record ProducerOutput(int version, String domain, String accountId, String bucketName, String kmsKeyArn,
                             Map<String, String> databaseTags, List<Product> dataProducts) {
    public static final int VERSION = 2;
    /** The oldest version a central stack of this program reads. */
    public static final int OLDEST_READ = 1;

    public ProducerOutput {
        databaseTags = Ordered.copy(databaseTags);
        dataProducts = List.copyOf(dataProducts);
    }

    public static ProducerOutput of(ProducerExport export) {
        return new ProducerOutput(VERSION, export.domain(), export.accountId(), export.bucketName(), export.kmsKeyArn(),
                export.databaseTags(), export.dataProducts().stream().map(Product::of).toList());
    }

    public ProducerExport toExport() {
        return new ProducerExport(domain, accountId, bucketName, kmsKeyArn, databaseTags,
                dataProducts.stream().map(Product::toContract).toList());
    }

    /**
     * A data product's contract on the wire.
     *
     * @param owner   empty for none; absent (null) in version 1
     * @param version the contract's version, empty for none; absent (null) in version 1
     */
    public record Product(String name, String description, String format, String prefix, Map<String, String> tags,
                          List<Column> columns, String owner, String version) {
        public Product {
            tags = Ordered.copy(tags);
            columns = List.copyOf(columns);
        }

        static Product of(DataProduct product) {
            return new Product(product.name(), product.description(), product.format(), product.prefix(),
                    product.tags(), product.columns().stream().map(c -> new Column(c.name(), c.type(), c.comment(),
                    c.tags())).toList(), product.owner().orElse(""), product.version().orElse(""));
        }

        DataProduct toContract() {
            return new DataProduct(name, description, format, prefix, tags, columns.stream()
                    .map(c -> new ContractColumn(c.name(), c.type(), c.comment(), c.tags())).toList(), List.of(),
                    given(owner), given(version), Optional.empty());
        }

        private static Optional<String> given(String value) {
            return Optional.ofNullable(value).filter(v -> !v.isEmpty());
        }
    }

    public record Column(String name, String type, String comment, Map<String, String> tags) {
        public Column {
            tags = Ordered.copy(tags);
        }
    }
}
