package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.List;
import java.util.Set;

public final class AthenaEnforceWorkgroupConfiguration implements ResourceRule {
    @Override
    public String name() {
        return "athena-workgroup-enforce-configuration";
    }

    @Override
    public String description() {
        return "Athena workgroups enforce their configuration over client settings.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.ATHENA_WORKGROUP);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return inputs.bool("configuration", "enforceWorkgroupConfiguration").orElse(false) ? List.of()
                : List.of("enforceWorkgroupConfiguration is not true");
    }
}
