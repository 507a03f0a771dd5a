package io.datamesh.plan;

import io.datamesh.badinput.BadInputMesh;
import io.datamesh.badinput.Datamesh;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample producer declares its products in datamesh:dataProducts; the same stack reading them
 * from the sample's ODCS contracts (contracts/*.odcs.yaml, the test resource
 * contracts/Pulumi.producer.contracts.yaml) must plan exactly the same producer and central
 * resources — the tables, columns, types and LF-tags — plus what only a contract can say (its
 * quality rulesets, its classifications), and the contracts that {@code ./datamesh contract export}
 * writes from the dataProducts must plan exactly the same.
 */
public class ContractPlanEquivalenceTest {
    public static final Path CONTRACTS_STACK = Path.of("src/test/resources/contracts/Pulumi.producer.contracts.yaml");

    /**
     * What the contracts say beyond the dataProducts is added, and nothing else changes: central's
     * Glue Data Quality rulesets from their constraints and quality rules, and the ODCS
     * classification on the classified columns.
     */
    @Test
    void theSampleContractsPlanWhatItsDataProductsPlannedPlusTheirQualityRulesets(@TempDir Path tmp) throws Exception {
        Path project = BadInputMesh.copyOfSamples(tmp).root();
        Files.copy(CONTRACTS_STACK, project.resolve("Pulumi.producer.yaml"), StandardCopyOption.REPLACE_EXISTING);
        MeshPlan contracts = MeshPlanner.plan(project, AccountState.TYPICAL);

        List<PlannedResource> rulesets = central(contracts).stream()
                .filter(r -> r.type().equals(ResourceTypes.GLUE_DATA_QUALITY_RULESET)).toList();
        assertThat(rulesets).extracting(r -> r.inputs().get("name"), r -> r.inputs().get("ruleset"),
                r -> r.inputs().get("targetTable")).containsExactly(
                tuple("datamesh-sales-orders-quality",
                        "Rules = [\n    IsPrimaryKey \"order_id\",\n    IsComplete \"customer_id\",\n"
                                + "    IsComplete \"quantity\",\n    RowCount > 0\n]",
                        Map.of("catalogId", "111111111111", "databaseName", "sales", "tableName", "orders")),
                tuple("datamesh-sales-customers-quality",
                        "Rules = [\n    IsPrimaryKey \"customer_id\",\n    ColumnValues \"country\" in [\"GB\", \"DE\","
                                + " \"FR\", \"NL\", \"IE\", \"ES\", \"IT\", NULL]\n]",
                        Map.of("catalogId", "111111111111", "databaseName", "sales", "tableName", "customers")));
        assertThat(rulesets).allSatisfy(r -> assertThat(r.options().deleteBeforeReplace()).isTrue());
        List<String> classified = central(contracts).stream().filter(r -> r.type().equals(ResourceTypes.GLUE_TABLE))
                .flatMap(table -> columnsOf(table).stream()).filter(c -> c.containsKey("parameters"))
                .map(c -> c.get("name") + " " + c.get("parameters")).toList();
        assertThat(classified).containsExactly("full_name {classification=pii}", "email {classification=pii}",
                "phone {classification=pii}");

        Map<String, String> withoutAdditions = new TreeMap<>(resources(contracts, "central"));
        rulesets.forEach(r -> withoutAdditions.remove(r.urn()));
        withoutAdditions.replaceAll((urn, inputs) -> inputs.replaceAll(", parameters=\\{classification=pii}", ""));
        assertSameResources(SampleMesh.plan(), "producer", resources(contracts, "producer"));
        assertSameResources(SampleMesh.plan(), "central", withoutAdditions);
    }

    private static List<PlannedResource> central(MeshPlan plan) {
        return plan.stacks().stream().filter(s -> s.stack().equals("central")).findFirst().orElseThrow().resources();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> columnsOf(PlannedResource table) {
        return (List<Map<String, Object>>) ((Map<String, Object>) table.inputs().get("storageDescriptor")).get("columns");
    }

    @Test
    void exportedContractsPlanWhatTheDataProductsPlanned(@TempDir Path tmp) throws Exception {
        Path project = legacyProject(tmp);
        MeshPlan before = MeshPlanner.plan(project, AccountState.TYPICAL);

        Datamesh.Outcome export = Datamesh.run("contract", "export", "--dir", project.toString()).exits(0)
                .says("wrote ", "replace datamesh:dataProducts with:", "- contracts/orders.odcs.yaml",
                        "- contracts/customers.odcs.yaml");
        String stack = Files.readString(project.resolve("Pulumi.producer.yaml"));
        int start = stack.indexOf("  datamesh:dataProducts:");
        int end = stack.indexOf("  datamesh:analysts:");
        String contracts = export.out().substring(export.out().indexOf("  datamesh:contracts:"));
        Files.writeString(project.resolve("Pulumi.producer.yaml"), stack.substring(0, start) + contracts + stack.substring(end));

        assertSameResources(before, MeshPlanner.plan(project, AccountState.TYPICAL));
        Datamesh.run("contract", "export", "--dir", project.toString()).exits(2)
                .says("no producer stack declares datamesh:dataProducts: nothing to export");
    }

    @Test
    void exportNeverOverwritesAContract(@TempDir Path tmp) throws Exception {
        Path project = legacyProject(tmp);
        Datamesh.run("contract", "export", "--dir", project.toString()).exits(0);
        Datamesh.run("contract", "export", "--dir", project.toString(), "--out", project.resolve("contracts").toString())
                .exits(2).says("contracts/orders.odcs.yaml: exists; export never overwrites a contract", "nothing was written");
    }

    /** A copy of the samples, sample data included, without the contract files. */
    private static Path legacyProject(Path parent) throws IOException {
        Path dir = BadInputMesh.copyOfSamples(parent).root();
        for (String contract : List.of("orders", "customers")) {
            Files.delete(dir.resolve("contracts/" + contract + ".odcs.yaml"));
        }
        return dir;
    }

    private static void assertSameResources(MeshPlan expected, MeshPlan actual) {
        for (String stack : List.of("producer", "central")) {
            assertSameResources(expected, stack, resources(actual, stack));
        }
    }

    private static void assertSameResources(MeshPlan expected, String stack, Map<String, String> got) {
        Map<String, String> want = resources(expected, stack);
        assertThat(got.keySet()).as(stack + " resources").containsExactlyElementsOf(want.keySet());
        want.forEach((urn, inputs) -> assertThat(got.get(urn)).as(urn).isEqualTo(inputs));
    }

    /**
     * URN → inputs: every resource of the stack, with what the engine would send the provider. A
     * sample file's asset prints with its object identity: the same file compares as the same text.
     */
    private static Map<String, String> resources(MeshPlan plan, String stack) {
        Map<String, String> byUrn = new TreeMap<>();
        plan.stacks().stream().filter(s -> s.stack().equals(stack)).findFirst().orElseThrow().resources()
                .forEach((PlannedResource r) -> byUrn.put(r.urn(),
                        String.valueOf(r.inputs()).replaceAll("FileAsset@\\p{XDigit}+", "FileAsset")));
        assertThat(byUrn).as(stack).isNotEmpty();
        return byUrn;
    }
}
