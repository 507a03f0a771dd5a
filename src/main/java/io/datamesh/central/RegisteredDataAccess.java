package io.datamesh.central;

import io.datamesh.names.MeshNames;
import io.datamesh.stackref.ProducerExport;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * What the registration and crawler roles may do, scoped to the registered prefixes, the producers'
 * keys and the declared tables: no AWS managed Glue policy, which would allow glue:* on every
 * resource (catalog policy and encryption settings included).
 */
public final class RegisteredDataAccess {
    private static final List<String> DECLARED_TABLE_ACTIONS = List.of("glue:GetDatabase", "glue:GetTable",
            "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition",
            "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition", "glue:BatchUpdatePartition");

    private RegisteredDataAccess() {
    }

    /**
     * Reading the data products' files: what Lake Formation's vended credentials (the registration
     * role) and the crawler both need. Producers must be non-empty: IAM refuses a statement without
     * resources.
     */
    public static List<IamStatement> readDataProducts(List<ProducerExport> producers) {
        var prefixes = IamStatement.builder().sid("ReadRegisteredPrefixes").effect(IamEffect.ALLOW).addAction("s3:GetObject");
        var buckets = IamStatement.builder().sid("ListRegisteredPrefixes").effect(IamEffect.ALLOW).addAction("s3:ListBucket");
        // No s3:prefix key on GetBucketLocation: under the ListBucket condition it would never match.
        var locate = IamStatement.builder().sid("LocateBuckets").effect(IamEffect.ALLOW).addAction("s3:GetBucketLocation");
        var keys = IamStatement.builder().sid("DecryptProducerData").effect(IamEffect.ALLOW)
                .addAction("kms:Decrypt").addAction("kms:DescribeKey");
        List<String> listedPrefixes = new ArrayList<>();
        for (ProducerExport p : producers) {
            buckets.addResource("arn:aws:s3:::" + p.bucketName());
            locate.addResource("arn:aws:s3:::" + p.bucketName());
            keys.addResource(p.kmsKeyArn());
            p.dataProducts().forEach(d -> {
                prefixes.addResource("arn:aws:s3:::" + p.bucketName() + "/" + d.prefix() + "*");
                listedPrefixes.add(d.prefix() + "*");
            });
        }
        buckets.addConditions("StringLike", "s3:prefix", listedPrefixes.stream().distinct().toList());
        return List.of(prefixes.build(), buckets.build(), locate.build(), keys.build());
    }

    /**
     * The crawler's policy: the data products' files, the declared tables (read, and partitions
     * added), Lake Formation credentials, its security configuration, its one log group and the
     * catalog key.
     */
    public static List<IamStatement> crawlDeclaredTables(String region, String account, String prefix,
                                                         List<ProducerExport> producers, String catalogKeyArn) {
        List<IamStatement> statements = new ArrayList<>(readDataProducts(producers));
        var tables = IamStatement.builder().sid("ReadDeclaredTablesAddPartitions").effect(IamEffect.ALLOW)
                .addResource("arn:aws:glue:" + region + ":" + account + ":catalog");
        DECLARED_TABLE_ACTIONS.forEach(tables::addAction);
        for (ProducerExport p : producers) {
            String database = MeshNames.domainDatabase(p.domain());
            tables.addResource("arn:aws:glue:" + region + ":" + account + ":database/" + database)
                    .addResource("arn:aws:glue:" + region + ":" + account + ":table/" + database + "/*");
        }
        statements.add(tables.build());
        statements.add(IamStatement.builder().sid("LakeFormationCredentials").effect(IamEffect.ALLOW)
                .addAction("lakeformation:GetDataAccess").addResource("*").build());
        // Glue looks the security configuration up by name; the action has no resource type.
        statements.add(IamStatement.builder().sid("CrawlerSecurityConfiguration").effect(IamEffect.ALLOW)
                .addAction("glue:GetSecurityConfiguration").addResource("*").build());
        statements.add(IamStatement.builder().sid("CrawlerLogs").effect(IamEffect.ALLOW)
                .addAction("logs:CreateLogStream").addAction("logs:PutLogEvents")
                .addAction("logs:AssociateKmsKey")
                .resourceIds(CrawlerLogGroup.arns(region, account, prefix))
                .build());
        statements.add(IamStatement.builder().sid("EncryptedCatalog").effect(IamEffect.ALLOW)
                .addAction("kms:Decrypt").addAction("kms:Encrypt").addAction("kms:GenerateDataKey")
                .addResource(catalogKeyArn).build());
        return statements;
    }
}
