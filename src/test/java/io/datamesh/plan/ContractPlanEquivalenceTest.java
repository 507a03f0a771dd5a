package io.datamesh.plan;

import io.datamesh.badinput.BadInputMesh;
import io.datamesh.badinput.Datamesh;
import io.datamesh.names.MeshNames;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.Props;
import io.datamesh.resource.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample producer reads its products from ODCS contracts (contracts/*.odcs.yaml); the same
 * stack declaring them inline, as it did before (the test resource
 * contracts/Pulumi.producer.dataProducts.yaml), must plan exactly the same producer and central
 * resources — the tables, columns, types and LF-tags — plus what only a contract can say (its
 * quality rulesets, its classifications), and the contracts that {@code ./datamesh contract export}
 * writes from the dataProducts must plan exactly the same. What only a contract has on a table (its
 * team as the catalog table's Owner, its version as a table parameter) is compared on its own.
 */
public class ContractPlanEquivalenceTest {
    /**
     * What the contracts say beyond the dataProducts is added, and nothing else changes: central's
     * Glue Data Quality rulesets from their constraints and quality rules, and the ODCS
     * classification on the classified columns.
     */
    @Test
    void theSampleContractsPlanWhatItsDataProductsPlannedPlusTheirQualityRulesets(@TempDir Path tmp) throws Exception {
        MeshPlan legacy = MeshPlanner.plan(legacyProject(tmp), AccountState.TYPICAL);
        MeshPlan contracts = SampleMesh.plan();

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
        assertSameResources(legacy, "producer", resources(contracts, "producer"));
        assertSameResources(legacy, "central", withoutAdditions);
        assertThat(contractOf(contracts)).containsExactly(
                Map.entry("orders", List.of("sales-order-management", "1.0.0")), Map.entry("customers", List.of("sales-crm", "1.0.0")));
        assertThat(contractOf(legacy)).containsExactly(Map.entry("orders", List.of()), Map.entry("customers", List.of()));
    }

    private static List<PlannedResource> central(MeshPlan plan) {
        return plan.stacks().stream().filter(s -> s.stack().equals("central")).findFirst().orElseThrow().resources();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> columnsOf(PlannedResource table) {
        return (List<Map<String, Object>>) ((Map<String, Object>) table.inputs().get("storageDescriptor")).get("columns");
    }

    /** Table → [owner, contract version] of the central catalog's tables, as planned. */
    private static Map<String, List<Object>> contractOf(MeshPlan plan) {
        Map<String, List<Object>> contracts = new LinkedHashMap<>();
        plan.stacks().stream().filter(s -> s.stack().equals("central")).findFirst().orElseThrow()
                .ofType(ResourceTypes.GLUE_TABLE).forEach(r -> {
                    var in = Props.of(r.inputs());
                    contracts.put(in.string("name").orElseThrow(), Stream.of(in.string("owner"),
                            in.string("parameters", MeshNames.CONTRACT_VERSION_PARAMETER)).flatMap(Optional::stream)
                            .map(Object.class::cast).toList());
                });
        return contracts;
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

    /** A copy of the samples, sample data included, whose producer declares dataProducts, without the contract files. */
    private static Path legacyProject(Path parent) throws IOException {
        Path dir = BadInputMesh.copyOfSamples(parent).withDataProducts().root();
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
     * URN → inputs: every resource of the stack, with what the engine would send the provider, but
     * a table's owner and contract version (see contractOf). A sample file's asset prints with its
     * object identity: the same file compares as the same text.
     */
    private static Map<String, String> resources(MeshPlan plan, String stack) {
        Map<String, String> byUrn = new TreeMap<>();
        plan.stacks().stream().filter(s -> s.stack().equals(stack)).findFirst().orElseThrow().resources()
                .forEach((PlannedResource r) -> byUrn.put(r.urn(),
                        String.valueOf(withoutContractMetadata(r)).replaceAll("FileAsset@\\p{XDigit}+", "FileAsset")));
        assertThat(byUrn).as(stack).isNotEmpty();
        return byUrn;
    }

    private static Map<String, Object> withoutContractMetadata(PlannedResource r) {
        if (!r.type().equals(ResourceTypes.GLUE_TABLE)) {
            return r.inputs();
        }
        var inputs = new LinkedHashMap<>(r.inputs());
        inputs.remove("owner");
        var parameters = new LinkedHashMap<>(SampleMesh.map(inputs.get("parameters")));
        parameters.remove(MeshNames.CONTRACT_VERSION_PARAMETER);
        inputs.put("parameters", parameters);
        return inputs;
    }
}
