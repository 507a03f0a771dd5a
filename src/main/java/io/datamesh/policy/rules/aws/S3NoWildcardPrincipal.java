package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;
import io.datamesh.policy.rules.PolicyDocument;
import java.util.List;
import java.util.stream.Stream;

public final class S3NoWildcardPrincipal extends ResourceRule {
    public S3NoWildcardPrincipal() {
        super("s3-no-wildcard-principal", EnforcementLevel.MANDATORY,
                "S3 bucket policies never allow the * principal.",
                ResourceTypes.BUCKET_POLICY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return PolicyDocument.read(inputs, "policy").map(doc -> doc.allowProblems(s -> {
            if (s.hasWildcardPrincipal()) {
                return Stream.of("Allow statement for principal * on " + s.resources());
            }
            return s.allowsAllButListedPrincipals()
                    ? Stream.of(s.notPrincipalProblem(", as principal * would; name the principals instead")) : Stream.empty();
        })).orElse(List.of());
    }
}
