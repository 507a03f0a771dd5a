package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** An audit trail is evidence only if it is unreadable to outsiders and provably unaltered. */
public final class CloudTrailTrailIntegrity extends ResourceRule {
    public CloudTrailTrailIntegrity() {
        super("cloudtrail-trail-integrity", EnforcementLevel.MANDATORY,
                "CloudTrail trails encrypt with a KMS key and validate log files.",
                ResourceTypes.CLOUDTRAIL_TRAIL);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<String> problems = new ArrayList<>();
        if (inputs.string("kmsKeyId").filter(k -> !k.isBlank()).isEmpty()) {
            problems.add("no kmsKeyId");
        }
        if (!inputs.bool("enableLogFileValidation").orElse(false)) {
            problems.add("enableLogFileValidation is not true");
        }
        return problems;
    }
}
