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

    /**
     * The RAM quotas count the granting account's grants to principals of other accounts: one share
     * per receiving account, each principal once; grants inside the account and to non-account
     * principals (IAM_ALLOWED_PRINCIPALS) are not shared through RAM.
     */
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            "RAM_RESOURCE_SHARES, 5000, WARNING",
            "RAM_RESOURCE_SHARES, 5001, ERROR",
            "RAM_SHARED_PRINCIPALS, 5000, WARNING",
            "RAM_SHARED_PRINCIPALS, 5001, ERROR",
    })
    void ramQuotasCountTheGrantsToOtherAccountsAtAndOverTheLimit(Quota quota, int used, String expected) {
        var grants = new java.util.ArrayList<PlannedResource>();
        for (int i = 0; i < used; i++) {
            String account = quota == Quota.RAM_RESOURCE_SHARES ? String.format("%012d", 200_000_000_000L + i) : "222222222222";
            String role = quota == Quota.RAM_RESOURCE_SHARES ? "analyst" : "analyst-" + i;
            for (String permission : List.of("SELECT", "DESCRIBE")) {
                grants.add(grant(grants.size(), "arn:aws:iam::" + account + ":role/" + role, permission));
            }
        }
        grants.add(grant(grants.size(), "arn:aws:iam::" + ACCOUNT + ":role/crawler", "SELECT"));
        grants.add(grant(grants.size(), "IAM_ALLOWED_PRINCIPALS", "ALL"));
        assertThat(quota.usage(grants)).isEqualTo(used);
        var finding = QuotaCheck.usage(Map.of(ACCOUNT, grants), Map.of()).stream()
                .filter(f -> f.quota() == quota).findFirst().orElseThrow();
        assertThat(finding.level().name()).isEqualTo(expected);
        assertThat(finding.message()).contains(quota.configKey()).contains("5,000").contains("AWS RAM user guide");
        assertThat(QuotaCheck.usage(Map.of(ACCOUNT, grants), Map.of(ACCOUNT, Map.of(quota, 6_000L))).stream()
                .filter(f -> f.quota() == quota).findFirst().orElseThrow().level()).isNotEqualTo(QuotaUsage.Level.ERROR);
    }

    private static PlannedResource grant(int i, String principal, String permission) {
        return new PlannedResource("urn:grant:" + i, "aws:lakeformation/permissions:Permissions", "g" + i, Optional.empty(),
                Map.of("catalogId", ACCOUNT, "principal", principal, "permissions", List.of(permission)));
    }
}
