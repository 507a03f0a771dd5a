package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Set;

/** A crawler runs on untrusted data; as an admin it could grant itself, or anyone, everything. */
public final class LfCrawlerRoleNotAdmin extends StackRule {
    public LfCrawlerRoleNotAdmin() {
        super("lf-crawler-role-not-admin", EnforcementLevel.MANDATORY,
                "Glue crawler roles are never Lake Formation administrators.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> admins = LfPrincipals.admins(stack);
        return eachResource(stack.ofType(ResourceTypes.GLUE_CRAWLER), crawler -> {
            String role = crawler.inputs().string("role").orElse("");
            return LfPrincipals.isAdminRole(admins, role)
                    ? List.of(new Violation(crawler.urn(), "crawler role " + role + " is a data lake admin")) : List.of();
        });
    }
}
