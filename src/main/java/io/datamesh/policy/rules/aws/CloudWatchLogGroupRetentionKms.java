package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** Logs of jobs over personal data can quote it: they are kept for a stated time, under a customer key. */
public final class CloudWatchLogGroupRetentionKms extends ResourceRule {
    public CloudWatchLogGroupRetentionKms() {
        super("cloudwatch-log-group-retention-kms", EnforcementLevel.MANDATORY,
                "CloudWatch log groups have a retention and a KMS key.",
                ResourceTypes.LOG_GROUP);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<String> problems = new ArrayList<>();
        if (inputs.number("retentionInDays").map(Number::intValue).filter(d -> d > 0).isEmpty()) {
            problems.add("retentionInDays is not set: the logs are kept forever");
        }
        if (inputs.string("kmsKeyId").filter(k -> !k.isBlank()).isEmpty()) {
            problems.add("no kmsKeyId");
        }
        return problems;
    }
}
