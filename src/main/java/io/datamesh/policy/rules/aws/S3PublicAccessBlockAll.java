package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.List;
import java.util.Set;

/** Any one flag left off re-opens a path to public data (ACLs or policies). */
public final class S3PublicAccessBlockAll implements ResourceRule {
    @Override
    public String name() {
        return "s3-public-access-block-all";
    }

    @Override
    public String description() {
        return "S3 public access blocks set all four flags.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.BUCKET_PUBLIC_ACCESS_BLOCK);
    }

    private static final List<String> FLAGS =
            List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return FLAGS.stream()
                .filter(flag -> !inputs.bool(flag).orElse(false))
                .map(flag -> flag + " is not true")
                .toList();
    }
}
