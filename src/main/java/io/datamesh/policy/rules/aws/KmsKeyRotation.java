package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.List;
import java.util.Set;

public final class KmsKeyRotation implements ResourceRule {
    @Override
    public String name() {
        return "kms-key-rotation";
    }

    @Override
    public String description() {
        return "KMS keys rotate their key material yearly.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.KMS_KEY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return inputs.bool("enableKeyRotation").orElse(false) ? List.of() : List.of("enableKeyRotation is not true");
    }
}
