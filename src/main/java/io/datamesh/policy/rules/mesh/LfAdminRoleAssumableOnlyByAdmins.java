package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whoever can assume a Lake Formation admin role is a Lake Formation admin: the role's trust
 * policy may admit only principals that the stack's DataLakeSettings already list as admins,
 * named exactly (as the principal, or as every value of an {@code aws:PrincipalArn} ArnEquals /
 * ArnLike / StringEquals / StringLike condition on an account root) — never a whole account, a
 * pattern, or a service.
 */
public final class LfAdminRoleAssumableOnlyByAdmins extends StackRule {
    public LfAdminRoleAssumableOnlyByAdmins() {
        super("lf-admin-role-assumable-only-by-admins", EnforcementLevel.MANDATORY,
                "A role that is a Lake Formation admin can be assumed only by principals that are admins already.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> admins = LfPrincipals.admins(stack);
        return eachResource(stack.ofType(ResourceTypes.IAM_ROLE), role -> {
            String name = role.inputs().string("name").orElse("");
            if (!LfPrincipals.isAdminRole(admins, name)) {
                return List.of();
            }
            Optional<PolicyDocument> trust = PolicyDocument.read(role.inputs(), "assumeRolePolicy");
            List<String> problems = new ArrayList<>(trust.flatMap(PolicyDocument::problem).stream().toList());
            trust.map(PolicyDocument::allowStatements).orElse(List.of())
                    .forEach(s -> problems.addAll(outsiders(s, admins).toList()));
            return problems.stream().map(p -> new Violation(role.urn(), "Lake Formation admin role " + name + " " + p)).toList();
        });
    }

    private static Stream<String> outsiders(PolicyDocument.Statement statement, Set<String> admins) {
        if (statement.allowsAllButListedPrincipals()) {
            return Stream.of("is trusted through NotPrincipal, which admits every principal it does not list");
        }
        List<String> conditioned = statement.principalArnValues();
        return statement.principals().stream().flatMap(p -> {
            if (p.isService()) {
                return Stream.of("can be assumed by the service " + p.id());
            }
            if (admins.contains(p.id())) {
                return Stream.empty();
            }
            if (p.id().endsWith(":root") || LfPrincipals.isAccount(p.id()) || p.isWildcard()) {
                if (conditioned.isEmpty()) {
                    return Stream.of("can be assumed by every principal of " + p.id() + " that may assume roles");
                }
                return conditioned.stream().filter(arn -> !admins.contains(arn))
                        .map(arn -> "can be assumed by " + arn + ", which is not a Lake Formation admin");
            }
            return Stream.of("can be assumed by " + p.id() + ", which is not a Lake Formation admin");
        });
    }
}
