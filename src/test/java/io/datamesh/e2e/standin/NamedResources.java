package io.datamesh.e2e.standin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulated AWS holds of every resource the provider made, by account, type and the name AWS
 * knows it by — so that AWS can refuse a second create of a name it keeps unique, and the provider's
 * read of an import id can find the resource or say it does not exist. Each behaviour and its source
 * is in docs/aws-behaviours.md, section 11.
 */
final class NamedResources {
    /** AWS's refusal of a second create of the same name, per type (the Glue database's is LakeFormationEmulator's). */
    private static final Map<String, String> DUPLICATE = Map.ofEntries(
            Map.entry("aws:s3/bucketV2:BucketV2", "BucketAlreadyOwnedByYou: Your previous request to create the named"
                    + " bucket succeeded and you already own it."),
            Map.entry("aws:iam/role:Role", "EntityAlreadyExists: Role with name %s already exists."),
            Map.entry("aws:glue/catalogTable:CatalogTable", "AlreadyExistsException: Table already exists."),
            Map.entry("aws:glue/crawler:Crawler", "AlreadyExistsException: %s already exists"),
            Map.entry("aws:glue/dataQualityRuleset:DataQualityRuleset", "AlreadyExistsException: Ruleset %s already exists"),
            Map.entry("aws:glue/securityConfiguration:SecurityConfiguration", "AlreadyExistsException: Security configuration"
                    + " %s already exists"),
            Map.entry("aws:athena/workgroup:Workgroup", "InvalidRequestException: WorkGroup %s is already created"),
            Map.entry("aws:cloudtrail/trail:Trail", "TrailAlreadyExistsException: Trail %s already exists"),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", "ResourceAlreadyExistsException: The specified log group already exists"),
            Map.entry("aws:lakeformation/lfTag:LfTag", "AlreadyExistsException: Tag key already exists"));

    private NamedResources() {
    }

    /** The name AWS knows a resource by, from its inputs or state; null for a type kept by a generated id. */
    static String name(String type, Map<String, Object> props) {
        return switch (type) {
            case "aws:s3/bucketV2:BucketV2" -> text(props, "bucket");
            case "aws:glue/catalogTable:CatalogTable" -> text(props, "databaseName") == null ? null
                    : props.get("databaseName") + "/" + text(props, "name");
            case "aws:lakeformation/lfTag:LfTag" -> text(props, "key");
            case "aws:ram/resourceShareAccepter:ResourceShareAccepter" -> text(props, "shareArn");
            case "aws:kms/key:Key", "aws:athena/namedQuery:NamedQuery", "aws:lakeformation/permissions:Permissions",
                 "aws:lakeformation/resourceLfTag:ResourceLfTag", "aws:lakeformation/dataLakeSettings:DataLakeSettings" -> null;
            default -> text(props, "name");
        };
    }

    /** AWS's refusal when the account already holds a resource of this type and name; null when it takes the create. */
    static String refusal(EmulatedAws aws, String account, String type, Map<String, Object> inputs) {
        String name = name(type, inputs);
        String refusal = DUPLICATE.get(type);
        if (name == null || refusal == null || !aws.made.containsKey(key(account, type, name))) {
            return null;
        }
        return "creating " + type.substring(type.lastIndexOf(':') + 1) + " (" + name + "): " + String.format(refusal, name);
    }

    static void made(EmulatedAws aws, String account, String type, Map<String, Object> inputs, Map<String, Object> state) {
        String name = name(type, inputs);
        if (name != null) {
            var held = new LinkedHashMap<String, Object>();
            held.put("inputs", inputs);
            held.put("state", state);
            aws.made.put(key(account, type, name), held);
        }
    }

    static void deleted(EmulatedAws aws, String account, String type, Map<String, Object> state) {
        String name = name(type, state);
        if (name != null) {
            aws.made.remove(key(account, type, name));
        }
    }

    /**
     * What the provider's read of an import id finds: the resource's inputs and state, or empty (the
     * provider then clears the id and the engine reports "does not exist"). The id is parsed as each
     * type's importer does: {@code catalog:name} (Glue database, LF-tag), {@code catalog:database:name}
     * (Glue table), a trail's ARN, else the name itself.
     */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Map<String, Object>>> read(EmulatedAws aws, String account, String type, String importId) {
        String owner = account;
        String name = importId;
        String[] parts = importId.split(":");
        switch (type) {
            case "aws:glue/catalogDatabase:CatalogDatabase", "aws:lakeformation/lfTag:LfTag" -> {
                if (parts.length != 2) {
                    return Optional.empty();
                }
                owner = parts[0];
                name = parts[1];
            }
            case "aws:glue/catalogTable:CatalogTable" -> {
                if (parts.length != 3) {
                    return Optional.empty();
                }
                owner = parts[0];
                name = parts[1] + "/" + parts[2];
            }
            case "aws:cloudtrail/trail:Trail" -> name = importId.substring(importId.lastIndexOf('/') + 1);
            default -> {
            }
        }
        Object held = aws.made.get(key(owner, type, name));
        return held instanceof Map<?, ?> m ? Optional.of((Map<String, Map<String, Object>>) m) : Optional.empty();
    }

    private static String key(String account, String type, String name) {
        return account + " " + type + " " + name;
    }

    private static String text(Map<String, Object> props, String key) {
        return props.get(key) instanceof String s && !s.isEmpty() ? s : null;
    }
}
