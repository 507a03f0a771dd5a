package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;
import io.datamesh.policy.rules.PolicyDocument;
import java.util.List;
import java.util.Optional;

public final class S3TlsOnlyPolicy extends ResourceRule {
    /** A Deny with BoolIfExists also denies requests that lack the key, so it is as strict or stricter. */
    private static final List<String> TLS_OPERATORS = List.of("Bool", "BoolIfExists");

    public S3TlsOnlyPolicy() {
        super("s3-tls-only-policy", EnforcementLevel.MANDATORY,
                "S3 bucket policies deny requests without TLS (aws:SecureTransport = false).",
                ResourceTypes.BUCKET_POLICY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        Optional<PolicyDocument> policy = PolicyDocument.read(inputs, "policy");
        if (policy.flatMap(PolicyDocument::problem).isPresent()) {
            return List.of(policy.get().problem().get());
        }
        boolean denies = policy.stream()
                .flatMap(doc -> doc.statements().stream())
                .anyMatch(s -> !s.allow() && s.hasCondition(TLS_OPERATORS, "aws:SecureTransport", "false"));
        return denies ? List.of() : List.of("no Deny statement with condition Bool aws:SecureTransport = false");
    }
}
