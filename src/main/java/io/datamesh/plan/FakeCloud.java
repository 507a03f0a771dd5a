package io.datamesh.plan;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Deterministic stand-ins for what AWS would compute on create (ids, ARNs), derived only from the
 * resource's type, name, inputs and the stack's account and region. The offline plan and the
 * test-only stand-in provider both use these rules, so a plan and a local `pulumi up` agree.
 */
public final class FakeCloud {
    private FakeCloud() {
    }

    /** The physical id AWS would return: the resource's own name where it has one, else a stable id. */
    public static String id(String type, String name, Map<String, Object> inputs) {
        String physicalName = switch (type) {
            case "aws:s3/bucketV2:BucketV2" -> (String) inputs.get("bucket");
            case "aws:lakeformation/lfTag:LfTag" -> (String) inputs.get("key");
            case "aws:kms/key:Key" -> stableUuid(type + "/" + name);
            default -> inputs.get("name") instanceof String s ? s : null;
        };
        return physicalName != null ? physicalName : name + "-" + stableUuid(type + "/" + name).substring(0, 8);
    }

    /** Inputs plus the computed outputs AWS adds (arn, id-like fields). */
    public static Map<String, Object> state(String type, String name, Map<String, Object> inputs,
                                            String accountId, String region) {
        var state = new LinkedHashMap<>(inputs);
        String id = id(type, name, inputs);
        String arn = arn(type, id, inputs, accountId, region);
        if (arn != null) {
            state.putIfAbsent("arn", arn);
        }
        switch (type) {
            case "aws:s3/bucketV2:BucketV2" -> {
                state.putIfAbsent("bucket", id);
                state.putIfAbsent("bucketDomainName", id + ".s3.amazonaws.com");
            }
            case "aws:kms/key:Key" -> state.putIfAbsent("keyId", id);
            case "aws:iam/role:Role" -> {
                state.putIfAbsent("name", id);
                state.putIfAbsent("uniqueId", "AROA" + stableUuid(arn).replace("-", "").substring(0, 17).toUpperCase());
            }
            case "aws:glue/catalogDatabase:CatalogDatabase", "aws:glue/catalogTable:CatalogTable" ->
                    state.putIfAbsent("catalogId", accountId);
            default -> {
            }
        }
        return state;
    }

    static String arn(String type, String id, Map<String, Object> inputs, String accountId, String region) {
        return switch (type) {
            case "aws:s3/bucketV2:BucketV2" -> "arn:aws:s3:::" + id;
            case "aws:iam/role:Role" -> "arn:aws:iam::" + accountId + ":role/" + id;
            case "aws:kms/key:Key" -> "arn:aws:kms:" + region + ":" + accountId + ":key/" + id;
            case "aws:kms/alias:Alias" -> "arn:aws:kms:" + region + ":" + accountId + ":" + id;
            case "aws:glue/catalogDatabase:CatalogDatabase" ->
                    "arn:aws:glue:" + region + ":" + accountId + ":database/" + id;
            case "aws:glue/catalogTable:CatalogTable" -> "arn:aws:glue:" + region + ":" + accountId + ":table/"
                    + inputs.getOrDefault("databaseName", "") + "/" + id;
            case "aws:glue/crawler:Crawler" -> "arn:aws:glue:" + region + ":" + accountId + ":crawler/" + id;
            // terraform-provider-aws data_quality_ruleset.go builds it so: resource dataQualityRuleset/<name>.
            case "aws:glue/dataQualityRuleset:DataQualityRuleset" ->
                    "arn:aws:glue:" + region + ":" + accountId + ":dataQualityRuleset/" + id;
            case "aws:athena/workgroup:Workgroup" -> "arn:aws:athena:" + region + ":" + accountId + ":workgroup/" + id;
            default -> null;
        };
    }

    private static String stableUuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
