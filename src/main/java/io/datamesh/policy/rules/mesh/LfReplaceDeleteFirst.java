package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every input of a Lake Formation grant or tag assignment forces replacement
 * (terraform-provider-aws internal/service/lakeformation/permissions.go, resource_lf_tag.go), and
 * Pulumi replaces create-then-delete unless told otherwise: the old resource's delete then revokes
 * (or untags) what the new one has just granted. A stack rule, since only the options say it.
 */
public final class LfReplaceDeleteFirst extends StackRule {
    public LfReplaceDeleteFirst() {
        super("lf-replace-delete-first", EnforcementLevel.MANDATORY,
                "Lake Formation grants and LF-tag assignments are replaced delete-first (deleteBeforeReplace).");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        return eachResource(Stream.concat(stack.ofType(ResourceTypes.LF_PERMISSIONS).stream(),
                stack.ofType(ResourceTypes.LF_RESOURCE_TAG).stream()).toList(), resource ->
                resource.resource().options().deleteBeforeReplace() ? List.of() : List.of(new Violation(resource.urn(),
                        resource.resource().name() + " is replaced create-then-delete, so the replacement's delete revokes"
                                + " what it has just granted: set deleteBeforeReplace")));
    }
}
