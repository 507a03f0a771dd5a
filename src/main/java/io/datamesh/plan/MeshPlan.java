package io.datamesh.plan;

import io.datamesh.util.Ordered;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackSettings;

import java.util.List;
import java.util.Map;

/**
 * The plan of a whole mesh directory.
 *
 * @param stacks      each planned stack's converged plan, in deploy order
 * @param deployOrder every `pulumi up` a first deployment runs, in order (producers appear twice)
 * @param runs        the stack runs this plan made, in order, with their wall time: the deploy order,
 *                    or the part of it the selected stacks need
 * @param configs     the raw config and validated settings per stack, for policies and the explainer
 */
public record MeshPlan(List<StackPlan> stacks, List<String> deployOrder, List<StackRun> runs,
                       Map<String, RawStackConfig> configs, Map<String, StackSettings> settings) {
    public MeshPlan {
        stacks = List.copyOf(stacks);
        deployOrder = List.copyOf(deployOrder);
        runs = List.copyOf(runs);
        configs = Ordered.copy(configs);
        settings = Ordered.copy(settings);
    }
}
