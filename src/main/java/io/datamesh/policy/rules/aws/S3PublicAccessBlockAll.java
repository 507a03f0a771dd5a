package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

/** Any one flag left off re-opens a path to public data (ACLs or policies). */
public final class S3PublicAccessBlockAll extends ResourceRule {
    private static final List<String> FLAGS =
            List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");

    public S3PublicAccessBlockAll() {
        super("s3-public-access-block-all", EnforcementLevel.MANDATORY,
                "S3 public access blocks set all four flags.",
                ResourceTypes.BUCKET_PUBLIC_ACCESS_BLOCK);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return FLAGS.stream()
                .filter(flag -> !inputs.bool(flag).orElse(false))
                .map(flag -> flag + " is not true")
                .toList();
    }
}
