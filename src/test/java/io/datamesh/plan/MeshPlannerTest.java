package io.datamesh.plan;

import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.StackConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    void outsideAnOrganizationTheDomainsAreToldWhatToAcceptAndAcceptItBeforeTheirLinkGrants(@TempDir Path dir) throws Exception {
        SampleMesh.copyTo(dir);
        Path central = dir.resolve("Pulumi.central.yaml");
        Files.writeString(central, Files.readString(central) + "  datamesh:ramSharing: invitations\n");
        StackPlan consumer = stackOf(MeshPlanner.plan(dir, AccountState.TYPICAL), "consumer");
        assertThat(consumer.warnings()).anyMatch(w -> w.contains("aws ram get-resource-share-invitations")
                && w.contains("senderAccountId=='111111111111'") && w.contains("datamesh:ramShareArns"));

        String share = "arn:aws:ram:eu-west-1:111111111111:resource-share/0d6f5a8e-0000-4000-8000-000000000001";
        Path consumerFile = dir.resolve("Pulumi.consumer.yaml");
        Files.writeString(consumerFile, Files.readString(consumerFile) + "  datamesh:ramShareArns:\n    - " + share + "\n");
        consumer = stackOf(MeshPlanner.plan(dir, AccountState.TYPICAL), "consumer");
        assertThat(consumer.warnings()).noneMatch(w -> w.contains("aws ram get-resource-share-invitations"));
        var accepter = SampleMesh.named(consumer, "aws:ram/resourceShareAccepter:ResourceShareAccepter", "marketing-access-ram-share-0");
        assertThat(accepter.inputs()).containsEntry("shareArn", share);
        assertThat(SampleMesh.named(consumer, "aws:lakeformation/permissions:Permissions",
                "marketing-access-analyst-describe-link-sales").options().dependsOn()).contains(accepter.urn());
    }

    private static StackPlan stackOf(MeshPlan plan, String name) {
        return plan.stacks().stream().filter(s -> s.stack().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFreshAccountStopsEveryStackWithTheCommandThatClearsItsIamOnlyDefaults() throws Exception {
        MeshPlan plan = MeshPlanner.plan(SampleMesh.ROOT, AccountState.FRESH);
        for (StackPlan stack : plan.stacks()) {
            assertThat(stack.resources()).as("nothing registered in %s", stack.stack())
                    .allMatch(r -> r.type().startsWith("pulumi:"));
            assertThat(stack.errors()).as(stack.stack()).singleElement().asString()
                    .contains("IAM_ALLOWED_PRINCIPALS").contains("aws lakeformation put-data-lake-settings --catalog-id "
                            + plan.settings().get(stack.stack()).identity().accountId());
        }
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
    void contractTagsOutsideTheCentralOntologyAreConfigErrorsOfTheContractFile(@TempDir Path dir) throws IOException {
        SampleMesh.copyTo(dir);
        assertThat(problemsAfterEditing(dir, "contracts/customers.odcs.yaml",
                "        classification: pii\n      - name: email", "        tags: [pii=yes]\n      - name: email",
                "classification=confidential", "sensitivity=high"))
                .anyMatch(p -> p.startsWith("contracts/customers.odcs.yaml: $.schema[0].properties[1].tags.pii: 'yes' is not an allowed value"))
                .anyMatch(p -> p.startsWith("contracts/customers.odcs.yaml: $.schema[0].tags.sensitivity: 'sensitivity' is not an LF-tag key"));
    }

    @Test
    void dataProductsTagsOutsideTheCentralOntologyAreConfigErrorsOfTheProducerFile(@TempDir Path dir) throws IOException {
        SampleMesh.copyTo(dir);
        Files.copy(SampleMesh.DATA_PRODUCTS_STACK, dir.resolve("Pulumi.producer.yaml"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(problemsAfterEditing(dir, "Pulumi.producer.yaml", "tags: {pii: \"true\"}}", "tags: {pii: \"yes\"}}",
                "classification: confidential", "sensitivity: high"))
                .anyMatch(p -> p.startsWith("Pulumi.producer.yaml: datamesh:dataProducts[1].columns[1].tags.pii: 'yes' is not an allowed value"))
                .anyMatch(p -> p.startsWith("Pulumi.producer.yaml: datamesh:dataProducts[1].tags.sensitivity: 'sensitivity' is not an LF-tag key"));
    }

    @Test
    void validatingResolvesEachProducersSampleFilesWithoutPlanningAStack() throws Exception {
        ValidatedMesh mesh = MeshPlanner.validate(SampleMesh.ROOT, Set.of());
        assertThat(mesh.settings()).containsOnlyKeys("central", "consumer", "producer");
        assertThat(mesh.uploads()).containsOnlyKeys("producer");
        assertThat(mesh.uploads().get("producer")).extracting(u -> u.product().name()).containsExactly("orders", "customers");
        assertThat(mesh.uploads().get("producer")).allMatch(u -> u.files().size() == 1);
    }

    @Test
    void validationReportsEveryFilesProblemsInFileOrder(@TempDir Path dir) throws IOException {
        SampleMesh.copyTo(dir);
        for (String stack : List.of("central", "consumer", "producer")) {
            Path file = dir.resolve("Pulumi." + stack + ".yaml");
            Files.writeString(file, Files.readString(file).replace("  datamesh:role:", "  datamesh:noSuchKey: 1\n  datamesh:role:"));
        }
        List<String> problems = catchThrowableOfType(InvalidMeshException.class,
                () -> MeshPlanner.validate(dir, Set.of())).problems();
        assertThat(problems).hasSize(3);
        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(".yaml")))
                .containsExactly("Pulumi.central", "Pulumi.consumer", "Pulumi.producer");
    }

    /** The configuration problems of the project in {@code dir} once {@code file}'s texts are replaced, pairwise. */
    private static List<String> problemsAfterEditing(Path dir, String file, String... fromTo) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        Files.writeString(path, text);
        return catchThrowableOfType(InvalidMeshException.class, () -> MeshPlanner.plan(dir, AccountState.TYPICAL)).problems();
    }

}
