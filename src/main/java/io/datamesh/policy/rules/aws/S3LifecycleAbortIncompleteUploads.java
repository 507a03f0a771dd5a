package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.BucketLifecycleRules;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

/** Parts of an unfinished upload are billed, never listed, and hold data nobody sees to erase. */
public final class S3LifecycleAbortIncompleteUploads extends ResourceRule {
    public S3LifecycleAbortIncompleteUploads() {
        super("s3-lifecycle-abort-incomplete-uploads", EnforcementLevel.MANDATORY,
                "Every bucket lifecycle aborts incomplete multipart uploads, for the whole bucket.",
                ResourceTypes.BUCKET_LIFECYCLE);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        boolean aborts = BucketLifecycleRules.wholeBucketRules(inputs).stream()
                .anyMatch(r -> r.number("abortIncompleteMultipartUpload", "daysAfterInitiation").map(Number::intValue)
                        .filter(days -> days > 0).isPresent());
        return aborts ? List.of() : List.of("no enabled whole-bucket rule with abortIncompleteMultipartUpload.daysAfterInitiation");
    }
}
