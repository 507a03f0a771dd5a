package io.datamesh.quota;

import io.datamesh.resource.PlannedResource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
            resources -> count(resources, "aws:lakeformation/lfTag:LfTag"));

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

    private static long count(List<PlannedResource> resources, String type) {
        return resources.stream().filter(r -> r.type().equals(type)).count();
    }
}
