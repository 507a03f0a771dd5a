package io.datamesh.quota;

import io.datamesh.resource.PlannedResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaCheckTest {
    private static final String ACCOUNT = "111111111111";

    private static List<PlannedResource> resources(String type, int count, Map<String, Object> inputs) {
        return IntStream.range(0, count)
                .mapToObj(i -> new PlannedResource("urn:" + type + ":" + i, type, "r" + i, Optional.empty(), inputs))
                .toList();
    }

    /** used, configured raised quota (0: none) → the level of the finding, or none. */
    @ParameterizedTest(name = "{0}: {1} with raised {2} → {3}")
    @CsvSource({
            "GLUE_CRAWLERS, 799, 0, OK",
            "GLUE_CRAWLERS, 800, 0, WARNING",
            "GLUE_CRAWLERS, 1000, 0, WARNING",
            "GLUE_CRAWLERS, 1001, 0, ERROR",
            "GLUE_CRAWLERS, 1200, 2000, OK",
            "GLUE_CRAWLERS, 1200, 1100, ERROR",
            "CLOUDTRAIL_TRAILS, 4, 0, WARNING",
            "CLOUDTRAIL_TRAILS, 6, 0, ERROR",
            "S3_BUCKETS, 7999, 0, OK",
            "LF_TAGS, 799, 0, OK",
            "LF_TAGS, 800, 0, WARNING",
            "LF_TAGS, 1001, 0, ERROR",
            "LF_TAGS, 1001, 1500, OK",
    })
    void warnsAtEightyPercentAndFailsAbove(Quota quota, int used, long raised, String expected) {
        String type = switch (quota) {
            case GLUE_CRAWLERS -> "aws:glue/crawler:Crawler";
            case CLOUDTRAIL_TRAILS -> "aws:cloudtrail/trail:Trail";
            case S3_BUCKETS -> "aws:s3/bucketV2:BucketV2";
            case LF_TAGS -> "aws:lakeformation/lfTag:LfTag";
            default -> throw new IllegalArgumentException(quota.name());
        };
        var usage = QuotaCheck.usage(Map.of(ACCOUNT, resources(type, used, Map.of())),
                raised == 0 ? Map.of() : Map.of(ACCOUNT, Map.of(quota, raised)));
        assertThat(usage).hasSize(Quota.values().length);
        var levels = usage.stream().filter(u -> u.level() != QuotaUsage.Level.OK).map(u -> u.level().name()).toList();
        assertThat(levels).isEqualTo(expected.equals("OK") ? List.of() : List.of(expected));
        assertThat(usage).filteredOn(u -> u.quota() != quota).allMatch(u -> u.used() == 0, "no other quota is touched");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "GLUE_TABLES_PER_DATABASE, 160000",
            "LF_TAG_VALUES, 800",
            "LAKE_FORMATION_ADMINS, 24",
    })
    void quotasOfTheFullestResourceCountItsLargestMember(Quota quota, int size) {
        List<PlannedResource> resources = switch (quota) {
            case GLUE_TABLES_PER_DATABASE -> Stream.concat(
                    resources("aws:glue/catalogTable:CatalogTable", size, Map.of("databaseName", "sales")).stream(),
                    resources("aws:glue/catalogTable:CatalogTable", 10, Map.of("databaseName", "hr")).stream())
                    .map(r -> new PlannedResource(r.urn() + r.inputs().get("databaseName"), r.type(), r.name(), r.parent(), r.inputs()))
                    .toList();
            case LF_TAG_VALUES -> List.of(new PlannedResource("urn:t", "aws:lakeformation/lfTag:LfTag", "t", Optional.empty(),
                    Map.of("key", "domain", "values", IntStream.range(0, size).mapToObj(i -> "d" + i).toList())));
            case LAKE_FORMATION_ADMINS -> List.of(new PlannedResource("urn:s",
                    "aws:lakeformation/dataLakeSettings:DataLakeSettings", "s", Optional.empty(),
                    Map.of("admins", IntStream.range(0, size).mapToObj(i -> "arn:aws:iam::" + ACCOUNT + ":role/a" + i).toList())));
            default -> throw new IllegalArgumentException(quota.name());
        };
        assertThat(quota.usage(resources)).isEqualTo(size);
        var finding = QuotaCheck.usage(Map.of(ACCOUNT, resources), Map.of()).stream()
                .filter(f -> f.quota() == quota).findFirst().orElseThrow();
        assertThat(finding.level()).isEqualTo(QuotaUsage.Level.WARNING);
        assertThat(finding.message()).contains("account " + ACCOUNT).contains(quota.configKey())
                .contains(quota.source()).contains("at least 80%");
    }
}
