package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.List;

public final class IamNoFullAdminStatement extends ResourceRule {
    public IamNoFullAdminStatement() {
        super("iam-no-star-star", EnforcementLevel.MANDATORY,
                "IAM policies never allow action * on resource *.",
                ResourceTypes.IAM_ROLE, ResourceTypes.IAM_ROLE_POLICY);
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
