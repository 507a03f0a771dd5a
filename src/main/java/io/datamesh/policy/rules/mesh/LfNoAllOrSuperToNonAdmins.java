package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

public final class LfNoAllOrSuperToNonAdmins extends StackRule {
    private static final Set<String> BROAD = Set.of("ALL", "SUPER");

    public LfNoAllOrSuperToNonAdmins() {
        super("lf-no-all-or-super-to-non-admins", EnforcementLevel.MANDATORY,
                "Lake Formation ALL or SUPER permissions go only to data lake administrators.");
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of("adminPrincipals", ConfigSchemas.stringList("Admins managed outside this stack (the stack's DataLakeSettings admins always count).", List.of()));
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> admins = new HashSet<>(LfPrincipals.admins(stack));
        admins.addAll(env.config().strings("adminPrincipals"));
        return eachResource(stack.ofType(ResourceTypes.LF_PERMISSIONS), grant -> {
            List<String> broad = Stream.concat(grant.inputs().strings("permissions").stream(),
                            grant.inputs().strings("permissionsWithGrantOptions").stream())
                    .filter(BROAD::contains).distinct().toList();
            if (broad.isEmpty()) {
                return List.of();
            }
            String principal = grant.inputs().string("principal").orElse("");
            return admins.contains(principal) ? List.of() : List.of(new Violation(grant.urn(), principal
                    + " is not a data lake admin but is granted " + broad + "; grant the specific permissions it needs"));
        });
    }
}
