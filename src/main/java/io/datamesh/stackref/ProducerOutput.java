package io.datamesh.stackref;

import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.config.QualityRule;
import io.datamesh.util.Ordered;

import java.math.BigDecimal;
import java.util.Arrays;
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
     * A data product's contract on the wire. {@code quality} and the columns' constraints came with
     * version 2 too, but an absent list reads as none, so a version 1 output reads as a contract
     * without constraints (central then creates no quality rulesets for it).
     *
     * @param owner   empty for none; absent (null) in version 1
     * @param version the contract's version, empty for none; absent (null) in version 1
     */
    public record Product(String name, String description, String format, String prefix, Map<String, String> tags,
                          List<Column> columns, List<Rule> quality, String owner, String version) {
        public Product {
            tags = Ordered.copy(tags);
            columns = List.copyOf(columns);
            quality = quality == null ? List.of() : List.copyOf(quality);
        }

        static Product of(DataProduct product) {
            return new Product(product.name(), product.description(), product.format(), product.prefix(),
                    product.tags(), product.columns().stream().map(Column::of).toList(),
                    product.quality().stream().map(Rule::of).toList(), product.owner().orElse(""), product.version().orElse(""));
        }

        DataProduct toContract() {
            return new DataProduct(name, description, format, prefix, tags, columns.stream().map(Column::toContract).toList(),
                    quality.stream().map(Rule::toQualityRule).toList(), given(owner), given(version), Optional.empty());
        }

        private static Optional<String> given(String value) {
            return Optional.ofNullable(value).filter(v -> !v.isEmpty());
        }
    }

    /** A column on the wire; {@code classification} is empty (or absent) when the contract has none. */
    public record Column(String name, String type, String comment, Map<String, String> tags, boolean required,
                         boolean unique, boolean primaryKey, List<Rule> quality, String classification) {
        public Column {
            tags = Ordered.copy(tags);
            quality = quality == null ? List.of() : List.copyOf(quality);
        }

        static Column of(ContractColumn c) {
            return new Column(c.name(), c.type(), c.comment(), c.tags(), c.required(), c.unique(), c.primaryKey(),
                    c.quality().stream().map(Rule::of).toList(), c.classification().orElse(""));
        }

        ContractColumn toContract() {
            return new ContractColumn(name, type, comment, tags, required, unique, primaryKey,
                    quality.stream().map(Rule::toQualityRule).toList(), Optional.ofNullable(classification).filter(c -> !c.isEmpty()));
        }
    }

    /**
     * An ODCS library quality rule on the wire: the metric as ODCS spells it, and the operands as
     * text, since numbers cross the engine as doubles.
     */
    public record Rule(String metric, String operator, List<String> operands, boolean percent, List<String> values,
                       String pattern, List<String> columns) {
        public Rule {
            operands = List.copyOf(operands);
            values = values == null ? List.of() : List.copyOf(values);
            pattern = pattern == null ? "" : pattern;
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        static Rule of(QualityRule rule) {
            return new Rule(rule.metric().odcs(), rule.bound().operator(),
                    rule.bound().operands().stream().map(BigDecimal::toPlainString).toList(), rule.percent(), rule.values(),
                    rule.pattern(), rule.columns());
        }

        QualityRule toQualityRule() {
            QualityRule.Metric known = Arrays.stream(QualityRule.Metric.values()).filter(m -> m.odcs().equals(metric))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown ODCS metric '" + metric + "'"));
            return new QualityRule(known, new QualityRule.Bound(operator, operands.stream().map(BigDecimal::new).toList()),
                    percent, values, pattern, columns);
        }
    }
}
