package io.datamesh.quota;

import io.datamesh.resource.PlannedResource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * AWS default quotas the mesh's resources count against, per account (and region: every stack of
 * the mesh deploys into one). Each default is the one AWS documents at {@link #source()}; a raised
 * quota is configured under {@code datamesh:quotas.<configKey>}. Only what the mesh itself creates is
 * counted: resources the account already has use the same quota.
 */
public enum Quota {
    GLUE_CRAWLERS("glueCrawlers", "Glue crawlers per account", 1_000,
            "AWS Glue endpoints and quotas, https://docs.aws.amazon.com/general/latest/gr/glue.html",
            resources -> count(resources, "aws:glue/crawler:Crawler")),
    GLUE_DATABASES("glueDatabases", "Glue databases per account (resource links included)", 10_000,
            "AWS Glue endpoints and quotas, https://docs.aws.amazon.com/general/latest/gr/glue.html",
            resources -> count(resources, "aws:glue/catalogDatabase:CatalogDatabase")),
    GLUE_TABLES("glueTables", "Glue tables per account", 1_000_000,
            "AWS Glue endpoints and quotas, https://docs.aws.amazon.com/general/latest/gr/glue.html",
            resources -> count(resources, "aws:glue/catalogTable:CatalogTable")),
    GLUE_TABLES_PER_DATABASE("glueTablesPerDatabase", "Glue tables per database (the fullest)", 200_000,
            "AWS Glue endpoints and quotas, https://docs.aws.amazon.com/general/latest/gr/glue.html",
            resources -> resources.stream().filter(r -> r.type().equals("aws:glue/catalogTable:CatalogTable"))
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.inputs().get("databaseName")), Collectors.counting()))
                    .values().stream().mapToLong(Long::longValue).max().orElse(0)),
    LF_TAG_VALUES("lfTagValues", "values of one LF-tag (the largest)", 1_000,
            "Lake Formation API reference, LFTag.TagValues, https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_LFTag.html",
            resources -> resources.stream().filter(r -> r.type().equals("aws:lakeformation/lfTag:LfTag"))
                    .mapToLong(r -> r.inputs().get("values") instanceof List<?> values ? values.size() : 0)
                    .max().orElse(0)),
    LAKE_FORMATION_ADMINS("lakeFormationAdmins", "Lake Formation data lake administrators", 30,
            "the project's Lake Formation field notes (admin limit 30), which the settings merge already enforces",
            resources -> resources.stream().filter(r -> r.type().equals("aws:lakeformation/dataLakeSettings:DataLakeSettings"))
                    .mapToLong(r -> r.inputs().get("admins") instanceof List<?> admins ? admins.size() : 0)
                    .max().orElse(0)),
    S3_BUCKETS("s3Buckets", "S3 general purpose buckets per account", 10_000,
            "Amazon S3 user guide, General purpose bucket quotas, https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html",
            resources -> count(resources, "aws:s3/bucketV2:BucketV2")),
    CLOUDTRAIL_TRAILS("cloudTrailTrails", "CloudTrail trails per region (cannot be raised)", 5,
            "AWS CloudTrail user guide, Quotas in AWS CloudTrail, https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html",
            resources -> count(resources, "aws:cloudtrail/trail:Trail")),
    LF_TAGS("lfTags", "LF-tags per account", 1_000,
            "Lake Formation developer guide, Lake Formation tag-based access control notes and restrictions,"
                    + " https://docs.aws.amazon.com/lake-formation/latest/dg/TBAC-notes.html",
            resources -> count(resources, "aws:lakeformation/lfTag:LfTag")),
    // At cross-account version 3 and later Lake Formation shares every cross-account grant through
    // AWS RAM, creating or extending one resource share from the granting account to each receiving
    // account (docs/aws-behaviours.md, "RAM"): the shares and their principals are counted in the
    // account that grants, from its grants to principals of other accounts. Every domain a wave adds
    // adds a receiving account and its roles.
    RAM_RESOURCE_SHARES("ramResourceShares", "AWS RAM resource shares per account (one per account Lake Formation"
            + " shares with)", 5_000, Sources.RAM,
            resources -> crossAccountPrincipals(resources).stream().map(Quota::accountOf).distinct().count()),
    RAM_SHARED_PRINCIPALS("ramSharedPrincipals", "AWS RAM shared principals per account (principals of other"
            + " accounts granted through Lake Formation)", 5_000, Sources.RAM,
            resources -> crossAccountPrincipals(resources).size());

    private static final String LF_PERMISSIONS = "aws:lakeformation/permissions:Permissions";

    /** Sources several quotas share (an enum constant cannot name a static field of its own enum). */
    private static final class Sources {
        /**
         * The figures of the RAM user guide's quota table: 5,000 resource shares, 5,000 shared
         * principals, 5,000 shared resources and 20 pending invitations per account.
         */
        static final String RAM = "AWS RAM user guide, Service quotas (\"Maximum number of resource shares per account\","
                + " \"Maximum number of shared principals per account\": 5,000 each),"
                + " https://docs.aws.amazon.com/ram/latest/userguide/what-is.html#what-is-limits";
    }

    private final String configKey;
    private final String description;
    private final long defaultLimit;
    private final String source;
    private final ToLongFunction<List<PlannedResource>> usage;

    Quota(String configKey, String description, long defaultLimit, String source,
          ToLongFunction<List<PlannedResource>> usage) {
        this.configKey = configKey;
        this.description = description;
        this.defaultLimit = defaultLimit;
        this.source = source;
        this.usage = usage;
    }

    public String configKey() {
        return configKey;
    }

    public String description() {
        return description;
    }

    public long defaultLimit() {
        return defaultLimit;
    }

    public String source() {
        return source;
    }

    /** How much of this quota the given resources of one account use. */
    public long usage(List<PlannedResource> resources) {
        return usage.applyAsLong(resources);
    }

    public static Optional<Quota> ofConfigKey(String key) {
        return Arrays.stream(values()).filter(q -> q.configKey.equals(key)).findFirst();
    }

    public static List<String> configKeys() {
        return Arrays.stream(values()).map(Quota::configKey).toList();
    }

    /** The distinct principals of other accounts than the granting catalog's that the grants name. */
    private static Set<String> crossAccountPrincipals(List<PlannedResource> resources) {
        return resources.stream().filter(r -> r.type().equals(LF_PERMISSIONS))
                .filter(r -> r.inputs().get("principal") instanceof String principal && r.inputs().get("catalogId") instanceof String
                        catalog && !accountOf(principal).equals(catalog) && accountOf(principal).matches("\\d{12}"))
                .map(r -> (String) r.inputs().get("principal")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The account of a principal: an account id itself, or the account field of an IAM ARN. */
    private static String accountOf(String principal) {
        String[] arn = principal.split(":");
        return arn.length > 4 && arn[0].equals("arn") ? arn[4] : principal;
    }

    private static long count(List<PlannedResource> resources, String type) {
        return resources.stream().filter(r -> r.type().equals(type)).count();
    }
}
