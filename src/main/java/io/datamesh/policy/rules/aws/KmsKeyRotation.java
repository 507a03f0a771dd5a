package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

public final class KmsKeyRotation extends ResourceRule {
    public KmsKeyRotation() {
        super("kms-key-rotation", EnforcementLevel.MANDATORY,
                "KMS keys rotate their key material yearly.",
                ResourceTypes.KMS_KEY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return inputs.bool("enableKeyRotation").orElse(false) ? List.of() : List.of("enableKeyRotation is not true");
    }
}
