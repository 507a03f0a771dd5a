package io.datamesh.central;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.datamesh.central.CentralRuns.childrenOf;
import static io.datamesh.central.CentralRuns.named;
import static io.datamesh.central.RegisteredDataAccessTest.statement;
import static io.datamesh.plan.SampleMesh.json;
import static io.datamesh.plan.SampleMesh.map;
import static org.assertj.core.api.Assertions.assertThat;

class CentralRolesTest {
    private final StackPlan plan = CentralRuns.onboarded();

    @Test
    void holdsTheThreeRolesWithDerivedNamesAndTheDataAccessOfTwo() {
        assertThat(childrenOf(plan, CentralRoles.TYPE, "central-roles")).extracting(r -> r.name() + " " + r.inputs().get("name"))
                .containsExactlyInAnyOrder("central-lake-admin datamesh-lake-admin", "central-crawler datamesh-crawler",
                        "central-lf-registration datamesh-lf-registration", "central-registration-data null",
                        "central-crawler-data null");
    }

    @Test
    void onlyTheLakeAdminHasManagedPoliciesAndEachServiceRoleTrustsItsService() {
        assertThat(named(plan, "central-lake-admin").inputs().get("managedPolicyArns")).isEqualTo(List.of(
                "arn:aws:iam::aws:policy/AWSLakeFormationDataAdmin", "arn:aws:iam::aws:policy/AWSLakeFormationCrossAccountManager"));
        assertThat(named(plan, "central-crawler").inputs().get("managedPolicyArns")).isEqualTo(List.of());
        assertThat(json(named(plan, "central-crawler").inputs().get("assumeRolePolicy")).findValuesAsText("Service"))
                .containsExactly("glue.amazonaws.com");
        assertThat(json(named(plan, "central-lf-registration").inputs().get("assumeRolePolicy")).findValuesAsText("Service"))
                .containsExactly("lakeformation.amazonaws.com");
    }

    @Test
    void theCrawlerMayUseTheCatalogKeyTheEncryptionSettingsName() {
        JsonNode crawler = json(named(plan, "central-crawler-data").inputs().get("policy"));
        Object catalogKey = map(map(named(plan, "central-catalog-encryption").inputs().get("dataCatalogEncryptionSettings"))
                .get("encryptionAtRest")).get("sseAwsKmsKeyId");
        assertThat(statement(crawler, "EncryptedCatalog").get("Resource").asText()).isEqualTo(catalogKey);
        assertThat(named(plan, "central-crawler-data").inputs().get("role")).isEqualTo("datamesh-crawler");
        assertThat(named(plan, "central-registration-data").inputs().get("role")).isEqualTo("datamesh-lf-registration");
        assertThat(json(named(plan, "central-registration-data").inputs().get("policy")).findValuesAsText("Sid"))
                .doesNotContain("EncryptedCatalog", "ReadDeclaredTablesAddPartitions");
    }

    @Test
    void withoutProducersTheRolesExistButHaveNoDataAccess() {
        assertThat(childrenOf(CentralRuns.nothingDeployed(), CentralRoles.TYPE, "central-roles")).extracting(r -> r.name())
                .containsExactlyInAnyOrder("central-lake-admin", "central-crawler", "central-lf-registration");
    }
}
