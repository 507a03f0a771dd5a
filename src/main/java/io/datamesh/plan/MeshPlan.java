package io.datamesh.plan;

import io.datamesh.util.Ordered;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackSettings;

import java.util.List;
import java.util.Map;

/**
 * The plan of a whole mesh directory.
 *
 * @param stacks      each stack's converged plan, in deploy order
 * @param deployOrder every `pulumi up` a first deployment runs, in order (producers appear twice)
 * @param configs     the raw config and validated settings per stack, for policies and the explainer
 */
public record MeshPlan(List<StackPlan> stacks, List<String> deployOrder, Map<String, RawStackConfig> configs,
                       Map<String, StackSettings> settings) {
    public MeshPlan {
        stacks = List.copyOf(stacks);
        deployOrder = List.copyOf(deployOrder);
        configs = Ordered.copy(configs);
        settings = Ordered.copy(settings);
    }
}
