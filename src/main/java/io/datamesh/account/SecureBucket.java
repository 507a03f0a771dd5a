package io.datamesh.account;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.datamesh.iam.PolicyDocuments;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bucket with the guards every mesh bucket has: SSE-KMS with a customer key and bucket key, all
 * four public-access blocks, BucketOwnerEnforced, a TLS-only deny, and optionally versioning.
 *
 * @param purpose the {@code datamesh:purpose} tag (policies tell data buckets from others by it)
 * @param retain  keep the bucket and every guard on destroy: a retained bucket must not lose its
 *                encryption or public-access block when the stack goes away
 */
public record SecureBucket(String name, String bucketName, String purpose, Key key, boolean versioned,
                           boolean retain, List<IamStatement> allowStatements) {

    /** The bucket and its policy: a service that checks the policy on setup (CloudTrail) must wait for it. */
    public record Guarded(BucketV2 bucket, BucketPolicy policy) {
    }

    public BucketV2 create(Resource parent) {
        return createGuarded(parent).bucket();
    }

    public Guarded createGuarded(Resource parent) {
        var bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(bucketName)
                .forceDestroy(!retain)
                .tags(Map.of("datamesh:purpose", purpose))
                .build(), options(parent, List.of()));
        var afterBucket = options(parent, List.of(bucket));
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.bucket())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), afterBucket);
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.bucket())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                                .sseAlgorithm("aws:kms").kmsMasterKeyId(key.arn()).build())
                                .bucketKeyEnabled(true)
                                .build())
                        .build(), afterBucket);
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.bucket())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), afterBucket);
        if (versioned) {
            new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                    .bucket(bucket.bucket())
                    .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                    .build(), afterBucket);
        }
        List<IamStatement> statements = new ArrayList<>();
        statements.add(PolicyDocuments.denyInsecureTransport("arn:aws:s3:::" + bucketName));
        statements.addAll(allowStatements);
        // After the public-access block: S3 refuses some policies while the block is being changed.
        var policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.bucket())
                .policy(PolicyDocuments.policy(statements))
                .build(), options(parent, List.of(bucket, publicAccess)));
        return new Guarded(bucket, policy);
    }

    private CustomResourceOptions options(Resource parent, List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn).retainOnDelete(retain).build();
    }
}
