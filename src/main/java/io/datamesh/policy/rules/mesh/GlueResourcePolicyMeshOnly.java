package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.MeshConfig;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Without the condition the policy grants catalog access by IAM alone, around Lake Formation. */
public final class GlueResourcePolicyMeshOnly extends ResourceRule {
    /**
     * Operators that require the key to be present and true. Negated operators admit everything
     * else, and {@code …IfExists} admits requests without the key, i.e. those not evaluated by Lake Formation.
     */
    private static final List<String> LF_TAG_OPERATORS = List.of("Bool", "StringEquals", "StringEqualsIgnoreCase");

    public GlueResourcePolicyMeshOnly() {
        super("glue-resource-policy-mesh-only", EnforcementLevel.MANDATORY,
                "The Glue catalog resource policy admits only mesh accounts, and only through glue:EvaluatedByLakeFormationTags.",
                ResourceTypes.GLUE_RESOURCE_POLICY);
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of("allowedServices", ConfigSchemas.stringList("Service principals allowed without the LF-tag condition (RAM shares catalogs for LF v3+).", List.of("ram.amazonaws.com")));
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        Set<String> meshAccounts = MeshConfig.of(env.context()).meshAccounts();
        List<String> services = env.config().strings("allowedServices");
        List<String> problems = new ArrayList<>();
        Optional<PolicyDocument> policy = PolicyDocument.read(inputs, "policy");
        policy.flatMap(PolicyDocument::problem).ifPresent(problems::add);
        for (var statement : policy.map(PolicyDocument::allowStatements).orElse(List.of())) {
            if (statement.allowsAllButListedPrincipals()) {
                problems.add(statement.notPrincipalProblem(", including non-mesh accounts"));
                continue;
            }
            if (!statement.principals().isEmpty() && statement.principals().stream()
                    .allMatch(p -> p.isService() && services.contains(p.id()))) {
                continue;
            }
            for (var principal : statement.principals()) {
                if (principal.account().filter(meshAccounts::contains).isEmpty()) {
                    problems.add("principal " + principal.id() + " is not a mesh account");
                }
            }
            if (!statement.hasCondition(LF_TAG_OPERATORS, "glue:EvaluatedByLakeFormationTags", "true")) {
                problems.add("Allow statement for " + statement.principals().stream().map(PolicyDocument.Principal::id).toList()
                        + " lacks condition Bool (or StringEquals) glue:EvaluatedByLakeFormationTags = true");
            }
        }
        return problems;
    }
}
