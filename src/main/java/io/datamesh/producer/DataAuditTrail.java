package io.datamesh.producer;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorFieldSelectorArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.datamesh.account.BucketLifecycle;
import io.datamesh.names.MeshNames;
import io.datamesh.account.SecureBucket;
import io.datamesh.account.SecureBucketArgs;
import io.datamesh.config.StackIdentity;
import io.datamesh.iam.PolicyDocuments;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;

/**
 * Who read or wrote which object of the data bucket: CloudTrail data events for every object
 * read and write, into a log bucket of their own.
 *
 * <p>CloudTrail rather than S3 server access logs: delivery is guaranteed within minutes (access
 * logs are best effort, sometimes hours late), each record names the IAM identity and session —
 * for Lake Formation reads the registration role's session, which central's CloudTrail ties to the
 * querying principal through {@code lakeformation:GetDataAccess} — and signed digest files prove
 * the log unaltered; and the trail encrypts with a customer key of its own, like every mesh
 * bucket, where access-log delivery is documented for SSE-S3 targets. The cost is per event ($0.10 per
 * 100,000), management events are not recorded twice (the selectors ask for data events only),
 * and an account may hold five trails per region.
 *
 * <p>The log bucket is locked down: only this trail may write to it (a Deny for every other
 * writer), nobody may delete from it — the lifecycle, which bucket policies do not stop, removes
 * logs after {@code retentionDays} — and, like the data, it survives {@code pulumi destroy}.
 *
 * <p>It is versioned, so that a log overwritten or deleted by whoever first lifts the Deny is
 * still there to read. A version becomes noncurrent only then, or when the lifecycle expires the
 * log (leaving a delete marker); either way it is kept {@code retentionDays} more, the same span
 * as a current log: evidence of tampering lasts as long as the logs themselves, and an expired log
 * is gone at the latest {@code 2 × retentionDays} after it was written.
 */
public record DataAuditTrail(String name, StackIdentity identity, String domain, String dataBucketName,
                             int retentionDays) {

    public Trail create(Resource parent) {
        String account = identity.accountId();
        String prefix = identity.namePrefix();
        String trailName = MeshNames.dataEventsTrail(prefix, domain);
        String trailArn = "arn:aws:cloudtrail:" + identity.region() + ":" + account + ":trail/" + trailName;
        String logBucketName = MeshNames.auditLogBucket(prefix, domain, account, identity.region());
        String logBucketArn = "arn:aws:s3:::" + logBucketName;
        var retained = CustomResourceOptions.builder().parent(parent).retainOnDelete(true).build();

        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the CloudTrail data events of the " + domain + " data bucket")
                .enableKeyRotation(true).deletionWindowInDays(30)
                .policy(PolicyDocuments.policy(List.of(PolicyDocuments.keyAdministration(account),
                        fromTrail("TrailEncryptsLogs", trailArn).addAction("kms:GenerateDataKey*").addResource("*")
                                .addCondition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn",
                                        "arn:aws:cloudtrail:*:" + account + ":trail/*")
                                .build(),
                        fromTrail("TrailDescribesKey", trailArn).addAction("kms:DescribeKey").addResource("*").build())))
                .build(), retained);

        var logBucket = new SecureBucket(name + "-logs", new SecureBucketArgs(logBucketName, "audit-logs", key, true, true, List.of(
                fromTrail("TrailChecksBucketAcl", trailArn).addAction("s3:GetBucketAcl").addResource(logBucketArn).build(),
                fromTrail("TrailWritesLogs", trailArn).addAction("s3:PutObject")
                        .addResource(logBucketArn + "/AWSLogs/" + account + "/*")
                        .addCondition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control").build(),
                IamStatement.builder().sid("OnlyTheTrailWrites").effect(IamEffect.DENY).addPrincipal(IamPrincipal.ALL)
                        .addAction("s3:PutObject").addResource(logBucketArn + "/*")
                        .addCondition("StringNotEquals", "aws:SourceArn", trailArn).build(),
                IamStatement.builder().sid("NobodyDeletesLogs").effect(IamEffect.DENY).addPrincipal(IamPrincipal.ALL)
                        .addAction("s3:DeleteObject").addAction("s3:DeleteObjectVersion")
                        .addResource(logBucketArn + "/*").build())), parent);
        BucketLifecycle.create(name + "-logs-lifecycle", logBucket.bucket(),
                CustomResourceOptions.builder().parent(parent).dependsOn(logBucket.bucket()).retainOnDelete(true).build(),
                BucketLifecycle.expireObjects("expire-audit-logs", retentionDays),
                BucketLifecycle.expireNoncurrentVersions("expire-noncurrent-audit-logs", retentionDays));

        // CloudTrail checks on creation that it may write to the bucket and use the key.
        return new Trail(name, TrailArgs.builder()
                .name(trailName)
                .s3BucketName(logBucketName)
                .kmsKeyId(key.arn())
                .enableLogFileValidation(true)
                .enableLogging(true)
                .includeGlobalServiceEvents(false)
                .isMultiRegionTrail(false)
                .advancedEventSelectors(TrailAdvancedEventSelectorArgs.builder()
                        .name("Every object read and write of " + dataBucketName)
                        .fieldSelectors(
                                selector("eventCategory").equals_("Data").build(),
                                selector("resources.type").equals_("AWS::S3::Object").build(),
                                selector("resources.ARN").startsWiths("arn:aws:s3:::" + dataBucketName + "/").build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent)
                .dependsOn(logBucket.policy(), key).retainOnDelete(true).build());
    }

    /** CloudTrail, and only on behalf of this trail (the confused-deputy guard AWS documents). */
    private static IamStatement.Builder fromTrail(String sid, String trailArn) {
        return IamStatement.builder().sid(sid).effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.SERVICE, "cloudtrail.amazonaws.com")
                .addCondition("StringEquals", "aws:SourceArn", trailArn);
    }

    private static TrailAdvancedEventSelectorFieldSelectorArgs.Builder selector(String field) {
        return TrailAdvancedEventSelectorFieldSelectorArgs.builder().field(field);
    }
}
