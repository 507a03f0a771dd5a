package io.datamesh.central;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.glue.DataCatalogEncryptionSettings;
import com.pulumi.aws.glue.DataCatalogEncryptionSettingsArgs;
import com.pulumi.aws.glue.SecurityConfiguration;
import com.pulumi.aws.glue.SecurityConfigurationArgs;
import com.pulumi.aws.glue.inputs.DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsArgs;
import com.pulumi.aws.glue.inputs.DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsConnectionPasswordEncryptionArgs;
import com.pulumi.aws.glue.inputs.DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsEncryptionAtRestArgs;
import com.pulumi.aws.glue.inputs.SecurityConfigurationEncryptionConfigurationArgs;
import com.pulumi.aws.glue.inputs.SecurityConfigurationEncryptionConfigurationCloudwatchEncryptionArgs;
import com.pulumi.aws.glue.inputs.SecurityConfigurationEncryptionConfigurationJobBookmarksEncryptionArgs;
import com.pulumi.aws.glue.inputs.SecurityConfigurationEncryptionConfigurationS3EncryptionArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.ComponentResource;
import io.datamesh.account.ChildOf;
import io.datamesh.names.MeshNames;
import io.datamesh.config.CentralSettings;
import io.datamesh.iam.PolicyDocuments;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the catalog key protects: the key, the Data Catalog's SSE-KMS encryption settings, the
 * crawlers' security configuration (their S3 output, CloudWatch logs and bookmarks) and the log
 * group those logs go to.
 */
public final class CatalogEncryption extends ComponentResource {
    public static final String TYPE = "datamesh:index:CatalogEncryption";

    private final Key key;
    private final SecurityConfiguration crawlerSecurity;
    private final LogGroup crawlerLogs;

    /**
     * @param catalogName the catalog's name, which its resources' names start with
     * @param catalog     the component these resources were direct children of
     */
    public CatalogEncryption(String name, String catalogName, CentralSettings settings, CentralCatalog catalog) {
        super(TYPE, name, ChildOf.componentUnder(catalog));
        var children = ChildOf.movedFrom(this, catalog);
        var identity = settings.identity();
        key = new Key(catalogName + "-catalog-key", KeyArgs.builder()
                .description("Encrypts the mesh's Glue Data Catalog and crawler output")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(PolicyDocuments.policy(keyPolicy(settings)))
                .build(), children.child());
        new DataCatalogEncryptionSettings(catalogName + "-catalog-encryption", DataCatalogEncryptionSettingsArgs.builder()
                .catalogId(identity.accountId())
                .dataCatalogEncryptionSettings(DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsArgs.builder()
                        .encryptionAtRest(DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsEncryptionAtRestArgs.builder()
                                .catalogEncryptionMode("SSE-KMS").sseAwsKmsKeyId(key.arn()).build())
                        .connectionPasswordEncryption(DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsConnectionPasswordEncryptionArgs.builder()
                                .returnConnectionPasswordEncrypted(true).awsKmsKeyId(key.arn()).build())
                        .build())
                .build(), children.child());
        crawlerSecurity = new SecurityConfiguration(catalogName + "-crawler-security", SecurityConfigurationArgs.builder()
                .name(MeshNames.crawlerSecurityConfiguration(identity.namePrefix()))
                .encryptionConfiguration(SecurityConfigurationEncryptionConfigurationArgs.builder()
                        .s3Encryption(SecurityConfigurationEncryptionConfigurationS3EncryptionArgs.builder()
                                .s3EncryptionMode("SSE-KMS").kmsKeyArn(key.arn()).build())
                        .cloudwatchEncryption(SecurityConfigurationEncryptionConfigurationCloudwatchEncryptionArgs.builder()
                                .cloudwatchEncryptionMode("SSE-KMS").kmsKeyArn(key.arn()).build())
                        .jobBookmarksEncryption(SecurityConfigurationEncryptionConfigurationJobBookmarksEncryptionArgs.builder()
                                .jobBookmarksEncryptionMode("CSE-KMS").kmsKeyArn(key.arn()).build())
                        .build())
                .build(), children.child());
        crawlerLogs = new CrawlerLogGroup(catalogName + "-crawler-logs", identity.namePrefix(), key,
                settings.crawlerLogRetentionDays()).create(children);
        registerOutputs(Map.of());
    }

    /**
     * Whoever reads an SSE-KMS catalog through Athena needs kms:Decrypt, kms:Encrypt and
     * kms:GenerateDataKey on its key (Athena user guide, "Configure access from Athena to encrypted
     * metadata in the AWS Glue Data Catalog"), so the mesh accounts may use it, but only through Glue
     * (kms:ViaService): it opens no data. Their query roles get the same actions in their own IAM
     * policies, which a cross-account key use also needs. CloudWatch Logs uses it for the crawlers'
     * logs of this account only.
     */
    static List<IamStatement> keyPolicy(CentralSettings settings) {
        String account = settings.identity().accountId();
        String region = settings.identity().region();
        List<IamStatement> statements = new ArrayList<>(List.of(PolicyDocuments.keyAdministration(account)));
        List<String> meshAccounts = Stream.concat(settings.producers().stream(), settings.consumers().stream())
                .map(d -> PolicyDocuments.accountRoot(d.accountId())).toList();
        if (!meshAccounts.isEmpty()) {
            statements.add(IamStatement.builder().sid("MeshAccountsReadCatalogThroughGlue").effect(IamEffect.ALLOW)
                    .addPrincipals(IamPrincipalType.AWS, meshAccounts)
                    .addAction("kms:Decrypt").addAction("kms:Encrypt").addAction("kms:GenerateDataKey")
                    .addAction("kms:DescribeKey").addResource("*")
                    .addCondition("StringEquals", "kms:ViaService", "glue." + region + ".amazonaws.com").build());
        }
        statements.add(IamStatement.builder().sid("CrawlerLogs").effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.SERVICE, "logs." + region + ".amazonaws.com")
                .addAction("kms:Encrypt*").addAction("kms:Decrypt*").addAction("kms:ReEncrypt*")
                .addAction("kms:GenerateDataKey*").addAction("kms:Describe*").addResource("*")
                .addCondition("ArnLike", "kms:EncryptionContext:aws:logs:arn", "arn:aws:logs:" + region + ":" + account + ":*")
                .build());
        return statements;
    }

    public Key key() {
        return key;
    }

    public SecurityConfiguration crawlerSecurity() {
        return crawlerSecurity;
    }

    /** Crawlers are ordered after it, so Glue never creates it first without a retention. */
    public LogGroup crawlerLogs() {
        return crawlerLogs;
    }
}
