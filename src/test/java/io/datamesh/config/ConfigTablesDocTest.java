package io.datamesh.config;

import io.datamesh.quota.Quota;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference (docs/configuration.md) is written from the schemas, so it cannot drift
 * from what validation accepts. After changing a schema, regenerate it with
 * {@code mvn -q -o test -Dtest=ConfigTablesDocTest -Ddocs.update=true}.
 */
class ConfigTablesDocTest {
    private static final Path DOC = Path.of("docs/configuration.md");
    static final String BEGIN = "<!-- config tables: generated from src/main/resources/io/datamesh/config/schema"
            + " by ConfigTablesDocTest (-Ddocs.update=true rewrites them) -->\n";
    static final String END = "<!-- end of config tables -->";

    @Test
    void theConfigTablesAreWhatTheSchemasDeclare() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("%s marker %s", DOC, BEGIN.strip()).isNotNegative();
        assertThat(end).as("%s marker %s", DOC, END).isGreaterThan(begin);
        String expected = ConfigReference.markdown();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + expected + doc.substring(end));
            return;
        }
        assertThat(doc.substring(begin + BEGIN.length(), end)).isEqualTo(expected);
    }

    /** The tables' Default column comes from the schemas; the parser must apply exactly those. */
    @Test
    void theDocumentedDefaultsAreTheOnesTheParserApplies() {
        var producer = (ProducerSettings) StackConfigParser.parse(new RawStackConfig("Pulumi.producer.yaml",
                "organization", "datamesh", "producer", Map.of("aws:region", "eu-west-1", "datamesh:role", "producer",
                "datamesh:accountId", "222222222222", "datamesh:centralAccountId", "111111111111",
                "datamesh:domain", "sales", "datamesh:dataProducts",
                "[{\"name\":\"orders\",\"columns\":[{\"name\":\"id\",\"type\":\"string\"}]}]")));
        var central = (CentralSettings) StackConfigParser.parse(new RawStackConfig("Pulumi.central.yaml",
                "organization", "datamesh", "central", Map.of("aws:region", "eu-west-1", "datamesh:role", "central",
                "datamesh:accountId", "111111111111", "datamesh:lfTags", "{\"domain\":[\"sales\"]}",
                "datamesh:grants", "[{\"name\":\"g\",\"to\":\"sales\",\"permissions\":[\"SELECT\"],"
                        + "\"expression\":{\"domain\":\"sales\"}}]",
                "datamesh:producers", "[{\"domain\":\"sales\",\"accountId\":\"222222222222\"}]")));
        var parsed = new LinkedHashMap<String, Object>();
        parsed.put("stack.schema.json#/properties/namePrefix", producer.identity().namePrefix());
        parsed.put("stack.schema.json#/properties/crossAccountVersion", producer.identity().crossAccountVersion());
        parsed.put("domain.schema.json#/properties/centralStack", producer.access().centralStack().replace("organization/datamesh/", ""));
        parsed.put("domain.schema.json#/properties/athena/properties/bytesScannedCutoffPerQuery",
                producer.access().athena().bytesScannedCutoffPerQuery());
        parsed.put("domain.schema.json#/properties/athena/properties/resultsExpirationDays",
                producer.access().athena().resultsExpirationDays());
        parsed.put("producer.schema.json#/properties/uploadSampleData", producer.uploadSampleData());
        parsed.put("producer.schema.json#/properties/sampleDataDir", producer.sampleDataDir());
        parsed.put("producer.schema.json#/properties/auditTrail/properties/enabled", producer.auditTrail().enabled());
        parsed.put("producer.schema.json#/properties/auditTrail/properties/retentionDays", producer.auditTrail().retentionDays());
        parsed.put("producer.schema.json#/properties/noncurrentVersionExpirationDays", producer.noncurrentVersionExpirationDays());
        parsed.put("producer.schema.json#/properties/dataProducts/items/properties/format", producer.dataProducts().get(0).format());
        parsed.put("central.schema.json#/properties/grants/items/properties/resource", central.grants().get(0).resource().name());
        parsed.put("central.schema.json#/properties/ramSharing", central.ramSharing().configValue());
        parsed.put("central.schema.json#/properties/crawlerLogRetentionDays", central.crawlerLogRetentionDays());
        parsed.forEach((location, value) -> {
            String[] at = location.split("#");
            assertThat(SchemaNode.at(at[0], at[1]).get("default").node().asText()).as(location).isEqualTo(String.valueOf(value));
        });
        assertThat(ConfigReference.FILES.stream().mapToInt(f -> SchemaNode.root(f).node().findValues("default").size()).sum())
                .as("every default in the schemas is checked above").isEqualTo(parsed.size());
    }

    @Test
    void theQuotasTheSchemaAcceptsAreTheOnesThePlanCounts() {
        assertThat(SchemaNode.root("stack.schema.json").properties().get("quotas").properties().keySet())
                .containsExactlyElementsOf(Quota.configKeys());
    }
}
