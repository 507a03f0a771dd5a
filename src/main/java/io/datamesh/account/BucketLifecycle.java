package io.datamesh.account;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle of a mesh bucket. Every lifecycle also aborts multipart uploads left incomplete:
 * their parts are invisible in listings, are billed, and can hold data nobody can see to erase.
 */
public final class BucketLifecycle {
    /** A week: long enough for any upload that is still running, short enough not to hoard parts. */
    public static final int ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;

    private BucketLifecycle() {
    }

    public static BucketLifecycleConfigurationV2 create(String name, BucketV2 bucket, CustomResourceOptions options,
                                                        BucketLifecycleConfigurationV2RuleArgs... rules) {
        List<BucketLifecycleConfigurationV2RuleArgs> all = new ArrayList<>(List.of(rules));
        all.add(wholeBucket("abort-incomplete-multipart-uploads")
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS).build())
                .build());
        return new BucketLifecycleConfigurationV2(name, BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.bucket()).rules(all).build(), options);
    }

    public static BucketLifecycleConfigurationV2RuleArgs expireObjects(String id, int days) {
        return wholeBucket(id).expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(days).build())
                .build();
    }

    public static BucketLifecycleConfigurationV2RuleArgs expireNoncurrentVersions(String id, int days) {
        return wholeBucket(id).noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                .noncurrentDays(days).build()).build();
    }

    private static BucketLifecycleConfigurationV2RuleArgs.Builder wholeBucket(String id) {
        return BucketLifecycleConfigurationV2RuleArgs.builder().id(id).status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build());
    }
}
