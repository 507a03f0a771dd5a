package io.datamesh.policy;

import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.SampleMesh;
import io.datamesh.policy.engine.ResourceRule;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine reports a resource rule only for resources of the types it declares, so the
 * end-to-end run under the real engine can prove a rule only where the sample stacks hold one of
 * its types: each resource rule must meet one, but for the few that guard what the mesh never
 * creates itself (their fixtures test them; the e2e names them).
 */
class SampleMeshPolicyCoverageTest {
    private static final Map<String, String> GUARDS_WHAT_THE_MESH_NEVER_CREATES = Map.of(
            "glue-resource-policy-mesh-only", "at cross-account version 4 the mesh writes no Glue catalog policy;"
                    + " the rule holds one a user adds");

    @Test
    void everyResourceRuleAppliesToSomeResourceOfTheSampleStacks() {
        Set<String> types = SampleMesh.plan().stacks().stream().flatMap(s -> s.resources().stream())
                .map(PlannedResource::type).collect(Collectors.toSet());
        PolicyPacks.all().stream().flatMap(p -> p.rules().stream())
                .filter(ResourceRule.class::isInstance).map(ResourceRule.class::cast)
                .forEach(rule -> {
                    boolean applies = rule.resourceTypes().stream().anyMatch(types::contains);
                    assertThat(applies).as(rule.name() + (applies ? " meets a sample resource, so drop it from the exceptions"
                                    : " meets no sample resource"))
                            .isEqualTo(!GUARDS_WHAT_THE_MESH_NEVER_CREATES.containsKey(rule.name()));
                });
    }
}
