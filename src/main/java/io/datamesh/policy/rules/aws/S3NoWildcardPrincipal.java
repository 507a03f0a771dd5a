package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;
import io.datamesh.policy.rules.PolicyDocument;
import java.util.List;
import java.util.Set;

public final class S3NoWildcardPrincipal implements ResourceRule {
    @Override
    public String name() {
        return "s3-no-wildcard-principal";
    }

    @Override
    public String description() {
        return "S3 bucket policies never allow the * principal.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.BUCKET_POLICY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return PolicyDocument.read(inputs, "policy").stream()
                .flatMap(doc -> doc.allowStatements().stream())
                .filter(PolicyDocument.Statement::hasWildcardPrincipal)
                .map(s -> "Allow statement for principal * on " + s.resources())
                .toList();
    }
}
