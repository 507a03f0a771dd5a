package io.datamesh.badinput;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.datamesh.badinput.BadInputCase.planned;
import static io.datamesh.badinput.BadInputCase.refused;

/**
 * The limits AWS itself puts on what the stack files name and say, refused by {@code ./datamesh plan}
 * before anything is planned (exit 2, file, key, the limit and its source), and the values right at a
 * limit planned. Each limit and its source is listed in docs/configuration.md. The
 * producer's cases are about datamesh:dataProducts keys: they start from the sample's products
 * declared inline (ContractCorpusTest has the same limits in ODCS contracts).
 */
class AwsLimitsCorpusTest extends CorpusTest {
    private static final String PRODUCER = "Pulumi.producer.yaml";
    private static final String CENTRAL = "Pulumi.central.yaml";
    private static final String CONSUMER = "Pulumi.consumer.yaml";
    private static final String ORDERS_DESCRIPTION = "description: One row per order line, updated daily.";
    private static final String ORDER_ID = "{name: order_id, type: string, comment: Order identifier}";
    private static final String AMOUNT_TYPE = "type: \"decimal(10,2)\"";

    private static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    /** {@code count} LF-tag assignments {@code k0: v, k1: v, ...} as a YAML flow map. */
    private static String manyTags(int count) {
        return IntStream.range(0, count).mapToObj(i -> "k" + i + ": v").reduce((a, b) -> a + ", " + b)
                .map(tags -> "{" + tags + "}").orElse("{}");
    }

    static Stream<BadInputCase> cases() {
        return Stream.of(
                // Glue names: 1-255 bytes (AWS Glue API, Table/Column Name).
                refused("column name one longer than Glue's 255",
                        m -> m.withDataProducts().replace(PRODUCER, "name: order_id,", "name: " + repeat('c', 256) + ","),
                        PRODUCER + ": datamesh:dataProducts[0].columns[0].name: is too long: 256 characters, at most 255",
                        "AWS Glue"),
                refused("central's producer domain one longer than Glue's 255",
                        m -> m.replace(CENTRAL, "- domain: sales", "- domain: " + repeat('s', 256)),
                        CENTRAL + ": datamesh:producers[0].domain: is too long: 256 characters, at most 255"),
                refused("data product name that makes the Athena named query name longer than 128",
                        m -> m.withDataProducts().replace(PRODUCER, "- name: orders", "- name: " + repeat('o', 115)),
                        PRODUCER + ": datamesh:dataProducts[0].name: is too long", "Athena named query",
                        "128 characters", "at most 114 here"),
                // Table description ≤ 2,048 and column comment ≤ 255 bytes (Glue TableInput.Description, Column.Comment).
                refused("table description one byte longer than Glue's 2,048",
                        m -> m.withDataProducts().replace(PRODUCER, ORDERS_DESCRIPTION, "description: " + repeat('d', 2049)),
                        PRODUCER + ": datamesh:dataProducts[0].description: is too long: 2,049 bytes in UTF-8, at most 2,048",
                        "TableInput.Description"),
                refused("table description of 1,025 two-byte characters: Glue counts bytes",
                        m -> m.withDataProducts().replace(PRODUCER, ORDERS_DESCRIPTION, "description: " + repeat('é', 1025)),
                        PRODUCER + ": datamesh:dataProducts[0].description: is too long: 2,050 bytes in UTF-8, at most 2,048"),
                refused("column comment one byte longer than Glue's 255",
                        m -> m.withDataProducts().replace(PRODUCER, "comment: Order identifier", "comment: " + repeat('x', 256)),
                        PRODUCER + ": datamesh:dataProducts[0].columns[0].comment: is too long: 256 bytes in UTF-8, at most 255",
                        "Column.Comment"),
                // Column types: decimal(p,s) 1 ≤ p ≤ 38, 0 ≤ s ≤ p; char 1-255; varchar 1-65535.
                refused("decimal precision above 38",
                        m -> m.withDataProducts().replace(PRODUCER, AMOUNT_TYPE, "type: \"decimal(39,2)\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[5].type: 'decimal(39,2)' has precision 39",
                        "1 to 38"),
                refused("decimal precision 0",
                        m -> m.withDataProducts().replace(PRODUCER, AMOUNT_TYPE, "type: \"decimal(0,0)\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[5].type: 'decimal(0,0)' has precision 0"),
                refused("decimal scale above its precision",
                        m -> m.withDataProducts().replace(PRODUCER, AMOUNT_TYPE, "type: \"decimal(10,11)\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[5].type: 'decimal(10,11)' has scale 11",
                        "at most its precision 10"),
                refused("decimal without its closing parenthesis",
                        m -> m.withDataProducts().replace(PRODUCER, AMOUNT_TYPE, "type: \"decimal(10\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[5].type: 'decimal(10' is not a column type",
                        "decimal(precision) or decimal(precision,scale), e.g. decimal(10,2)"),
                refused("varchar of length 0",
                        m -> m.withDataProducts().replace(PRODUCER, AMOUNT_TYPE, "type: \"varchar(0)\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[5].type: 'varchar(0)' has length 0", "1 to 65535"),
                refused("varchar one longer than 65535",
                        m -> m.withDataProducts().replace(PRODUCER, AMOUNT_TYPE, "type: \"varchar(65536)\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[5].type: 'varchar(65536)' has length 65536"),
                refused("char of 300",
                        m -> m.withDataProducts().replace(PRODUCER, AMOUNT_TYPE, "type: \"char(300)\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[5].type: 'char(300)' has length 300", "1 to 255"),
                refused("an unknown column type names the known ones",
                        m -> m.withDataProducts().replace(PRODUCER, AMOUNT_TYPE, "type: uuid"),
                        PRODUCER + ": datamesh:dataProducts[0].columns[5].type: 'uuid' is not a column type", "bigint"),
                // No control character in any text value, reported as U+XXXX.
                refused("NUL in a table description",
                        m -> m.withDataProducts().replace(PRODUCER, ORDERS_DESCRIPTION, "description: \"One row\\0 per order line\""),
                        PRODUCER + ": datamesh:dataProducts[0].description: contains the control character U+0000"),
                refused("BEL in a column comment",
                        m -> m.withDataProducts().replace(PRODUCER, "comment: Order identifier", "comment: \"Order\\a identifier\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[0].comment: contains the control character U+0007"),
                refused("a newline in a column comment: Glue's comment is single-line",
                        m -> m.withDataProducts().replace(PRODUCER, "comment: Order identifier", "comment: \"Order\\nidentifier\""),
                        PRODUCER + ": datamesh:dataProducts[0].columns[0].comment: contains the control character U+000A"),
                refused("TAB in a database tag value",
                        m -> m.withDataProducts().replace(PRODUCER, "classification: internal", "classification: \"inter\\tnal\""),
                        PRODUCER + ": datamesh:databaseTags.classification: contains the control character U+0009"),
                refused("ESC in a data product name",
                        m -> m.withDataProducts().replace(PRODUCER, "- name: orders", "- name: \"ord\\eers\""),
                        PRODUCER + ": datamesh:dataProducts[0].name: contains the control character U+001B"),
                refused("DEL in a prefix",
                        m -> m.withDataProducts().replace(PRODUCER, "prefix: orders/", "prefix: \"orders\\x7f/\""),
                        PRODUCER + ": datamesh:dataProducts[0].prefix: contains the control character U+007F"),
                refused("a control character in a tag key",
                        m -> m.withDataProducts().replace(PRODUCER, "classification: confidential", "\"class\\x01\": confidential"),
                        PRODUCER + ": datamesh:dataProducts[1].tags.classU+0001: its name contains the control character U+0001"),
                refused("NUL in a grant name",
                        m -> m.replace(CENTRAL, "- name: marketing-sales-database", "- name: \"marketing\\0sales\""),
                        CENTRAL + ": datamesh:grants[0].name: contains the control character U+0000"),
                refused("a line break in an assumedBy ARN",
                        m -> m.replace(CONSUMER, "- arn:aws:iam::333333333333:role/aws-reserved",
                                "- \"arn:aws:iam::333333333333:role/x\\r\\n\"\n        - arn:aws:iam::333333333333:role/aws-reserved"),
                        CONSUMER + ": datamesh:analysts[0].assumedBy[0]: contains the control characters U+000D, U+000A"),
                refused("NUL in the region",
                        m -> m.replace(CONSUMER, "aws:region: eu-west-1", "aws:region: \"eu-west-1\\0\""),
                        CONSUMER + ": aws:region: contains the control character U+0000"),
                // LF-tags: keys and values at most 50 characters (DG, stricter than the API's 128/256), API patterns.
                refused("LF-tag key one longer than 50",
                        m -> m.replace(CENTRAL, "pii: [\"true\", \"false\"]", repeat('p', 51) + ": [\"true\", \"false\"]"),
                        CENTRAL + ": datamesh:lfTags." + repeat('p', 51) + ": LF-tag key '" + repeat('p', 51)
                                + "' is too long: 51 characters, at most 50", "notes and restrictions"),
                refused("LF-tag value one longer than 50",
                        m -> m.replace(CENTRAL, "[public, internal, confidential]", "[public, internal, " + repeat('c', 51) + "]"),
                        CENTRAL + ": datamesh:lfTags.classification: LF-tag value '" + repeat('c', 51)
                                + "' is too long: 51 characters, at most 50"),
                refused("LF-tag key with a comma",
                        m -> m.replace(CENTRAL, "pii: [\"true\", \"false\"]", "\"p,ii\": [\"true\", \"false\"]"),
                        CENTRAL + ": datamesh:lfTags.p,ii: LF-tag key 'p,ii' has characters Lake Formation refuses: ','",
                        "LFTag.TagKey"),
                refused("LF-tag value with '#' and '!'",
                        m -> m.replace(CENTRAL, "[public, internal, confidential]", "[public, internal, \"top#secret!\"]"),
                        CENTRAL + ": datamesh:lfTags.classification: LF-tag value 'top#secret!' has characters Lake"
                                + " Formation refuses: '#', '!'", "LFTag.TagValues"),
                refused("an LF-tag key with '*', which only values may have",
                        m -> m.replace(CENTRAL, "pii: [\"true\", \"false\"]", "\"pii*\": [\"true\", \"false\"]"),
                        CENTRAL + ": datamesh:lfTags.pii*: LF-tag key 'pii*' has characters Lake Formation refuses: '*'"),
                // At most 50 LF-tags assigned to one resource (DG).
                refused("51 LF-tags on one column",
                        m -> m.withDataProducts().replace(PRODUCER, ORDER_ID, "{name: order_id, type: string, tags: " + manyTags(51) + "}"),
                        PRODUCER + ": datamesh:dataProducts[0].columns[0].tags: assigns 51 LF-tags", "at most 50"),
                refused("50 database tags and the mesh's domain tag",
                        m -> m.withDataProducts().replace(PRODUCER, "  datamesh:databaseTags:\n    classification: internal\n    pii: \"false\"",
                                "  datamesh:databaseTags: " + manyTags(50)),
                        PRODUCER + ": datamesh:databaseTags: assigns 51 LF-tags (with the mesh's domain tag)", "at most 50"),
                // The LF-tags of one account: a quota the plan counts (exit 1), raised or not.
                refused("more LF-tags than the account's configured quota",
                        m -> m.append(CENTRAL, "  datamesh:quotas: {lfTags: 2}"),
                        "LF-tags per account (lfTags): 3 of 2", "exceeds it").exits(1),
                planned("every value right at its limit",
                        m -> m.withDataProducts().replace(PRODUCER, ORDER_ID, "{name: " + repeat('c', 255) + ", type: \"char(255)\", comment: "
                                        + repeat('x', 255) + "}")
                                .replace(PRODUCER, AMOUNT_TYPE, "type: \"decimal(38,38)\"")
                                .replace(PRODUCER, "{name: product, type: string,", "{name: product, type: \"varchar(65535)\",")
                                .replace(PRODUCER, ORDERS_DESCRIPTION, "description: \"" + repeat('é', 1023) + "\\n\\t\"")
                                .replace(PRODUCER, "- name: orders", "- name: " + repeat('o', 114))
                                .replace(CENTRAL, "[public, internal, confidential]", "[public, internal, confidential, "
                                        + repeat('c', 50) + "]")));
    }
}
