package io.datamesh.plan;

import io.datamesh.resource.PlannedResource;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a stack's Lake Formation writes are ordered, read from the plan alone (each resource's
 * {@code options.dependsOn}): the longest chain of writes that must happen one after another is
 * what bounds a first deploy, whatever the engine's parallelism.
 */
public final class LakeFormationWrites {
    private static final Set<String> LANE_TYPES = Set.of(
            "aws:lakeformation/permissions:Permissions",
            "aws:lakeformation/resourceLfTag:ResourceLfTag",
            "aws:lakeformation/resource:Resource");

    private LakeFormationWrites() {
    }

    /** Every resource of the lakeformation module is a write: settings, LF-tags, registrations, grants, tags. */
    public static boolean isWrite(PlannedResource resource) {
        return resource.type().startsWith("aws:lakeformation/");
    }

    public static long count(StackPlan plan) {
        return plan.resources().stream().filter(LakeFormationWrites::isWrite).count();
    }

    /**
     * The most Lake Formation writes on one path of explicit dependencies (other resources on the
     * path count zero). A dependency outside the plan counts zero too.
     */
    public static int longestChain(StackPlan plan) {
        Map<String, PlannedResource> byUrn = plan.resources().stream()
                .collect(Collectors.toMap(PlannedResource::urn, Function.identity(), (a, b) -> a));
        Map<String, Integer> chain = new HashMap<>();
        int longest = 0;
        for (PlannedResource resource : plan.resources()) {
            longest = Math.max(longest, chainEndingAt(resource.urn(), byUrn, chain));
        }
        return longest;
    }

    /**
     * Writes that can be in flight at once, at most: grants, tag assignments and registrations that
     * wait for none of their kind start a lane, and every other one waits for one before it.
     */
    public static long lanes(StackPlan plan) {
        Map<String, PlannedResource> byUrn = plan.resources().stream()
                .collect(Collectors.toMap(PlannedResource::urn, Function.identity(), (a, b) -> a));
        return plan.resources().stream().filter(r -> LANE_TYPES.contains(r.type()))
                .filter(r -> r.options().dependsOn().stream().map(byUrn::get)
                        .noneMatch(d -> d != null && LANE_TYPES.contains(d.type())))
                .count();
    }

    /**
     * Depth-first without recursion: a chain of thousands of writes must not overflow the stack.
     * The engine's dependencies have no cycle (a resource can only depend on one constructed before it).
     */
    private static int chainEndingAt(String start, Map<String, PlannedResource> byUrn, Map<String, Integer> chain) {
        var pending = new ArrayDeque<String>();
        pending.push(start);
        while (!pending.isEmpty()) {
            String urn = pending.peek();
            if (chain.containsKey(urn)) {
                pending.pop();
                continue;
            }
            PlannedResource resource = byUrn.get(urn);
            List<String> dependencies = resource == null ? List.of() : resource.options().dependsOn();
            boolean ready = true;
            for (String dependency : dependencies) {
                if (!chain.containsKey(dependency)) {
                    pending.push(dependency);
                    ready = false;
                }
            }
            if (ready) {
                int before = dependencies.stream().mapToInt(chain::get).max().orElse(0);
                chain.put(urn, before + (resource != null && isWrite(resource) ? 1 : 0));
                pending.pop();
            }
        }
        return chain.get(start);
    }
}
