package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A database copies its account's default permissions when it is created, and a table its
 * database's; the provider cannot clear them later (it sends CreateTableDefaultPermissions only
 * when non-empty: terraform-provider-aws PR #43226). So every database (resource links included)
 * and table must wait, directly or through others, for the settings write that empties the defaults.
 */
public final class LfCatalogAfterSettings extends StackRule {
    public LfCatalogAfterSettings() {
        super("lf-catalog-after-settings", EnforcementLevel.MANDATORY,
                "Every Glue database (resource links too) and table depends on its account's Lake Formation settings write.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> settings = new HashSet<>();
        stack.ofType(ResourceTypes.LF_SETTINGS).forEach(s -> settings.add(s.urn()));
        if (settings.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> dependencies = new HashMap<>();
        stack.all().forEach(e -> dependencies.put(e.urn(), e.resource().options().dependsOn()));
        return eachResource(Stream.concat(stack.ofType(ResourceTypes.GLUE_DATABASE).stream(),
                stack.ofType(ResourceTypes.GLUE_TABLE).stream()).toList(), resource ->
                reaches(resource.urn(), settings, dependencies) ? List.of() : List.of(new Violation(resource.urn(),
                        resource.resource().name() + " can be created before the Lake Formation settings write and would"
                                + " keep IAM_ALLOWED_PRINCIPALS for good: add the DataLakeSettings resource to its dependsOn")));
    }

    private static boolean reaches(String from, Set<String> targets, Map<String, List<String>> dependencies) {
        Set<String> seen = new HashSet<>();
        var queue = new ArrayDeque<String>(dependencies.getOrDefault(from, List.of()));
        while (!queue.isEmpty()) {
            String urn = queue.pop();
            if (targets.contains(urn)) {
                return true;
            }
            if (seen.add(urn)) {
                queue.addAll(dependencies.getOrDefault(urn, List.of()));
            }
        }
        return false;
    }
}
