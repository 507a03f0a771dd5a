package io.datamesh.central;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.glue.CatalogDatabase;
import com.pulumi.aws.glue.CatalogDatabaseArgs;
import com.pulumi.aws.glue.CatalogTable;
import com.pulumi.aws.glue.CatalogTableArgs;
import com.pulumi.aws.glue.Crawler;
import com.pulumi.aws.glue.CrawlerArgs;
import com.pulumi.aws.glue.DataCatalogEncryptionSettings;
import com.pulumi.aws.glue.DataCatalogEncryptionSettingsArgs;
import com.pulumi.aws.glue.ResourcePolicy;
import com.pulumi.aws.glue.ResourcePolicyArgs;
import com.pulumi.aws.glue.SecurityConfiguration;
import com.pulumi.aws.glue.SecurityConfigurationArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorColumnArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorSerDeInfoArgs;
import com.pulumi.aws.glue.inputs.CrawlerLakeFormationConfigurationArgs;
import com.pulumi.aws.glue.inputs.CrawlerCatalogTargetArgs;
import com.pulumi.aws.glue.inputs.CrawlerSchemaChangePolicyArgs;
import com.pulumi.aws.glue.inputs.DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsArgs;
import com.pulumi.aws.glue.inputs.DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsConnectionPasswordEncryptionArgs;
import com.pulumi.aws.glue.inputs.DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsEncryptionAtRestArgs;
import com.pulumi.aws.glue.inputs.SecurityConfigurationEncryptionConfigurationArgs;
import com.pulumi.aws.glue.inputs.SecurityConfigurationEncryptionConfigurationCloudwatchEncryptionArgs;
import com.pulumi.aws.glue.inputs.SecurityConfigurationEncryptionConfigurationJobBookmarksEncryptionArgs;
import com.pulumi.aws.glue.inputs.SecurityConfigurationEncryptionConfigurationS3EncryptionArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.lakeformation.DataLakeSettings;
import com.pulumi.aws.lakeformation.LfTag;
import com.pulumi.aws.lakeformation.LfTagArgs;
import com.pulumi.aws.lakeformation.PermissionsArgs;
import com.pulumi.aws.lakeformation.ResourceArgs;
import com.pulumi.aws.lakeformation.ResourceLfTagArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsDataLocationArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsDatabaseArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsLfTagArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsTableArgs;
import com.pulumi.aws.lakeformation.inputs.ResourceLfTagDatabaseArgs;
import com.pulumi.aws.lakeformation.inputs.ResourceLfTagLfTagArgs;
import com.pulumi.aws.lakeformation.inputs.ResourceLfTagTableArgs;
import com.pulumi.aws.lakeformation.inputs.ResourceLfTagTableWithColumnsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.datamesh.account.LakeFormationLanes;
import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.names.MeshNames;
import io.datamesh.config.CentralSettings;
import io.datamesh.config.ContractCheck;
import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.config.DomainAccount;
import io.datamesh.config.TagGrant;
import io.datamesh.iam.PolicyDocuments;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.stackref.DomainShare;
import io.datamesh.stackref.ProducerExport;
import io.datamesh.stackref.QueryRoles;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The governance account of the mesh: Lake Formation settings and admin, the LF-tag ontology, one
 * catalog database per onboarded producer with its declared tables, tags and crawler, and the
 * LF-tag-expression grants that share data with domain accounts.
 */
public final class CentralCatalog extends ComponentResource {
    public static final String TYPE = "datamesh:index:CentralCatalog";

    private final String name;
    private final CentralSettings settings;
    private final String account;
    private final String region;
    private final String prefix;
    private final TaggedCatalog catalog;
    private final Map<String, DomainShare> shares;
    private final Map<String, LfTag> lfTags = new LinkedHashMap<>();
    private final Role lakeAdminRole;
    private final Role crawlerRole;
    private final Role registrationRole;
    private final Key catalogKey;
    private final LogGroup crawlerLogs;

    public CentralCatalog(String name, CentralCatalogArgs args) {
        super(TYPE, name, ComponentResourceOptions.Empty);
        this.name = name;
        this.settings = args.settings();
        this.account = settings.identity().accountId();
        this.region = settings.identity().region();
        this.prefix = settings.identity().namePrefix();
        this.catalog = ContractCatalog.of(account, args.producers());
        this.shares = ShareCalculator.shares(catalog, settings.grants());

        lakeAdminRole = role("lake-admin", MeshNames.lakeAdminRole(prefix),
                PolicyDocuments.trustPrincipalsOf(account, LakeFormationAdmins.configuredOrDeployer(settings.identity())),
                "Administers the mesh's Lake Formation catalog; assumed by the platform team",
                List.of("arn:aws:iam::aws:policy/AWSLakeFormationDataAdmin",
                        "arn:aws:iam::aws:policy/AWSLakeFormationCrossAccountManager"));
        crawlerRole = role("crawler", MeshNames.crawlerRole(prefix), PolicyDocuments.trustService("glue.amazonaws.com"),
                "Runs the mesh's Glue crawlers over the declared tables of registered producers",
                List.of());
        registrationRole = role("lf-registration", MeshNames.registrationRole(prefix),
                PolicyDocuments.trustService("lakeformation.amazonaws.com"),
                "Lake Formation vends credentials for registered producer locations with this role",
                List.of());

        var settingsResource = LakeFormationAdmins.write(name + "-lake-settings", args.lakeSettings(), this,
                List.of(lakeAdminRole));
        catalogKey = catalogKey(name);
        var securityConfiguration = catalogEncryption(name, catalogKey);
        this.crawlerLogs = new CrawlerLogGroup(name + "-crawler-logs", prefix, catalogKey,
                settings.crawlerLogRetentionDays()).create(this);
        settings.tagOntology().forEach((key, values) -> lfTags.put(key, new LfTag(name + "-tag-" + key,
                LfTagArgs.builder().catalogId(account).key(key).values(values).build(), after(settingsResource))));
        dataAccessPolicies(name, args.producers(), catalogKey);

        var lanes = new LakeFormationLanes(this, settingsResource);
        for (ProducerExport producer : args.producers()) {
            onboard(name, producer, securityConfiguration, settingsResource, lanes);
        }
        grantQueryRoles(name, args.queryRoles(), lanes);

        registerOutputs(Map.of());
    }

    /** Per producer: registration, database, declared tables, their tags, and a crawler per table. */
    private void onboard(String name, ProducerExport producer, SecurityConfiguration securityConfiguration,
                         DataLakeSettings settingsResource, LakeFormationLanes lanes) {
        String base = name + "-" + producer.domain();
        String databaseName = MeshNames.domainDatabase(producer.domain());
        // One lane per database: its tags, its tables' tags and the crawler's grants on it.
        String lane = "database:" + databaseName;
        var database = new CatalogDatabase(base + "-database", CatalogDatabaseArgs.builder()
                .catalogId(account).name(databaseName)
                .description("Data products of the " + producer.domain() + " domain (account " + producer.accountId() + ")")
                .locationUri("s3://" + producer.bucketName() + "/")
                .build(), after(settingsResource));
        ContractCatalog.databaseTags(producer).forEach((key, value) -> lanes.assignTag(lane,
                base + "-database-tag-" + key, ResourceLfTagArgs.builder().catalogId(account)
                .database(ResourceLfTagDatabaseArgs.builder().catalogId(account).name(databaseName).build())
                .lfTag(tagValue(key, value)).build(), database, lfTags.get(key)));

        // One registration per producer: the bucket holds only data products, and a per-product
        // location would make Lake Formation permissions grow with the number of tables.
        var registered = lanes.register(lane, base + "-location", ResourceArgs.builder()
                .arn("arn:aws:s3:::" + producer.bucketName())
                .roleArn(registrationRole.arn())
                .useServiceLinkedRole(false)
                .hybridAccessEnabled(false)
                .build());
        for (DataProduct product : producer.dataProducts()) {
            String location = "s3://" + producer.bucketName() + "/" + product.prefix();
            var table = declaredTable(base, databaseName, product, location, database);
            tagTable(lane, base, databaseName, product, table, lanes);
            driftCrawler(base, databaseName, product, table, securityConfiguration);
        }

        lanes.grant(lane, base + "-crawler-location", PermissionsArgs.builder()
                .principal(crawlerRole.arn()).catalogId(account)
                .permissions("DATA_LOCATION_ACCESS")
                .dataLocation(PermissionsDataLocationArgs.builder().catalogId(account)
                        .arn("arn:aws:s3:::" + producer.bucketName()).build())
                .build(), registered);
        lanes.grant(lane, base + "-crawler-database", PermissionsArgs.builder()
                .principal(crawlerRole.arn()).catalogId(account)
                .permissions("DESCRIBE")
                .database(PermissionsDatabaseArgs.builder().catalogId(account).name(databaseName).build())
                .build(), database);
        lanes.grant(lane, base + "-crawler-tables", PermissionsArgs.builder()
                .principal(crawlerRole.arn()).catalogId(account)
                .permissions("SELECT", "DESCRIBE", "ALTER")
                .table(PermissionsTableArgs.builder().catalogId(account).databaseName(databaseName).wildcard(true).build())
                .build(), database);
    }

    /**
     * A crawler per declared table. Catalog targets, not S3 paths: it visits only the declared
     * table, so a stray folder or file never becomes a new table (which would inherit the
     * database's tags and be shared at once); and a crawler with Lake Formation credentials may have
     * a single catalog target of a single table. LOG on update and delete: the contract is the
     * table, a crawl only reports.
     */
    private void driftCrawler(String base, String databaseName, DataProduct product, CatalogTable table,
                              SecurityConfiguration securityConfiguration) {
        new Crawler(base + "-" + product.name() + "-crawler", CrawlerArgs.builder()
                .name(prefix + "-" + databaseName + "-" + product.name() + "-crawler")
                .description("Detects drift of the " + databaseName + "." + product.name() + " contract; never rewrites it")
                .role(crawlerRole.arn())
                .databaseName(databaseName)
                .securityConfiguration(securityConfiguration.name())
                .catalogTargets(CrawlerCatalogTargetArgs.builder().databaseName(databaseName)
                        .tables(product.name()).build())
                .schemaChangePolicy(CrawlerSchemaChangePolicyArgs.builder()
                        .updateBehavior("LOG").deleteBehavior("LOG").build())
                .lakeFormationConfiguration(CrawlerLakeFormationConfigurationArgs.builder()
                        .useLakeFormationCredentials(true).build())
                // New partitions take the declared table's schema instead of one inferred from files.
                .configuration("{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":\"InheritFromTable\"}}}")
                .build(), after(table, crawlerLogs));
    }

    private CatalogTable declaredTable(String base, String databaseName, DataProduct product, String location,
                                       CatalogDatabase database) {
        var format = TableFormats.of(product.format());
        return new CatalogTable(base + "-" + product.name(), CatalogTableArgs.builder()
                .catalogId(account).databaseName(databaseName).name(product.name())
                .description(product.description())
                .tableType("EXTERNAL_TABLE")
                .parameters(format.tableParameters())
                .storageDescriptor(CatalogTableStorageDescriptorArgs.builder()
                        .location(location)
                        .inputFormat(format.inputFormat())
                        .outputFormat(format.outputFormat())
                        .serDeInfo(CatalogTableStorageDescriptorSerDeInfoArgs.builder()
                                .serializationLibrary(format.serde()).parameters(format.serdeParameters()).build())
                        .columns(product.columns().stream().map(c -> CatalogTableStorageDescriptorColumnArgs.builder()
                                .name(c.name()).type(c.type()).comment(c.comment()).build()).toList())
                        .build())
                .build(), after(database));
    }

    /**
     * One assignment per (table, key), and per (key, value) for the columns that override their
     * table: columns without their own tags inherit and need no resource, which keeps the
     * resource count proportional to overrides rather than to columns.
     */
    private void tagTable(String lane, String base, String databaseName, DataProduct product, CatalogTable table,
                          LakeFormationLanes lanes) {
        product.tags().forEach((key, value) -> lanes.assignTag(lane, base + "-" + product.name() + "-tag-" + key,
                ResourceLfTagArgs.builder().catalogId(account)
                        .table(ResourceLfTagTableArgs.builder().catalogId(account).databaseName(databaseName)
                                .name(product.name()).build())
                        .lfTag(tagValue(key, value)).build(), table, lfTags.get(key)));
        Map<String, List<String>> columnsByTag = new TreeMap<>();
        for (ContractColumn column : product.columns()) {
            column.tags().forEach((key, value) ->
                    columnsByTag.computeIfAbsent(key + "=" + value, k -> new ArrayList<>()).add(column.name()));
        }
        columnsByTag.forEach((tag, columns) -> {
            String key = tag.substring(0, tag.indexOf('='));
            String value = tag.substring(tag.indexOf('=') + 1);
            lanes.assignTag(lane, base + "-" + product.name() + "-columns-" + key + "-" + value, ResourceLfTagArgs.builder()
                    .catalogId(account)
                    .tableWithColumns(ResourceLfTagTableWithColumnsArgs.builder().catalogId(account)
                            .databaseName(databaseName).name(product.name()).columnNames(columns).build())
                    .lfTag(tagValue(key, value)).build(), table, lfTags.get(key));
        });
    }

    /**
     * The configured LF-tag grants, made by this account directly to each query role of the
     * receiving domain (cross-account version 3 and later allow grants to IAM principals of other
     * accounts), narrowed to the producer domains the role may query. No account-level grant and no
     * grant option: a re-grant by the receiving account on this catalog's LF-tags is a grant the
     * provider cannot read back (ListPermissions in the receiving account answers an empty list:
     * terraform-provider-aws #26602), so `pulumi up` would fail after AWS had made it.
     */
    private void grantQueryRoles(String name, Map<String, QueryRoles> queryRoles, LakeFormationLanes lanes) {
        for (TagGrant grant : settings.grants()) {
            for (QueryRoles.Role role : queryRoles.getOrDefault(grant.to(), new QueryRoles(QueryRoles.VERSION, List.of())).roles()) {
                RoleScope.narrow(grant.expression(), role.domains()).ifPresent(expression -> lanes.grant(
                        "principal:" + role.arn(), name + "-grant-" + grant.name() + "-" + role.name(), PermissionsArgs.builder()
                                .principal(role.arn())
                                .catalogId(account)
                                .permissions(LfPermission.names(grant.permissions()))
                                .lfTagPolicy(LakeFormationLanes.tagPolicy(account, grant.resource(), expression))
                                .build(),
                        expression.clauses().keySet().stream().map(lfTags::get).toArray(com.pulumi.resources.Resource[]::new)));
            }
        }
    }

    /**
     * What the registration and crawler roles may do, scoped to the registered prefixes, the
     * producers' keys and the declared tables: no AWS managed Glue policy, which would allow
     * glue:* on every resource (catalog policy and encryption settings included).
     */
    private void dataAccessPolicies(String name, List<ProducerExport> producers, Key catalogKey) {
        if (producers.isEmpty()) {
            return;
        }
        var prefixes = IamStatement.builder().sid("ReadRegisteredPrefixes").effect(IamEffect.ALLOW).addAction("s3:GetObject");
        var buckets = IamStatement.builder().sid("ListRegisteredPrefixes").effect(IamEffect.ALLOW).addAction("s3:ListBucket");
        // No s3:prefix key on GetBucketLocation: under the ListBucket condition it would never match.
        var locate = IamStatement.builder().sid("LocateBuckets").effect(IamEffect.ALLOW).addAction("s3:GetBucketLocation");
        var keys = IamStatement.builder().sid("DecryptProducerData").effect(IamEffect.ALLOW)
                .addAction("kms:Decrypt").addAction("kms:DescribeKey");
        var tables = IamStatement.builder().sid("ReadDeclaredTablesAddPartitions").effect(IamEffect.ALLOW)
                .addResource("arn:aws:glue:" + region + ":" + account + ":catalog");
        List.of("glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions",
                "glue:BatchGetPartition", "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition",
                "glue:BatchUpdatePartition")
                .forEach(tables::addAction);
        List<String> listedPrefixes = new ArrayList<>();
        for (ProducerExport p : producers) {
            buckets.addResource("arn:aws:s3:::" + p.bucketName());
            locate.addResource("arn:aws:s3:::" + p.bucketName());
            keys.addResource(p.kmsKeyArn());
            String database = MeshNames.domainDatabase(p.domain());
            tables.addResource("arn:aws:glue:" + region + ":" + account + ":database/" + database)
                    .addResource("arn:aws:glue:" + region + ":" + account + ":table/" + database + "/*");
            p.dataProducts().forEach(d -> {
                prefixes.addResource("arn:aws:s3:::" + p.bucketName() + "/" + d.prefix() + "*");
                listedPrefixes.add(d.prefix() + "*");
            });
        }
        buckets.addConditions("StringLike", "s3:prefix", listedPrefixes.stream().distinct().toList());
        List<IamStatement> dataRead = List.of(prefixes.build(), buckets.build(), locate.build(), keys.build());
        new RolePolicy(name + "-registration-data", RolePolicyArgs.builder()
                .role(registrationRole.name()).policy(PolicyDocuments.policy(dataRead)).build(), child());
        new RolePolicy(name + "-crawler-data", RolePolicyArgs.builder()
                .role(crawlerRole.name())
                .policy(catalogKey.arn().applyValue(keyArn -> {
                    List<IamStatement> statements = new ArrayList<>(dataRead);
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
                            .addResource(keyArn).build());
                    return PolicyDocuments.policy(statements);
                }))
                .build(), child());
    }

    /**
     * The catalog key. Whoever reads an SSE-KMS catalog through Athena needs kms:Decrypt, kms:Encrypt
     * and kms:GenerateDataKey on it (Athena user guide, "Configure access from Athena to encrypted
     * metadata in the AWS Glue Data Catalog"), so the mesh accounts may use it, but only through Glue
     * (kms:ViaService): it opens no data. Their query roles get the same actions in their own IAM
     * policies, which a cross-account key use also needs.
     */
    private Key catalogKey(String name) {
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
        return new Key(name + "-catalog-key", KeyArgs.builder()
                .description("Encrypts the mesh's Glue Data Catalog and crawler output")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(PolicyDocuments.policy(statements))
                .build(), child());
    }

    private SecurityConfiguration catalogEncryption(String name, Key key) {
        new DataCatalogEncryptionSettings(name + "-catalog-encryption", DataCatalogEncryptionSettingsArgs.builder()
                .catalogId(account)
                .dataCatalogEncryptionSettings(DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsArgs.builder()
                        .encryptionAtRest(DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsEncryptionAtRestArgs.builder()
                                .catalogEncryptionMode("SSE-KMS").sseAwsKmsKeyId(key.arn()).build())
                        .connectionPasswordEncryption(DataCatalogEncryptionSettingsDataCatalogEncryptionSettingsConnectionPasswordEncryptionArgs.builder()
                                .returnConnectionPasswordEncrypted(true).awsKmsKeyId(key.arn()).build())
                        .build())
                .build(), child());
        return new SecurityConfiguration(name + "-crawler-security", SecurityConfigurationArgs.builder()
                .name(MeshNames.crawlerSecurityConfiguration(prefix))
                .encryptionConfiguration(SecurityConfigurationEncryptionConfigurationArgs.builder()
                        .s3Encryption(SecurityConfigurationEncryptionConfigurationS3EncryptionArgs.builder()
                                .s3EncryptionMode("SSE-KMS").kmsKeyArn(key.arn()).build())
                        .cloudwatchEncryption(SecurityConfigurationEncryptionConfigurationCloudwatchEncryptionArgs.builder()
                                .cloudwatchEncryptionMode("SSE-KMS").kmsKeyArn(key.arn()).build())
                        .jobBookmarksEncryption(SecurityConfigurationEncryptionConfigurationJobBookmarksEncryptionArgs.builder()
                                .jobBookmarksEncryptionMode("CSE-KMS").kmsKeyArn(key.arn()).build())
                        .build())
                .build(), child());
    }

    private Role role(String logicalSuffix, String roleName, String trust, String description, List<String> managed) {
        return new Role(name + "-" + logicalSuffix, RoleArgs.builder()
                .name(roleName).description(description).assumeRolePolicy(trust).managedPolicyArns(managed)
                .build(), child());
    }

    private static ResourceLfTagLfTagArgs tagValue(String key, String value) {
        return ResourceLfTagLfTagArgs.builder().key(key).value(value).build();
    }


    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private CustomResourceOptions after(com.pulumi.resources.Resource... dependencies) {
        return CustomResourceOptions.builder().parent(this).dependsOn(dependencies).build();
    }

    public Output<String> lakeAdminRoleArn() {
        return lakeAdminRole.arn();
    }

    public Output<String> crawlerRoleArn() {
        return crawlerRole.arn();
    }

    public Output<String> catalogKeyArn() {
        return catalogKey.arn();
    }

    public Output<String> registrationRoleArn() {
        return registrationRole.arn();
    }

    public TaggedCatalog catalog() {
        return catalog;
    }

    /** What each domain's account receives through the tag grants, by domain. */
    public Map<String, DomainShare> shares() {
        return shares;
    }
}
