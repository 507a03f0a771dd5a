package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

public final class AthenaEnforceWorkgroupConfiguration extends ResourceRule {
    public AthenaEnforceWorkgroupConfiguration() {
        super("athena-workgroup-enforce-configuration", EnforcementLevel.MANDATORY,
                "Athena workgroups enforce their configuration over client settings.",
                ResourceTypes.ATHENA_WORKGROUP);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return inputs.bool("configuration", "enforceWorkgroupConfiguration").orElse(false) ? List.of()
                : List.of("enforceWorkgroupConfiguration is not true");
    }
}
