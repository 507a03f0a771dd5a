package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

/** With ACLs disabled, only policies (which the other rules check) decide access. */
public final class S3BucketOwnerEnforced extends ResourceRule {
    public S3BucketOwnerEnforced() {
        super("s3-bucket-owner-enforced", EnforcementLevel.MANDATORY,
                "S3 object ownership is BucketOwnerEnforced (ACLs disabled).",
                ResourceTypes.BUCKET_OWNERSHIP);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        String ownership = inputs.string("rule", "objectOwnership").orElse("");
        return ownership.equals("BucketOwnerEnforced") ? List.of()
                : List.of("objectOwnership is '" + ownership + "', expected BucketOwnerEnforced");
    }
}
