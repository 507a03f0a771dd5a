package io.datamesh.central;

import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.datamesh.central.CentralRuns.childrenOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog is a composition: its tree, and the aliases that keep the URNs of before the split. */
class CentralCatalogTest {
    private static final String CATALOG_URN = "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog::central";

    @Nested
    class Onboarded {
        private final StackPlan plan = CentralRuns.onboarded();

        @Test
        void theCatalogHoldsItsNamedChildrenAndTheSettingsWrite() {
            assertThat(childrenOf(plan, CentralCatalog.TYPE, "central")).extracting(r -> r.type() + " " + r.name())
                    .containsExactlyInAnyOrder(
                            CatalogEncryption.TYPE + " central-encryption",
                            CentralRoles.TYPE + " central-roles",
                            "aws:lakeformation/dataLakeSettings:DataLakeSettings central-lake-settings",
                            TagOntology.TYPE + " central-tags",
                            ProducerOnboarding.TYPE + " central-sales",
                            QueryRoleGrants.TYPE + " central-grants");
        }

        @Test
        void everyCloudResourceBelowAChildIsAliasedToItsUrnDirectlyUnderTheCatalog() {
            List<PlannedResource> moved = plan.resources().stream()
                    .filter(r -> !r.type().startsWith("datamesh:") && !r.type().startsWith("pulumi:"))
                    .filter(r -> !r.parent().orElse("").equals(CATALOG_URN)).toList();
            assertThat(moved).hasSizeGreaterThan(20).allSatisfy(r -> assertThat(r.options().aliases())
                    .contains("urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$" + r.type() + "::" + r.name()));
        }

        @Test
        void theSettingsWriteStaysDirectlyUnderTheCatalogUnaliasedAfterTheLakeAdminRole() {
            PlannedResource settings = CentralRuns.named(plan, "central-lake-settings");
            assertThat(settings.parent()).contains(CATALOG_URN);
            assertThat(settings.options().aliases()).isEmpty();
            assertThat(settings.options().dependsOn()).singleElement().asString().endsWith("::central-lake-admin");
        }
    }

    @Nested
    class NothingDeployedYet {
        private final StackPlan plan = CentralRuns.nothingDeployed();

        @Test
        void onlyTheAccountFoundationsAreMadeNoOnboardingNoGrantsNoDataAccess() {
            assertThat(plan.resources()).extracting(PlannedResource::type).doesNotContain(ProducerOnboarding.TYPE,
                    "aws:lakeformation/permissions:Permissions", "aws:iam/rolePolicy:RolePolicy",
                    "aws:glue/catalogDatabase:CatalogDatabase", "aws:glue/crawler:Crawler")
                    .contains("aws:kms/key:Key", "aws:lakeformation/lfTag:LfTag", "aws:iam/role:Role");
            assertThat(childrenOf(plan, QueryRoleGrants.TYPE, "central-grants")).isEmpty();
        }
    }
}
