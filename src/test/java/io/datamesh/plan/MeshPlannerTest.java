package io.datamesh.plan;

import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.StackConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MeshPlannerTest {
    @Test
    void deployOrderRunsTheDomainsAgainAfterCentral() {
        assertThat(SampleMesh.plan().deployOrder()).containsExactly("producer", "consumer", "central", "producer", "consumer");
        assertThat(SampleMesh.plan().stacks()).extracting(StackPlan::stack).containsExactly("producer", "consumer", "central");
    }

    @Test
    void aConsumerBeforeCentralPublishesItsQueryRolesAndWaitsForItsLinks() throws Exception {
        var raw = StackFiles.load(SampleMesh.ROOT, "datamesh", "consumer");
        var settings = (ConsumerSettings) StackConfigParser.parse(raw);
        StackPlan plan = MeshPlanner.run("consumer", settings, SampleMesh.ROOT, AccountState.TYPICAL, Map.of());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.warnings()).anyMatch(w -> w.contains("organization/datamesh/central is not deployed yet")
                && w.contains("producer stacks → consumer stacks → central"));
        assertThat(plan.ofType("aws:glue/catalogDatabase:CatalogDatabase")).as("no resource link before central").isEmpty();
        assertThat(plan.outputs()).containsKey("queryRoles");
    }

    @Test
    void centralWaitsForTheQueryRolesOfADomainNotDeployedYet() throws Exception {
        var raw = StackFiles.load(SampleMesh.ROOT, "datamesh", "central");
        StackPlan plan = MeshPlanner.run("central", StackConfigParser.parse(raw), SampleMesh.ROOT, AccountState.TYPICAL, Map.of());
        assertThat(plan.warnings()).anyMatch(w -> w.contains("domain 'marketing'") && w.contains("its grants wait"));
        assertThat(plan.ofType("aws:lakeformation/permissions:Permissions")).noneMatch(r -> r.name().startsWith("central-grant-"));
    }

    @Test
    void centralSkipsAConfiguredProducerThatIsNotDeployedWithAWarning() throws Exception {
        var raw = StackFiles.load(SampleMesh.ROOT, "datamesh", "central");
        StackPlan plan = MeshPlanner.run("central", StackConfigParser.parse(raw), SampleMesh.ROOT, AccountState.TYPICAL, Map.of());
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.warnings()).anyMatch(w -> w.contains("producer 'sales'") && w.contains("not deployed yet"));
        assertThat(plan.ofType("aws:glue/catalogDatabase:CatalogDatabase")).isEmpty();
    }

    @Test
    void anAccountAtAHigherCrossAccountVersionStopsThePlanWithTheFix() throws Exception {
        var raw = StackFiles.load(SampleMesh.ROOT, "datamesh", "central");
        var newer = new AccountState(List.of("PlatformAdmin"), 5, false, "datamesh-deployer");
        StackPlan plan = MeshPlanner.run("central", StackConfigParser.parse(raw), SampleMesh.ROOT, newer, Map.of());
        assertThat(plan.errors()).singleElement().asString()
                .contains("cross-account version 5").contains("datamesh:crossAccountVersion: 5");
        assertThat(plan.ofType("aws:lakeformation/dataLakeSettings:DataLakeSettings")).isEmpty();
    }

    @Test
    void contractTagsOutsideTheCentralOntologyAreConfigErrorsOfTheProducerFile(@TempDir Path dir) throws IOException {
        SampleMesh.copyTo(dir);
        Path producer = dir.resolve("Pulumi.producer.yaml");
        Files.writeString(producer, Files.readString(producer)
                .replace("tags: {pii: \"true\"}}", "tags: {pii: \"yes\"}}")
                .replace("classification: confidential", "sensitivity: high"));
        var e = catchThrowableOfType(InvalidMeshException.class, () -> MeshPlanner.plan(dir, AccountState.TYPICAL));
        assertThat(e.problems())
                .anyMatch(p -> p.startsWith("Pulumi.producer.yaml: datamesh:dataProducts[1].columns[1].tags.pii: 'yes' is not an allowed value"))
                .anyMatch(p -> p.startsWith("Pulumi.producer.yaml: datamesh:dataProducts[1].tags.sensitivity: 'sensitivity' is not an LF-tag key"));
    }

}
