package io.datamesh.domain;

import com.pulumi.aws.athena.NamedQuery;
import com.pulumi.aws.athena.NamedQueryArgs;
import com.pulumi.aws.athena.Workgroup;
import com.pulumi.aws.athena.WorkgroupArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs;
import com.pulumi.aws.glue.CatalogDatabase;
import com.pulumi.aws.glue.CatalogDatabaseArgs;
import com.pulumi.aws.glue.inputs.CatalogDatabaseTargetDatabaseArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.lakeformation.PermissionsArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsDatabaseArgs;
import com.pulumi.aws.ram.ResourceShareAccepter;
import com.pulumi.aws.ram.ResourceShareAccepterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.datamesh.account.BucketLifecycle;
import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.account.LakeFormationLanes;
import io.datamesh.names.MeshNames;
import io.datamesh.account.SecureBucket;
import io.datamesh.account.SecureBucketArgs;
import io.datamesh.config.AnalystRole;
import io.datamesh.config.StackIdentity;
import io.datamesh.iam.PolicyDocuments;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.stackref.DomainShare;
import io.datamesh.stackref.QueryRoles;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a domain account queries data shared from the central catalog. Three things are needed and
 * missing any one is the classic "consumer access does not work": a resource link per shared
 * database, DESCRIBE on that link for each role, and SELECT/DESCRIBE on the target tables (catalog
 * = central account) for each role, which the central stack grants to the roles this stack publishes.
 * Plus the Athena workgroup the roles query with, and the catalog key they read metadata with.
 */
public final class SharedDataAccess extends ComponentResource {
    public static final String TYPE = "datamesh:index:SharedDataAccess";

    private final String name;
    private final StackIdentity identity;
    private final String centralAccount;
    private final List<AnalystRole> analysts;
    private final Map<String, Role> analystRoles = new LinkedHashMap<>();
    private final Map<String, CatalogDatabase> links = new LinkedHashMap<>();
    private final Optional<Workgroup> workgroup;

    public SharedDataAccess(String name, SharedDataAccessArgs args, Resource settings, Resource parent) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parent).build());
        this.name = name;
        this.identity = args.identity();
        this.centralAccount = args.access().centralAccountId();
        this.analysts = args.access().analysts();
        String prefix = identity.namePrefix();

        // Outside an AWS Organization the central catalog's shares arrive as invitations: accept
        // them before the grants on the links that stand on them.
        List<Resource> accepted = new ArrayList<>();
        for (int i = 0; i < args.access().ramShareArns().size(); i++) {
            accepted.add(new ResourceShareAccepter(name + "-ram-share-" + i, ResourceShareAccepterArgs.builder()
                    .shareArn(args.access().ramShareArns().get(i)).build(), child(List.of())));
        }

        // A workgroup, its results key and bucket only for a domain whose roles query (or that asks for one).
        Key resultsKey = null;
        String resultsBucketName = MeshNames.athenaResultsBucket(prefix, args.domain(), identity.accountId(), identity.region());
        Workgroup athena = null;
        if (args.access().athena().enabled()) {
            resultsKey = new Key(name + "-athena-key", KeyArgs.builder()
                    .description("Encrypts Athena query results of the " + args.domain() + " domain")
                    .enableKeyRotation(true).deletionWindowInDays(30)
                    .policy(PolicyDocuments.policy(List.of(PolicyDocuments.keyAdministration(identity.accountId()))))
                    .build(), child(List.of()));
            var resultsBucket = new SecureBucket(name + "-athena-results", new SecureBucketArgs(resultsBucketName,
                    "athena-results", resultsKey, false, false, List.of()), this).bucket();
            BucketLifecycle.create(name + "-athena-results-expiry", resultsBucket, child(List.of(resultsBucket)),
                    BucketLifecycle.expireObjects("expire-query-results", args.access().athena().resultsExpirationDays()));
            athena = new Workgroup(name + "-workgroup", WorkgroupArgs.builder()
                    .name(prefix + "-" + args.domain())
                    .description("Queries over data shared with the " + args.domain() + " domain")
                    .forceDestroy(true)
                    .configuration(WorkgroupConfigurationArgs.builder()
                            .enforceWorkgroupConfiguration(true)
                            .publishCloudwatchMetricsEnabled(true)
                            .bytesScannedCutoffPerQuery(args.access().athena().bytesScannedCutoffPerQuery())
                            .resultConfiguration(WorkgroupConfigurationResultConfigurationArgs.builder()
                                    .outputLocation("s3://" + resultsBucketName + "/results/")
                                    .encryptionConfiguration(WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs.builder()
                                            .encryptionOption("SSE_KMS").kmsKeyArn(resultsKey.arn()).build())
                                    .build())
                            .build())
                    .build(), child(List.of(resultsBucket)));
        }
        workgroup = Optional.ofNullable(athena);

        var share = args.share().orElse(DomainShare.NONE);
        Set<String> sharedDatabases = new LinkedHashSet<>(share.databases());
        share.tables().forEach(t -> sharedDatabases.add(t.database()));
        for (String database : sharedDatabases) {
            links.put(database, new CatalogDatabase(name + "-link-" + database, CatalogDatabaseArgs.builder()
                    .catalogId(identity.accountId())
                    .name(MeshNames.resourceLink(database))
                    .description("Resource link to " + database + " in the central catalog " + centralAccount)
                    .targetDatabase(CatalogDatabaseTargetDatabaseArgs.builder()
                            .catalogId(centralAccount).databaseName(database).region(identity.region()).build())
                    // A resource link is a database of this account's catalog: created before the
                    // settings write, it would copy the IAM-only defaults of a fresh account.
                    .build(), child(List.of(settings))));
        }

        var lanes = new LakeFormationLanes(this, settings);
        for (AnalystRole analyst : args.access().analysts()) {
            var role = analystRole(prefix, args.domain(), analyst, resultsBucketName, resultsKey, args.catalogKeyArn());
            analystRoles.put(analyst.name(), role);
            describeLinks(analyst, role, lanes, accepted);
        }
        for (DomainShare.Table table : share.tables()) {
            if (table.permissions().contains(LfPermission.SELECT) && workgroup.isPresent()) {
                new NamedQuery(name + "-query-" + table.database() + "-" + table.table(), NamedQueryArgs.builder()
                        .name(MeshNames.previewQuery(table.database(), table.table()))
                        .workgroup(workgroup.orElseThrow().name())
                        .database(MeshNames.resourceLink(table.database()))
                        .query("SELECT " + table.columns().stream().map(c -> "\"" + c + "\"")
                                .collect(Collectors.joining(", ")) + " FROM \""
                                + MeshNames.resourceLink(table.database()) + "\".\"" + table.table() + "\" LIMIT 10;")
                        .build(), child(List.of(links.get(table.database()))));
            }
        }
        registerOutputs(Map.of());
    }

    /** DESCRIBE on each resource link the role may query through; the data grants come from central. */
    private void describeLinks(AnalystRole analyst, Role role, LakeFormationLanes lanes, List<Resource> accepted) {
        for (var link : links.entrySet()) {
            if (!analyst.domains().isEmpty() && !analyst.domains().contains(link.getKey())) {
                continue;
            }
            var after = new ArrayList<Resource>(accepted);
            after.add(link.getValue());
            lanes.grant("principal:" + analyst.name(), name + "-" + analyst.name() + "-describe-link-" + link.getKey(), PermissionsArgs.builder()
                    .principal(role.arn()).catalogId(identity.accountId())
                    .permissions(LfPermission.DESCRIBE.name())
                    .database(PermissionsDatabaseArgs.builder().catalogId(identity.accountId())
                            .name(MeshNames.resourceLink(link.getKey())).build())
                    .build(), after.toArray(Resource[]::new));
        }
    }

    private Role analystRole(String prefix, String domain, AnalystRole analyst, String resultsBucket, Key resultsKey,
                             Optional<String> catalogKeyArn) {
        String roleName = MeshNames.analystRole(prefix, domain, analyst.name());
        var role = new Role(name + "-" + analyst.name(), RoleArgs.builder()
                .name(roleName)
                .description("Queries data shared with the " + domain + " domain through Athena and Lake Formation")
                .assumeRolePolicy(PolicyDocuments.trustPrincipalsOf(identity.accountId(), analyst.assumedBy().isEmpty()
                        ? LakeFormationAdmins.configuredOrDeployer(identity) : analyst.assumedBy()))
                .build(), child(List.of()));
        String region = identity.region();
        String own = identity.accountId();
        Output<String> policy = Output.tuple(workgroup.orElseThrow().arn(), resultsKey.arn()).applyValue(t -> PolicyDocuments.policy(Stream.concat(Stream.of(
                IamStatement.builder().sid("QueryInWorkgroup").effect(IamEffect.ALLOW)
                        .addAction("athena:StartQueryExecution").addAction("athena:GetQueryExecution")
                        .addAction("athena:GetQueryResults").addAction("athena:StopQueryExecution")
                        .addAction("athena:GetWorkGroup").addAction("athena:ListNamedQueries")
                        .addAction("athena:GetNamedQuery").addAction("athena:BatchGetNamedQuery")
                        .addResource(t.t1).build(),
                // Metadata only: Lake Formation decides what the role sees and vends the data credentials.
                IamStatement.builder().sid("CatalogMetadataThroughLakeFormation").effect(IamEffect.ALLOW)
                        .addAction("glue:GetDatabase").addAction("glue:GetDatabases").addAction("glue:GetTable")
                        .addAction("glue:GetTables").addAction("glue:GetPartition").addAction("glue:GetPartitions")
                        .addAction("glue:BatchGetPartition")
                        .addResource("arn:aws:glue:" + region + ":" + own + ":catalog")
                        .addResource("arn:aws:glue:" + region + ":" + own + ":database/*")
                        .addResource("arn:aws:glue:" + region + ":" + own + ":table/*/*")
                        .addResource("arn:aws:glue:" + region + ":" + centralAccount + ":catalog")
                        .addResource("arn:aws:glue:" + region + ":" + centralAccount + ":database/*")
                        .addResource("arn:aws:glue:" + region + ":" + centralAccount + ":table/*/*").build(),
                IamStatement.builder().sid("LakeFormationCredentials").effect(IamEffect.ALLOW)
                        .addAction("lakeformation:GetDataAccess").addResource("*").build(),
                IamStatement.builder().sid("QueryResults").effect(IamEffect.ALLOW)
                        .addAction("s3:GetObject").addAction("s3:PutObject").addAction("s3:AbortMultipartUpload")
                        .addAction("s3:ListBucket").addAction("s3:GetBucketLocation")
                        .addResource("arn:aws:s3:::" + resultsBucket).addResource("arn:aws:s3:::" + resultsBucket + "/*").build(),
                IamStatement.builder().sid("QueryResultsKey").effect(IamEffect.ALLOW)
                        .addAction("kms:Decrypt").addAction("kms:GenerateDataKey").addResource(t.t2).build()),
                // Athena reads an SSE-KMS catalog's metadata with the caller's own key permissions.
                catalogKeyArn.stream().map(key -> IamStatement.builder().sid("EncryptedCentralCatalog").effect(IamEffect.ALLOW)
                        .addAction("kms:Decrypt").addAction("kms:Encrypt").addAction("kms:GenerateDataKey")
                        .addResource(key).build())).toList()));
        new RolePolicy(name + "-" + analyst.name() + "-query", RolePolicyArgs.builder()
                .role(role.name()).policy(policy).build(), child(List.of()));
        return role;
    }

    private CustomResourceOptions child(List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build();
    }

    public Map<String, Output<String>> analystRoleArns() {
        var result = new LinkedHashMap<String, Output<String>>();
        analystRoles.forEach((k, v) -> result.put(k, v.arn()));
        return result;
    }

    /** The roles central grants to, with the producer domains each may query. */
    public Output<QueryRoles> queryRoles() {
        List<Output<QueryRoles.Role>> roles = analysts.stream().map(analyst -> analystRoles.get(analyst.name()).arn()
                .applyValue(arn -> new QueryRoles.Role(analyst.name(), arn, analyst.domains()))).toList();
        return Output.all(roles).applyValue(list -> new QueryRoles(QueryRoles.VERSION, list));
    }

    public List<String> resourceLinks() {
        return new ArrayList<>(links.keySet()).stream().map(MeshNames::resourceLink).toList();
    }

    /** The Athena workgroup, for a domain that has one. */
    public Optional<Output<String>> workgroupName() {
        return workgroup.map(Workgroup::name);
    }
}
