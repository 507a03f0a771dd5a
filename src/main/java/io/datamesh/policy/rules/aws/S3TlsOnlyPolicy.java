package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;
import io.datamesh.policy.rules.PolicyDocument;
import java.util.List;

public final class S3TlsOnlyPolicy extends ResourceRule {
    public S3TlsOnlyPolicy() {
        super("s3-tls-only-policy", EnforcementLevel.MANDATORY,
                "S3 bucket policies deny requests without TLS (aws:SecureTransport = false).",
                ResourceTypes.BUCKET_POLICY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        boolean denies = PolicyDocument.read(inputs, "policy").stream()
                .flatMap(doc -> doc.statements().stream())
                .anyMatch(s -> !s.allow() && s.hasCondition("aws:SecureTransport", "false"));
        return denies ? List.of() : List.of("no Deny statement with condition aws:SecureTransport = false");
    }
}
