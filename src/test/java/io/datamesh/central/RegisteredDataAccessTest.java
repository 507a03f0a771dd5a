package io.datamesh.central;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamesh.config.DataProduct;
import io.datamesh.iam.PolicyDocuments;
import io.datamesh.stackref.ProducerExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.datamesh.plan.SampleMesh.json;
import static org.assertj.core.api.Assertions.assertThat;

class RegisteredDataAccessTest {
    private static final ProducerExport SALES = producer("sales", "sales-bucket", "orders/", "customers/");
    private static final ProducerExport HR = producer("hr", "hr-bucket", "orders/", "people/");

    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of("one producer: its prefixes, its bucket, its key", List.of(SALES),
                        List.of("arn:aws:s3:::sales-bucket/orders/*", "arn:aws:s3:::sales-bucket/customers/*"),
                        List.of("arn:aws:s3:::sales-bucket"), List.of("orders/*", "customers/*"),
                        List.of("arn:aws:kms:eu-west-1:1:key/sales")),
                Arguments.of("two producers: each bucket's own prefixes, a shared prefix listed once", List.of(SALES, HR),
                        List.of("arn:aws:s3:::sales-bucket/orders/*", "arn:aws:s3:::sales-bucket/customers/*",
                                "arn:aws:s3:::hr-bucket/orders/*", "arn:aws:s3:::hr-bucket/people/*"),
                        List.of("arn:aws:s3:::sales-bucket", "arn:aws:s3:::hr-bucket"),
                        List.of("orders/*", "customers/*", "people/*"),
                        List.of("arn:aws:kms:eu-west-1:1:key/sales", "arn:aws:kms:eu-west-1:1:key/hr")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void readsOnlyTheDeclaredPrefixesOfTheRegisteredBuckets(String description, List<ProducerExport> producers,
                                                            List<String> objects, List<String> buckets,
                                                            List<String> listed, List<String> keys) {
        JsonNode policy = json(PolicyDocuments.policy(RegisteredDataAccess.readDataProducts(producers)));
        assertThat(sids(policy)).containsExactly("ReadRegisteredPrefixes", "ListRegisteredPrefixes", "LocateBuckets",
                "DecryptProducerData");
        assertThat(texts(statement(policy, "ReadRegisteredPrefixes").get("Resource"))).containsExactlyElementsOf(objects);
        JsonNode list = statement(policy, "ListRegisteredPrefixes");
        assertThat(texts(list.get("Resource"))).containsExactlyElementsOf(buckets);
        assertThat(texts(list.at("/Condition/StringLike/s3:prefix"))).containsExactlyElementsOf(listed);
        assertThat(texts(statement(policy, "LocateBuckets").get("Resource"))).containsExactlyElementsOf(buckets);
        assertThat(statement(policy, "LocateBuckets").has("Condition")).isFalse();
        assertThat(texts(statement(policy, "DecryptProducerData").get("Resource"))).containsExactlyElementsOf(keys);
    }

    @Test
    void theCrawlerReadsTheDataAndReachesOnlyTheDeclaredDatabasesItsLogGroupAndTheCatalogKey() {
        JsonNode policy = json(PolicyDocuments.policy(RegisteredDataAccess.crawlDeclaredTables("eu-west-1", "111",
                "mesh", List.of(SALES, HR), "arn:aws:kms:eu-west-1:111:key/catalog")));
        assertThat(sids(policy)).startsWith("ReadRegisteredPrefixes", "ListRegisteredPrefixes", "LocateBuckets",
                "DecryptProducerData");
        JsonNode tables = statement(policy, "ReadDeclaredTablesAddPartitions");
        assertThat(texts(tables.get("Resource"))).containsExactly("arn:aws:glue:eu-west-1:111:catalog",
                "arn:aws:glue:eu-west-1:111:database/sales", "arn:aws:glue:eu-west-1:111:table/sales/*",
                "arn:aws:glue:eu-west-1:111:database/hr", "arn:aws:glue:eu-west-1:111:table/hr/*");
        assertThat(texts(tables.get("Action"))).allMatch(a -> a.startsWith("glue:Get") || a.startsWith("glue:BatchGet")
                || a.contains("Partition")).doesNotContain("glue:*", "glue:CreateTable", "glue:UpdateTable");
        assertThat(texts(statement(policy, "CrawlerLogs").get("Resource"))).containsExactly(
                "arn:aws:logs:eu-west-1:111:log-group:/aws-glue/crawlers-role/mesh-crawler-mesh-crawler",
                "arn:aws:logs:eu-west-1:111:log-group:/aws-glue/crawlers-role/mesh-crawler-mesh-crawler:*");
        assertThat(statement(policy, "EncryptedCatalog").get("Resource").asText()).isEqualTo("arn:aws:kms:eu-west-1:111:key/catalog");
    }

    private static ProducerExport producer(String domain, String bucket, String... prefixes) {
        return new ProducerExport(domain, "222", bucket, "arn:aws:kms:eu-west-1:1:key/" + domain, Map.of(),
                Stream.of(prefixes).map(p -> new DataProduct(p.replace("/", ""), "", "csv", p, Map.of(), List.of())).toList());
    }

    private static List<String> sids(JsonNode policy) {
        List<String> sids = new ArrayList<>();
        policy.get("Statement").forEach(s -> sids.add(s.get("Sid").asText()));
        return sids;
    }

    static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode s : policy.get("Statement")) {
            if (s.get("Sid").asText().equals(sid)) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }
}
