package io.datamesh.plan;

import io.datamesh.resource.PlannedResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample plan's cloud resources against a committed snapshot: same resources, same inputs,
 * same options (dependsOn by type and name), and each one either keeps its URN of the snapshot or
 * has it as an alias, so a deployed mesh is updated in place, never replaced.
 *
 * <p>The snapshot is {@code ./datamesh plan --json} of the samples at d4be6e5 (before the central
 * components and SecureBucket existed), trimmed. When a change means to alter behaviour, regenerate
 * it and review the diff:
 * <pre>
 * ./datamesh plan --json target/plan.json
 * jq -f src/test/resources/plan-baseline/trim.jq target/plan.json \
 *   &gt; src/test/resources/plan-baseline/sample-cloud-resources.json
 * </pre>
 * Keep the old URNs, though, as long as deployments made before the aliases may exist: a
 * regenerated snapshot checks only the aliases of the new tree.
 */
class PlanBaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** jq writes 30.0 as 30: numbers are equal when their values are. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    private final Map<String, JsonNode> baseline = baseline();

    @Test
    void theSamplePlanHasTheSameCloudResourcesWithTheSameInputsAndOptions() {
        for (StackPlan stack : SampleMesh.plan().stacks()) {
            JsonNode expected = baseline.get(stack.stack());
            Map<String, ObjectNode> actual = trimmed(stack);
            assertThat(new TreeSet<>(actual.keySet())).as(stack.stack()).containsExactlyElementsOf(names(expected));
            actual.forEach((key, resource) -> {
                for (String field : List.of("inputs", "options")) {
                    assertThat(resource.get(field).equals(SAME_VALUE, expected.get(key).get(field)))
                            .as("%s %s %s:%n  now      %s%n  baseline %s", stack.stack(), key, field, resource.get(field),
                                    expected.get(key).get(field))
                            .isTrue();
                }
            });
        }
    }

    @Test
    void everyCloudResourceKeepsItsBaselineUrnOrHasItAsAnAlias() {
        int moved = 0;
        for (StackPlan stack : SampleMesh.plan().stacks()) {
            JsonNode expected = baseline.get(stack.stack());
            for (PlannedResource r : stack.resources()) {
                if (!isCloudResource(r)) {
                    continue;
                }
                String old = expected.get(key(r)).get("urn").asText();
                if (!old.equals(r.urn())) {
                    assertThat(r.options().aliases()).as("aliases of %s (was %s)", r.urn(), old).contains(old);
                    moved++;
                }
            }
        }
        assertThat(moved).as("resources below the new components").isGreaterThan(40);
    }

    private static Map<String, ObjectNode> trimmed(StackPlan stack) {
        Map<String, String> keyOfUrn = new LinkedHashMap<>();
        stack.resources().forEach(r -> keyOfUrn.put(r.urn(), key(r)));
        Map<String, ObjectNode> trimmed = new LinkedHashMap<>();
        for (PlannedResource r : stack.resources()) {
            if (!isCloudResource(r)) {
                continue;
            }
            ObjectNode resource = JSON.createObjectNode();
            resource.set("inputs", withoutAssetIdentity(JSON.valueToTree(r.inputs())));
            ObjectNode options = resource.putObject("options");
            options.set("dependsOn", JSON.valueToTree(r.options().dependsOn().stream().map(keyOfUrn::get).toList()));
            options.put("deleteBeforeReplace", r.options().deleteBeforeReplace());
            options.put("retainOnDelete", r.options().retainOnDelete());
            options.put("protect", r.options().protect());
            trimmed.put(key(r), resource);
        }
        return trimmed;
    }

    /** A file asset's text is its object identity, different on every run. */
    private static JsonNode withoutAssetIdentity(JsonNode node) {
        if (node.isObject() && node.has("asset")) {
            return JSON.createObjectNode().put("asset", "file");
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), withoutAssetIdentity(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(withoutAssetIdentity(n)));
            return copy;
        }
        return node;
    }

    private static boolean isCloudResource(PlannedResource r) {
        return !r.type().startsWith("datamesh:") && !r.type().startsWith("pulumi:pulumi:");
    }

    private static String key(PlannedResource r) {
        return r.type() + "::" + r.name();
    }

    private static List<String> names(JsonNode resources) {
        List<String> names = new ArrayList<>();
        resources.fieldNames().forEachRemaining(names::add);
        return new ArrayList<>(new TreeSet<>(names));
    }

    private static Map<String, JsonNode> baseline() {
        try (InputStream in = PlanBaselineTest.class.getResourceAsStream("/plan-baseline/sample-cloud-resources.json")) {
            Map<String, JsonNode> byStack = new LinkedHashMap<>();
            JSON.readTree(in).forEach(stack -> byStack.put(stack.get("stack").asText(), stack.get("resources")));
            return byStack;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
