package io.datamesh.plan;

import io.datamesh.util.Ordered;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackSettings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of a whole mesh directory.
 *
 * @param stacks      each planned stack's converged plan, in deploy order
 * @param deployOrder every `pulumi up` a first deployment runs, in order (producers appear twice)
 * @param runs        the stack runs this plan made, in order, with their wall time: the deploy order,
 *                    or the part of it the selected stacks need
 * @param configs     the raw config and validated settings per stack, for policies and the explainer
 * @param notes       what the plan leaves out on purpose, e.g. stacks that live outside the directory
 */
public record MeshPlan(List<StackPlan> stacks, List<String> deployOrder, List<StackRun> runs,
                       Map<String, RawStackConfig> configs, Map<String, StackSettings> settings, List<String> notes) {
    public MeshPlan {
        stacks = List.copyOf(stacks);
        deployOrder = List.copyOf(deployOrder);
        runs = List.copyOf(runs);
        configs = Ordered.copy(configs);
        settings = Ordered.copy(settings);
        notes = List.copyOf(notes);
    }

    /** Which stacks of the directory each stack reads the outputs of: steps of those cannot run at once. */
    public Map<String, Set<String>> reads() {
        return StackReads.of(settings);
    }
}
