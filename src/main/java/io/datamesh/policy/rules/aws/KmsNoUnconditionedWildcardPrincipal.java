package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;
import io.datamesh.policy.rules.PolicyDocument;
import java.util.List;

public final class KmsNoUnconditionedWildcardPrincipal extends ResourceRule {
    public KmsNoUnconditionedWildcardPrincipal() {
        super("kms-no-unconditioned-wildcard-principal", EnforcementLevel.MANDATORY,
                "KMS key policies never allow the * principal without a condition.",
                ResourceTypes.KMS_KEY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return PolicyDocument.read(inputs, "policy").stream()
                .flatMap(doc -> doc.allowStatements().stream())
                .filter(s -> s.hasWildcardPrincipal() && s.conditions().isEmpty())
                .map(s -> "Allow statement for principal * without conditions: " + s.actions())
                .toList();
    }
}
