package io.datamesh.central;

import io.datamesh.names.MeshNames;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.datamesh.central.CentralRuns.childrenOf;
import static io.datamesh.central.CentralRuns.named;
import static io.datamesh.plan.SampleMesh.map;
import static org.assertj.core.api.Assertions.assertThat;

class ProducerOnboardingTest {
    private static final String LF_PREFIX = "aws:lakeformation/";
    private final StackPlan plan = CentralRuns.onboarded();
    private final List<PlannedResource> onboarding = childrenOf(plan, ProducerOnboarding.TYPE, "central-sales");

    @Test
    void holdsTheProducersDatabaseTablesTagsCrawlersRegistrationAndCrawlerGrants() {
        assertThat(onboarding).extracting(PlannedResource::name).containsExactlyInAnyOrder(
                "central-sales-database", "central-sales-database-tag-domain", "central-sales-database-tag-pii",
                "central-sales-location",
                "central-sales-orders", "central-sales-orders-crawler",
                "central-sales-customers", "central-sales-customers-tag-classification",
                "central-sales-customers-columns-pii-true", "central-sales-customers-crawler",
                "central-sales-crawler-location", "central-sales-crawler-database", "central-sales-crawler-tables");
    }

    @Test
    void everyLakeFormationWriteOfTheDatabaseWaitsForThePreviousOneTheFirstForTheSettingsWrite() {
        List<PlannedResource> writes = onboarding.stream().filter(r -> r.type().startsWith(LF_PREFIX)).toList();
        assertThat(writes.get(0).options().dependsOn()).last().asString().endsWith("::central-lake-settings");
        for (int i = 1; i < writes.size(); i++) {
            assertThat(writes.get(i).options().dependsOn()).last().isEqualTo(writes.get(i - 1).urn());
        }
        assertThat(writes).allSatisfy(w -> assertThat(w.options().deleteBeforeReplace()).isTrue());
    }

    @Test
    void columnsThatOverrideTheirTableAreTaggedTogetherAfterTheTableAndTheirTag() {
        var columns = named(plan, "central-sales-customers-columns-pii-true");
        assertThat(map(columns.inputs().get("tableWithColumns"))).containsEntry("columnNames", List.of("email", "phone"))
                .containsEntry("name", "customers").containsEntry("databaseName", "sales");
        assertThat(columns.inputs().get("lfTag")).isEqualTo(Map.of("key", "pii", "value", "true"));
        assertThat(columns.options().dependsOn()).anySatisfy(d -> assertThat(d).endsWith("::central-sales-customers"))
                .anySatisfy(d -> assertThat(d).endsWith("::central-tag-pii"));
    }

    @Test
    void eachTableHasItsFormatsStorageAndADriftCrawlerThatOnlyLogs() {
        var customers = map(named(plan, "central-sales-customers").inputs().get("storageDescriptor"));
        assertThat(customers).containsEntry("location", "s3://datamesh-sales-data-222222222222-eu-west-1/customers/")
                .containsEntry("inputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        var crawler = named(plan, "central-sales-customers-crawler");
        assertThat(crawler.inputs()).containsEntry("name", "datamesh-sales-customers-crawler")
                .containsEntry("securityConfiguration", "datamesh-crawler")
                .containsEntry("schemaChangePolicy", Map.of("deleteBehavior", "LOG", "updateBehavior", "LOG"));
        assertThat(crawler.options().dependsOn()).anySatisfy(d -> assertThat(d).endsWith("::central-sales-customers"))
                .anySatisfy(d -> assertThat(d).endsWith("::central-crawler-logs"));
    }

    /** Consumers read the shared table's Owner and parameters through their resource link: the contract's owner and version. */
    @Test
    void aContractsOwnerAndVersionAreOnItsTableAndAProductWithoutNoneHasNeither() {
        var customers = named(plan, "central-sales-customers").inputs();
        assertThat(customers).containsEntry("owner", "sales-crm");
        assertThat(map(customers.get("parameters"))).containsEntry(MeshNames.CONTRACT_VERSION_PARAMETER, "2.0.0")
                .containsEntry("classification", "parquet");
        var orders = named(plan, "central-sales-orders").inputs();
        assertThat(orders).doesNotContainKey("owner");
        assertThat(map(orders.get("parameters"))).doesNotContainKey(MeshNames.CONTRACT_VERSION_PARAMETER);
    }

    @Test
    void theBucketIsRegisteredWithTheRegistrationRoleAndTheCrawlerMayUseItsLocation() {
        var location = named(plan, "central-sales-location");
        assertThat(location.inputs()).containsEntry("arn", "arn:aws:s3:::datamesh-sales-data-222222222222-eu-west-1")
                .containsEntry("useServiceLinkedRole", false)
                .containsEntry("roleArn", "arn:aws:iam::111111111111:role/datamesh-lf-registration");
        var grant = named(plan, "central-sales-crawler-location");
        assertThat(grant.inputs()).containsEntry("permissions", List.of("DATA_LOCATION_ACCESS"))
                .containsEntry("principal", "arn:aws:iam::111111111111:role/datamesh-crawler");
        assertThat(grant.options().dependsOn()).first().isEqualTo(location.urn());
    }
}
