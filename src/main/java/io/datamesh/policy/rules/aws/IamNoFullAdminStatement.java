package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.List;
import java.util.Set;

public final class IamNoFullAdminStatement implements ResourceRule {
    @Override
    public String name() {
        return "iam-no-star-star";
    }

    @Override
    public String description() {
        return "IAM policies never allow action * on resource *.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.IAM_ROLE, ResourceTypes.IAM_ROLE_POLICY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return PolicyDocument.identityPolicies(inputs).stream()
                .flatMap(doc -> doc.statements().stream())
                .filter(s -> s.allowsActionOnAllResources("*") || s.allowsActionOnAllResources("*:*"))
                .map(s -> "statement " + s.actions() + " on * grants full administrator access")
                .toList();
    }
}
