package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.MeshConfig;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Without the condition the policy grants catalog access by IAM alone, around Lake Formation. And
 * since the mesh pins cross-account version 4 or later, Lake Formation shares through AWS RAM: a
 * catalog policy that does not let RAM share the catalog makes every cross-account grant fail
 * (Lake Formation developer guide, "Managing cross-account permissions using both AWS Glue and Lake
 * Formation"; aws-lakeformation-best-practices, cross-account version upgrade).
 */
public final class GlueResourcePolicyMeshOnly extends ResourceRule {
    /**
     * Operators that require the key to be present and true. Negated operators admit everything
     * else, and {@code …IfExists} admits requests without the key, i.e. those not evaluated by Lake Formation.
     */
    private static final List<String> LF_TAG_OPERATORS = List.of("Bool", "StringEquals", "StringEqualsIgnoreCase");

    public GlueResourcePolicyMeshOnly() {
        super("glue-resource-policy-mesh-only", EnforcementLevel.MANDATORY,
                "The Glue catalog resource policy admits only mesh accounts, only through glue:EvaluatedByLakeFormationTags,"
                        + " and lets ram.amazonaws.com glue:ShareResource (cross-account version 3 and later).",
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
        var allows = policy.map(PolicyDocument::allowStatements).orElse(List.of());
        if (policy.isPresent() && allows.stream().noneMatch(s -> s.allowsAction("glue:ShareResource")
                && s.principals().stream().anyMatch(p -> p.isService() && p.id().equals("ram.amazonaws.com")))) {
            problems.add("no statement allows ram.amazonaws.com glue:ShareResource: at cross-account version 3 and later"
                    + " Lake Formation shares through AWS RAM, and every grant to another account would fail");
        }
        for (var statement : allows) {
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
