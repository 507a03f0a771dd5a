package io.datamesh.policy;

import io.datamesh.policy.engine.PackEvaluator;
import io.datamesh.policy.engine.PolicyConfig;
import io.datamesh.policy.engine.PolicyContext;
import io.datamesh.policy.engine.PolicyFinding;
import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.Rule;
import io.datamesh.resource.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Offline evaluation of both packs over one stack's planned resources, as {@code pulumi preview}
 * with both packs would: resource rules per resource, then stack rules once. Findings come in a
 * fixed order: packs in {@link PolicyPacks#all()} order, resources in plan order, rules in pack order.
 */
public final class PolicyRunner {
    private PolicyRunner() {
    }

    public static List<PolicyFinding> evaluate(List<PlannedResource> resources, PolicyContext context) {
        return evaluate(resources, context, Map.of());
    }

    /**
     * @param config per-policy levels and properties by policy name (names are unique across both
     *               packs), in {@code --policy-pack-config} form; the key {@code all} sets every level.
     * @throws IllegalArgumentException for an unknown policy name or properties that fail the policy's schema
     */
    public static List<PolicyFinding> evaluate(List<PlannedResource> resources, PolicyContext context,
                                               Map<String, PolicyConfig> config) {
        Set<String> known = PolicyPacks.all().stream().flatMap(p -> p.rules().stream()).map(Rule::name)
                .collect(Collectors.toSet());
        config.keySet().stream().filter(name -> !name.equals("all") && !known.contains(name)).findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("no policy named '" + name + "'");
                });
        List<PolicyFinding> findings = new ArrayList<>();
        for (PolicyPack pack : PolicyPacks.all()) {
            PackEvaluator evaluator = new PackEvaluator(pack, config);
            for (PlannedResource resource : resources) {
                findings.addAll(evaluator.analyzeResource(resource, context));
            }
            findings.addAll(evaluator.analyzeStack(resources, context));
        }
        return findings;
    }
}
