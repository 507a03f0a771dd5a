package io.datamesh.deploy;

import java.util.Map;
import java.util.Optional;

/**
 * What a create cut off by a killed run leaves to decide, per resource type of this program: the
 * engine cannot tell whether AWS made the resource, and neither forgetting it nor creating it again
 * is safe for every type. Sources: the provider's resource files (terraform-provider-aws, internal/service/...),
 * listed per type in docs/real-engine.md, "Interrupted runs".
 */
enum CutOffCreate {
    /** The create is a put or a grant AWS takes again: forgetting it is safe, the next up makes the same call. */
    REPEATABLE,
    /** AWS keeps the name unique and refuses a second create; the provider's id follows from the inputs, so it can be imported. */
    NAMED,
    /** AWS assigns the id, so a second create makes a second resource: only a person can find the first one. */
    ASSIGNED;

    private static final Map<String, CutOffCreate> CLASSES = Map.ofEntries(
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", REPEATABLE),
            Map.entry("aws:s3/bucketVersioningV2:BucketVersioningV2", REPEATABLE),
            Map.entry("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", REPEATABLE),
            Map.entry("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", REPEATABLE),
            Map.entry("aws:s3/bucketOwnershipControls:BucketOwnershipControls", REPEATABLE),
            Map.entry("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", REPEATABLE),
            Map.entry("aws:s3/bucketObjectv2:BucketObjectv2", REPEATABLE),
            Map.entry("aws:iam/rolePolicy:RolePolicy", REPEATABLE),
            Map.entry("aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings", REPEATABLE),
            Map.entry("aws:glue/resourcePolicy:ResourcePolicy", REPEATABLE),
            Map.entry("aws:lakeformation/dataLakeSettings:DataLakeSettings", REPEATABLE),
            Map.entry("aws:lakeformation/permissions:Permissions", REPEATABLE),
            Map.entry("aws:lakeformation/resourceLfTag:ResourceLfTag", REPEATABLE),
            // AWS refuses a second RegisterResource, but the provider takes that as success (resource.go).
            Map.entry("aws:lakeformation/resource:Resource", REPEATABLE),
            Map.entry("aws:s3/bucketV2:BucketV2", NAMED),
            Map.entry("aws:iam/role:Role", NAMED),
            Map.entry("aws:glue/catalogDatabase:CatalogDatabase", NAMED),
            Map.entry("aws:glue/catalogTable:CatalogTable", NAMED),
            Map.entry("aws:glue/crawler:Crawler", NAMED),
            Map.entry("aws:glue/dataQualityRuleset:DataQualityRuleset", NAMED),
            Map.entry("aws:glue/securityConfiguration:SecurityConfiguration", NAMED),
            Map.entry("aws:athena/workgroup:Workgroup", NAMED),
            Map.entry("aws:cloudtrail/trail:Trail", NAMED),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", NAMED),
            Map.entry("aws:lakeformation/lfTag:LfTag", NAMED),
            Map.entry("aws:ram/resourceShareAccepter:ResourceShareAccepter", NAMED),
            Map.entry("aws:kms/key:Key", ASSIGNED),
            Map.entry("aws:athena/namedQuery:NamedQuery", ASSIGNED));

    /** Whether this table knows the type: every type the program creates must be here (CutOffCreateTest). */
    static boolean knows(String type) {
        return CLASSES.containsKey(type);
    }

    /** The class of a type; a type this table does not know is ASSIGNED: nothing is guessed about it. */
    static CutOffCreate of(String type) {
        return CLASSES.getOrDefault(type, ASSIGNED);
    }

    /**
     * The id the provider's importer of a NAMED type takes, from the cut-off create's inputs; empty for the
     * other classes, or when an input it needs is missing (then the create is treated as ASSIGNED).
     *
     * @param account the stack's account: the Glue and Lake Formation catalog id when the inputs leave it out
     * @param region  the stack's region, part of a trail's ARN
     */
    static Optional<String> importId(String type, Map<String, Object> inputs, String account, String region) {
        if (of(type) != NAMED) {
            return Optional.empty();
        }
        String catalog = inputs.get("catalogId") instanceof String c && !c.isEmpty() ? c : account.isEmpty() ? null : account;
        return Optional.ofNullable(switch (type) {
            case "aws:s3/bucketV2:BucketV2" -> text(inputs, "bucket");
            case "aws:glue/catalogDatabase:CatalogDatabase" -> joined(catalog, text(inputs, "name"));
            case "aws:glue/catalogTable:CatalogTable" -> joined(catalog, text(inputs, "databaseName"), text(inputs, "name"));
            case "aws:lakeformation/lfTag:LfTag" -> joined(catalog, text(inputs, "key"));
            case "aws:ram/resourceShareAccepter:ResourceShareAccepter" -> text(inputs, "shareArn");
            // The trail's id became its ARN within provider v5 (trail.go, trailUpgradeV0).
            case "aws:cloudtrail/trail:Trail" -> text(inputs, "name") == null || account.isEmpty() || region.isEmpty() ? null
                    : "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + inputs.get("name");
            default -> text(inputs, "name");
        });
    }

    private static String text(Map<String, Object> inputs, String key) {
        return inputs.get(key) instanceof String s && !s.isEmpty() ? s : null;
    }

    /** Colon-joined, as the Glue and Lake Formation importers split their ids; null when a part is missing. */
    private static String joined(String... parts) {
        for (String part : parts) {
            if (part == null) {
                return null;
            }
        }
        return String.join(":", parts);
    }
}
