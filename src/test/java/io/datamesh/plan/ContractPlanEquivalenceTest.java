package io.datamesh.plan;

import io.datamesh.badinput.BadInputMesh;
import io.datamesh.badinput.Datamesh;
import io.datamesh.resource.PlannedResource;
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

/**
 * The sample producer declares its products in datamesh:dataProducts; the same stack reading them
 * from the sample's ODCS contracts (contracts/*.odcs.yaml, the test resource
 * contracts/Pulumi.producer.contracts.yaml) must plan exactly the same producer and central
 * resources — the tables, columns, types and LF-tags — and so must the contracts that
 * {@code ./datamesh contract export} writes from the dataProducts.
 */
public class ContractPlanEquivalenceTest {
    public static final Path CONTRACTS_STACK = Path.of("src/test/resources/contracts/Pulumi.producer.contracts.yaml");

    @Test
    void theSampleContractsPlanWhatItsDataProductsPlanned(@TempDir Path tmp) throws Exception {
        Path project = BadInputMesh.copyOfSamples(tmp).root();
        Files.copy(CONTRACTS_STACK, project.resolve("Pulumi.producer.yaml"), StandardCopyOption.REPLACE_EXISTING);
        assertSameResources(SampleMesh.plan(), MeshPlanner.plan(project, AccountState.TYPICAL));
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
            Map<String, String> want = resources(expected, stack);
            Map<String, String> got = resources(actual, stack);
            assertThat(got.keySet()).as(stack + " resources").containsExactlyElementsOf(want.keySet());
            want.forEach((urn, inputs) -> assertThat(got.get(urn)).as(urn).isEqualTo(inputs));
        }
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
