package io.datamesh.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.resource.PlannedResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The sample stacks at the repository root, planned once per test JVM and shared by the tests. */
public final class SampleMesh {
    public static final Path ROOT = Path.of(".").toAbsolutePath().normalize();
    /**
     * The sample producer as it was before its ODCS contracts: its products inline in
     * datamesh:dataProducts, for the tests of that form (ContractPlanEquivalenceTest: the same plan).
     */
    public static final Path DATA_PRODUCTS_STACK = ROOT.resolve("src/test/resources/contracts/Pulumi.producer.dataProducts.yaml");
    private static MeshPlan plan;

    private SampleMesh() {
    }

    public static synchronized MeshPlan plan() {
        if (plan == null) {
            try {
                plan = MeshPlanner.plan(ROOT, AccountState.TYPICAL);
            } catch (InvalidMeshException e) {
                throw new AssertionError("the sample stacks must be valid: " + e.problems());
            }
        }
        return plan;
    }

    public static StackPlan stack(String name) {
        return plan().stacks().stream().filter(s -> s.stack().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stack " + name));
    }

    /** The resource of a type whose logical name is exactly {@code name}. */
    public static PlannedResource named(StackPlan stack, String type, String name) {
        return stack.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in " + stack.stack() + "; have "
                        + stack.ofType(type).stream().map(PlannedResource::name).toList()));
    }

    /** A copy of the sample stack files, and the contracts the producer lists, to break on purpose. */
    public static void copyTo(Path dir) throws IOException {
        for (String file : List.of("Pulumi.yaml", "Pulumi.central.yaml", "Pulumi.producer.yaml", "Pulumi.consumer.yaml",
                "contracts/orders.odcs.yaml", "contracts/customers.odcs.yaml")) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.copy(ROOT.resolve(file), dir.resolve(file));
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    public static JsonNode json(Object policyDocument) {
        try {
            return new ObjectMapper().readTree(String.valueOf(policyDocument));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
