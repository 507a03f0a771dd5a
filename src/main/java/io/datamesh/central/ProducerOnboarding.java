package io.datamesh.central;

import com.pulumi.aws.glue.CatalogDatabase;
import com.pulumi.aws.glue.CatalogDatabaseArgs;
import com.pulumi.aws.glue.CatalogTable;
import com.pulumi.aws.glue.CatalogTableArgs;
import com.pulumi.aws.glue.Crawler;
import com.pulumi.aws.glue.CrawlerArgs;
import com.pulumi.aws.glue.DataQualityRuleset;
import com.pulumi.aws.glue.DataQualityRulesetArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorColumnArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorSerDeInfoArgs;
import com.pulumi.aws.glue.inputs.CrawlerCatalogTargetArgs;
import com.pulumi.aws.glue.inputs.CrawlerLakeFormationConfigurationArgs;
import com.pulumi.aws.glue.inputs.CrawlerSchemaChangePolicyArgs;
import com.pulumi.aws.glue.inputs.DataQualityRulesetTargetTableArgs;
import com.pulumi.aws.lakeformation.PermissionsArgs;
import com.pulumi.aws.lakeformation.ResourceArgs;
import com.pulumi.aws.lakeformation.ResourceLfTagArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsDataLocationArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsDatabaseArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsTableArgs;
import com.pulumi.aws.lakeformation.inputs.ResourceLfTagDatabaseArgs;
import com.pulumi.aws.lakeformation.inputs.ResourceLfTagLfTagArgs;
import com.pulumi.aws.lakeformation.inputs.ResourceLfTagTableArgs;
import com.pulumi.aws.lakeformation.inputs.ResourceLfTagTableWithColumnsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import io.datamesh.account.ChildOf;
import io.datamesh.account.LakeFormationLanes;
import io.datamesh.names.MeshNames;
import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.stackref.ProducerExport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One producer in the central catalog: its database with the database tags, the registration of
 * its bucket, each declared table with its tags, a drift crawler and the Glue Data Quality ruleset
 * its contract gives, and the crawler's Lake Formation grants. All its Lake Formation writes share
 * one lane, the database's.
 */
public final class ProducerOnboarding extends ComponentResource {
    public static final String TYPE = "datamesh:index:ProducerOnboarding";
    /** The Glue column parameter that carries a contract's ODCS classification. */
    public static final String CLASSIFICATION_PARAMETER = "classification";

    /**
     * @param lakeSettings the settings write that made the deployer an admin: nothing in the
     *                     catalog may be created before it
     */
    public record Args(String catalogId, String prefix, ProducerExport producer, CatalogEncryption encryption,
                       CentralRoles roles, TagOntology tags, Resource lakeSettings, LakeFormationLanes lanes) {
    }

    private final Args args;
    private final ChildOf children;
    private final LakeFormationLanes lanes;
    private final String databaseName;
    private final String lane;

    /**
     * @param name    also the prefix of its resources' names, as when they were direct children of
     *                {@code catalog}
     * @param catalog the component these resources were direct children of
     */
    public ProducerOnboarding(String name, Args args, CentralCatalog catalog) {
        super(TYPE, name, ChildOf.componentUnder(catalog));
        this.args = args;
        this.children = ChildOf.movedFrom(this, catalog);
        this.lanes = args.lanes().placing(children);
        var producer = args.producer();
        String account = args.catalogId();
        this.databaseName = MeshNames.domainDatabase(producer.domain());
        // One lane per database: its tags, its tables' tags and the crawler's grants on it.
        this.lane = "database:" + databaseName;
        var database = new CatalogDatabase(name + "-database", CatalogDatabaseArgs.builder()
                .catalogId(account).name(databaseName)
                .description("Data products of the " + producer.domain() + " domain (account " + producer.accountId() + ")")
                .locationUri("s3://" + producer.bucketName() + "/")
                .build(), children.after(args.lakeSettings()));
        ContractCatalog.databaseTags(producer).forEach((key, value) -> lanes.assignTag(lane,
                name + "-database-tag-" + key, ResourceLfTagArgs.builder().catalogId(account)
                        .database(ResourceLfTagDatabaseArgs.builder().catalogId(account).name(databaseName).build())
                        .lfTag(tagValue(key, value)).build(), database, args.tags().tag(key)));

        // One registration per producer: the bucket holds only data products, and a per-product
        // location would make Lake Formation permissions grow with the number of tables.
        var registered = lanes.register(lane, name + "-location", ResourceArgs.builder()
                .arn("arn:aws:s3:::" + producer.bucketName())
                .roleArn(args.roles().registration().arn())
                .useServiceLinkedRole(false)
                .hybridAccessEnabled(false)
                .build());
        for (DataProduct product : producer.dataProducts()) {
            var table = declaredTable(name, product, database);
            tagTable(name, product, table);
            driftCrawler(name, product, table);
            qualityRuleset(name, product, table);
        }

        var crawlerRole = args.roles().crawler().arn();
        lanes.grant(lane, name + "-crawler-location", PermissionsArgs.builder()
                .principal(crawlerRole).catalogId(account)
                .permissions("DATA_LOCATION_ACCESS")
                .dataLocation(PermissionsDataLocationArgs.builder().catalogId(account)
                        .arn("arn:aws:s3:::" + producer.bucketName()).build())
                .build(), registered);
        lanes.grant(lane, name + "-crawler-database", PermissionsArgs.builder()
                .principal(crawlerRole).catalogId(account)
                .permissions("DESCRIBE")
                .database(PermissionsDatabaseArgs.builder().catalogId(account).name(databaseName).build())
                .build(), database);
        lanes.grant(lane, name + "-crawler-tables", PermissionsArgs.builder()
                .principal(crawlerRole).catalogId(account)
                .permissions("SELECT", "DESCRIBE", "ALTER")
                .table(PermissionsTableArgs.builder().catalogId(account).databaseName(databaseName).wildcard(true).build())
                .build(), database);
        registerOutputs(Map.of());
    }

    private CatalogTable declaredTable(String name, DataProduct product, CatalogDatabase database) {
        var format = TableFormats.of(product.format());
        var parameters = new LinkedHashMap<>(format.tableParameters());
        product.version().ifPresent(v -> parameters.put(MeshNames.CONTRACT_VERSION_PARAMETER, v));
        var table = CatalogTableArgs.builder()
                .catalogId(args.catalogId()).databaseName(databaseName).name(product.name())
                .description(product.description());
        // The catalog carries the owner to every account the table is shared with (GetTable's Owner).
        product.owner().ifPresent(table::owner);
        return new CatalogTable(name + "-" + product.name(), table
                .tableType("EXTERNAL_TABLE")
                .parameters(parameters)
                .storageDescriptor(CatalogTableStorageDescriptorArgs.builder()
                        .location("s3://" + args.producer().bucketName() + "/" + product.prefix())
                        .inputFormat(format.inputFormat())
                        .outputFormat(format.outputFormat())
                        .serDeInfo(CatalogTableStorageDescriptorSerDeInfoArgs.builder()
                                .serializationLibrary(format.serde()).parameters(format.serdeParameters()).build())
                        .columns(product.columns().stream().map(ProducerOnboarding::column).toList())
                        .build())
                .build(), children.after(database));
    }

    /** A contract's classification stays on its column, where the policy packs check it against the LF-tags. */
    private static CatalogTableStorageDescriptorColumnArgs column(ContractColumn c) {
        var column = CatalogTableStorageDescriptorColumnArgs.builder().name(c.name()).type(c.type()).comment(c.comment());
        c.classification().ifPresent(value -> column.parameters(Map.of(CLASSIFICATION_PARAMETER, value)));
        return column.build();
    }

    /**
     * One assignment per (table, key), and one per group of columns that override their table with
     * the same tag ({@link ColumnTagGroup}): columns without their own tags inherit and need none.
     */
    private void tagTable(String name, DataProduct product, CatalogTable table) {
        String account = args.catalogId();
        product.tags().forEach((key, value) -> lanes.assignTag(lane, name + "-" + product.name() + "-tag-" + key,
                ResourceLfTagArgs.builder().catalogId(account)
                        .table(ResourceLfTagTableArgs.builder().catalogId(account).databaseName(databaseName)
                                .name(product.name()).build())
                        .lfTag(tagValue(key, value)).build(), table, args.tags().tag(key)));
        for (ColumnTagGroup group : ColumnTagGroup.of(product.columns())) {
            lanes.assignTag(lane, name + "-" + product.name() + "-columns-" + group.key() + "-" + group.value(),
                    ResourceLfTagArgs.builder().catalogId(account)
                            .tableWithColumns(ResourceLfTagTableWithColumnsArgs.builder().catalogId(account)
                                    .databaseName(databaseName).name(product.name()).columnNames(group.columns()).build())
                            .lfTag(tagValue(group.key(), group.value())).build(), table, args.tags().tag(group.key()));
        }
    }

    /**
     * A crawler per declared table. Catalog targets, not S3 paths: it visits only the declared
     * table, so a stray folder or file never becomes a new table (which would inherit the
     * database's tags and be shared at once); and a crawler with Lake Formation credentials may have
     * a single catalog target of a single table. LOG on update and delete: the contract is the
     * table, a crawl only reports.
     */
    private void driftCrawler(String name, DataProduct product, CatalogTable table) {
        new Crawler(name + "-" + product.name() + "-crawler", CrawlerArgs.builder()
                .name(args.prefix() + "-" + databaseName + "-" + product.name() + "-crawler")
                .description("Detects drift of the " + databaseName + "." + product.name() + " contract; never rewrites it")
                .role(args.roles().crawler().arn())
                .databaseName(databaseName)
                .securityConfiguration(args.encryption().crawlerSecurity().name())
                .catalogTargets(CrawlerCatalogTargetArgs.builder().databaseName(databaseName)
                        .tables(product.name()).build())
                .schemaChangePolicy(CrawlerSchemaChangePolicyArgs.builder()
                        .updateBehavior("LOG").deleteBehavior("LOG").build())
                .lakeFormationConfiguration(CrawlerLakeFormationConfigurationArgs.builder()
                        .useLakeFormationCredentials(true).build())
                // New partitions take the declared table's schema instead of one inferred from files.
                .configuration("{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":\"InheritFromTable\"}}}")
                .build(), children.after(table, args.encryption().crawlerLogs()));
    }

    /**
     * The contract's quality rules on its table, when it has any that DQDL can say. The ruleset's
     * name is its id and is unique in the account (terraform-provider-aws data_quality_ruleset.go:
     * {@code d.SetId(name)}, name and target table force a new ruleset), so a replacement that
     * created the new one first would collide with the old: replace it delete-first. Nothing is
     * lost: a ruleset holds rules, the data stays in the producer's bucket.
     */
    private void qualityRuleset(String name, DataProduct product, CatalogTable table) {
        DqdlRuleset ruleset = DqdlRuleset.of(product);
        if (ruleset.isEmpty()) {
            return;
        }
        new DataQualityRuleset(name + "-" + product.name() + "-quality", DataQualityRulesetArgs.builder()
                .name(args.prefix() + "-" + databaseName + "-" + product.name() + "-quality")
                .description("Quality rules of the " + databaseName + "." + product.name() + " contract")
                .ruleset(ruleset.text())
                .targetTable(DataQualityRulesetTargetTableArgs.builder().catalogId(args.catalogId())
                        .databaseName(databaseName).tableName(product.name()).build())
                .build(), children.options().dependsOn(table).deleteBeforeReplace(true).build());
    }

    private static ResourceLfTagLfTagArgs tagValue(String key, String value) {
        return ResourceLfTagLfTagArgs.builder().key(key).value(value).build();
    }
}
