package io.datamesh.policy;

import io.datamesh.plan.PlannedResource;
import io.datamesh.plan.SampleMesh;
import io.datamesh.policy.engine.ResourceRule;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine reports a resource rule only for resources of the types it declares, and the
 * end-to-end run expects every listed rule to be reported: each resource rule must meet at least
 * one of its types in the sample stacks.
 */
class SampleMeshPolicyCoverageTest {
    @Test
    void everyResourceRuleAppliesToSomeResourceOfTheSampleStacks() {
        Set<String> types = SampleMesh.plan().stacks().stream().flatMap(s -> s.resources().stream())
                .map(PlannedResource::type).collect(Collectors.toSet());
        PolicyPacks.all().stream().flatMap(p -> p.rules().stream())
                .filter(ResourceRule.class::isInstance).map(ResourceRule.class::cast)
                .forEach(rule -> assertThat(rule.resourceTypes()).as(rule.name()).containsAnyElementsOf(types));
    }
}
