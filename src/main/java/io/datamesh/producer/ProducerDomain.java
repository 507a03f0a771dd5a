package io.datamesh.producer;

import com.pulumi.asset.FileAsset;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.datamesh.account.BucketLifecycle;
import io.datamesh.account.Diagnostics;
import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.names.MeshNames;
import io.datamesh.account.SecureBucket;
import io.datamesh.account.SecureBucketArgs;
import io.datamesh.config.DataProduct;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.SampleData;
import io.datamesh.domain.SharedDataAccess;
import io.datamesh.domain.SharedDataAccessArgs;
import io.datamesh.iam.PolicyDocuments;
import io.datamesh.stackref.ProducerExport;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A data domain: its encrypted data bucket (kept on destroy), its data products as contracts for
 * the central catalog, and its own access to shared data. Only the central account's crawler and
 * registration roles may read the bucket and key; consumers never do — Lake Formation vends them
 * credentials through the registration role.
 */
public final class ProducerDomain extends ComponentResource {
    public static final String TYPE = "datamesh:index:ProducerDomain";

    private final Output<ProducerExport> export;
    private final BucketV2 bucket;
    private final SharedDataAccess access;

    public ProducerDomain(String name, ProducerDomainArgs args, Diagnostics diagnostics) {
        super(TYPE, name, ComponentResourceOptions.Empty);
        ProducerSettings settings = args.settings();
        var identity = settings.identity();
        String central = settings.access().centralAccountId();
        // Only the roles that read data for Lake Formation: the central admin role needs no raw access.
        List<String> centralRoles = Stream.of(MeshNames.crawlerRole(identity.namePrefix()),
                        MeshNames.registrationRole(identity.namePrefix()))
                .map(role -> MeshNames.roleArn(central, role)).toList();
        String bucketName = MeshNames.dataBucket(identity.namePrefix(), settings.domain(), identity.accountId(),
                identity.region());

        // Retained like the bucket: deleting the key would make every retained object unreadable.
        var key = new Key(name + "-data-key", KeyArgs.builder()
                .description("Encrypts the data products of the " + settings.domain() + " domain")
                .enableKeyRotation(true).deletionWindowInDays(30)
                .policy(PolicyDocuments.policy(List.of(PolicyDocuments.keyAdministration(identity.accountId()),
                        PolicyDocuments.rolesOfAccount("CentralLakeFormationRolesDecrypt", central, centralRoles)
                                .addAction("kms:Decrypt").addAction("kms:DescribeKey").addResource("*").build())))
                .build(), CustomResourceOptions.builder().parent(this).retainOnDelete(true).build());

        var readProducts = PolicyDocuments.rolesOfAccount("CentralLakeFormationRolesReadProducts", central, centralRoles)
                .addAction("s3:GetObject");
        settings.dataProducts().forEach(p -> readProducts.addResource("arn:aws:s3:::" + bucketName + "/" + p.prefix() + "*"));
        IamStatement listBucket = PolicyDocuments.rolesOfAccount("CentralLakeFormationRolesList", central, centralRoles)
                .addAction("s3:ListBucket").addAction("s3:GetBucketLocation")
                .addResource("arn:aws:s3:::" + bucketName).build();
        bucket = new SecureBucket(name + "-data", new SecureBucketArgs(bucketName, "data", key, true, true,
                List.of(readProducts.build(), listBucket)), this).bucket();
        // Old versions go after a while: corrected or erased personal data must not live on forever.
        BucketLifecycle.create(name + "-data-lifecycle", bucket,
                CustomResourceOptions.builder().parent(this).dependsOn(bucket).retainOnDelete(true).build(),
                BucketLifecycle.expireNoncurrentVersions("expire-noncurrent-versions",
                        settings.noncurrentVersionExpirationDays()));
        if (settings.auditTrail().enabled()) {
            new DataAuditTrail(name + "-audit", identity, settings.domain(), bucketName,
                    settings.auditTrail().retentionDays()).create(this);
        }

        if (settings.uploadSampleData()) {
            uploadSampleData(name, args.sampleData(), key, diagnostics);
        }

        var lakeSettings = LakeFormationAdmins.write(name + "-lake-settings", args.lakeSettings(), this, List.of());
        access = new SharedDataAccess(name + "-access", new SharedDataAccessArgs(identity, settings.domain(),
                settings.access(), args.share(), args.catalogKeyArn()), lakeSettings, this);

        export = key.arn().applyValue(keyArn -> new ProducerExport(settings.domain(), identity.accountId(), bucketName,
                keyArn, settings.databaseTags(), settings.dataProducts()));
        registerOutputs(Map.of());
    }

    private void uploadSampleData(String name, List<SampleData.Upload> uploads, Key key, Diagnostics diagnostics) {
        for (SampleData.Upload upload : uploads) {
            DataProduct product = upload.product();
            if (!upload.found()) {
                diagnostics.warn("no sample data for data product '" + product.name() + "' (looked in " + upload.directory() + ")");
            }
            upload.files().forEach(file -> new BucketObjectv2(
                    name + "-sample-" + product.name() + "-" + file.getFileName(), BucketObjectv2Args.builder()
                    .bucket(bucket.bucket())
                    .key(product.prefix() + file.getFileName())
                    .source(new FileAsset(file.toString()))
                    .serverSideEncryption("aws:kms")
                    .kmsKeyId(key.arn())
                    .build(), CustomResourceOptions.builder().parent(this).retainOnDelete(true).build()));
        }
    }

    /** The contracts and data location central reads, with the exact key ARN it may decrypt with. */
    public Output<ProducerExport> export() {
        return export;
    }

    public SharedDataAccess access() {
        return access;
    }
}
