package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.stream.Stream;

public final class IamNoFullAdminStatement extends ResourceRule {
    public IamNoFullAdminStatement() {
        super("iam-no-star-star", EnforcementLevel.MANDATORY,
                "IAM policies never allow action * on resource *.",
                ResourceTypes.IAM_ROLE, ResourceTypes.IAM_ROLE_POLICY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return PolicyDocument.identityPolicies(inputs).stream().flatMap(doc -> doc.allowProblems(s -> !s.allowsEverything()
                ? Stream.empty()
                : Stream.of(s.negations().isEmpty()
                        ? "statement " + s.actions() + " on " + s.resources() + " grants full administrator access"
                        : "statement with " + String.join(" and ", s.negations())
                                + " grants every action on every resource it does not exclude: near-full administrator access"))
                .stream()).toList();
    }
}
