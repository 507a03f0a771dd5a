package io.datamesh.names;



/**
 * Physical names shared across stacks. Producer policies must name central roles before those
 * roles exist, so the names are derived, never random: {@code <prefix>-crawler} in the central
 * account is the same string in every stack of the mesh.
 */
public final class MeshNames {
    /** The catalog table parameter holding the version of the data product's contract (ODCS {@code version}). */
    public static final String CONTRACT_VERSION_PARAMETER = "datamesh:contractVersion";

    private MeshNames() {
    }

    public static String lakeAdminRole(String prefix) {
        return prefix + "-lake-admin";
    }

    public static String crawlerRole(String prefix) {
        return prefix + "-crawler";
    }

    public static String registrationRole(String prefix) {
        return prefix + "-lf-registration";
    }

    public static String roleArn(String accountId, String roleName) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    /** S3 names allow no '_', which Glue names (the domain) do; at most 63 characters. */
    public static String dataBucket(String prefix, String domain, String accountId, String region) {
        return prefix + "-" + domain.replace('_', '-') + "-data-" + accountId + "-" + region;
    }

    public static String athenaResultsBucket(String prefix, String domain, String accountId, String region) {
        return prefix + "-" + domain.replace('_', '-') + "-athena-" + accountId + "-" + region;
    }

    /** Where the data bucket's CloudTrail data events go; never longer than the Athena results bucket. */
    public static String auditLogBucket(String prefix, String domain, String accountId, String region) {
        return prefix + "-" + domain.replace('_', '-') + "-audit-" + accountId + "-" + region;
    }

    public static String dataEventsTrail(String prefix, String domain) {
        return prefix + "-" + domain.replace('_', '-') + "-data-events";
    }

    public static String crawlerSecurityConfiguration(String prefix) {
        return prefix + "-crawler";
    }

    /**
     * The log group Glue writes a crawler's logs to when its security configuration encrypts
     * CloudWatch logs: {@code /aws-glue/crawlers-role/<role name>-<security configuration name>}
     * (the role's path, if any, comes before its name). Created by the stack so it has a retention.
     */
    public static String crawlerLogGroup(String prefix) {
        return "/aws-glue/crawlers-role/" + crawlerRole(prefix) + "-" + crawlerSecurityConfiguration(prefix);
    }

    public static final int MAX_BUCKET_NAME = 63;
    public static final int MAX_ROLE_NAME = 64;
    /** Athena API reference, NamedQuery.Name: "Maximum length of 128". */
    public static final int MAX_NAMED_QUERY_NAME = 128;

    /** The Glue database of a producer domain in the central catalog. */
    public static String domainDatabase(String domain) {
        return domain;
    }

    /** The resource link a domain account creates to a shared central database. */
    public static String resourceLink(String database) {
        return "shared_" + database;
    }

    /** The saved Athena query a domain gets to preview a table shared with it. */
    public static String previewQuery(String database, String table) {
        return "preview " + database + "." + table;
    }

    public static String analystRole(String prefix, String domain, String analyst) {
        return prefix + "-" + domain + "-" + analyst.replace('_', '-');
    }
}
