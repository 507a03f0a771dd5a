package io.datamesh.account;

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
import com.pulumi.resources.ComponentResource;
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
 * The guards are its children, so a preview shows each bucket with what protects it.
 *
 * <p>The bucket and its guards were direct children of the caller before this component existed;
 * each carries an alias to that URN (see {@link ChildOf}), so an existing bucket stays where it is.
 */
public final class SecureBucket extends ComponentResource {
    public static final String TYPE = "datamesh:index:SecureBucket";

    private final BucketV2 bucket;
    private final BucketPolicy policy;

    public SecureBucket(String name, SecureBucketArgs args, Resource parent) {
        super(TYPE, name, ChildOf.componentUnder(parent));
        var children = ChildOf.movedFrom(this, parent);
        bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(args.bucketName())
                .forceDestroy(!args.retain())
                .tags(Map.of("datamesh:purpose", args.purpose()))
                .build(), options(children, args, List.of()));
        var afterBucket = options(children, args, List.of(bucket));
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
                                                .sseAlgorithm("aws:kms").kmsMasterKeyId(args.key().arn()).build())
                                .bucketKeyEnabled(true)
                                .build())
                        .build(), afterBucket);
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.bucket())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), afterBucket);
        if (args.versioned()) {
            new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                    .bucket(bucket.bucket())
                    .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                    .build(), afterBucket);
        }
        List<IamStatement> statements = new ArrayList<>();
        statements.add(PolicyDocuments.denyInsecureTransport("arn:aws:s3:::" + args.bucketName()));
        statements.addAll(args.allowStatements());
        // After the public-access block: S3 refuses some policies while the block is being changed.
        policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.bucket())
                .policy(PolicyDocuments.policy(statements))
                .build(), options(children, args, List.of(bucket, publicAccess)));
        registerOutputs(Map.of());
    }

    public BucketV2 bucket() {
        return bucket;
    }

    /** A service that checks the bucket policy on setup (CloudTrail) must wait for it. */
    public BucketPolicy policy() {
        return policy;
    }

    private static CustomResourceOptions options(ChildOf children, SecureBucketArgs args, List<Resource> dependsOn) {
        return children.options().dependsOn(dependsOn).retainOnDelete(args.retain()).build();
    }
}
