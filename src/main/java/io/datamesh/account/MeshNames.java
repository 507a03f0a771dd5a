package io.datamesh.account;

/**
 * Physical names shared across stacks. Producer policies must name central roles before those
 * roles exist, so the names are derived, never random: {@code <prefix>-crawler} in the central
 * account is the same string in every stack of the mesh.
 */
public final class MeshNames {
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

    public static final int MAX_BUCKET_NAME = 63;
    public static final int MAX_ROLE_NAME = 64;

    /** The Glue database of a producer domain in the central catalog. */
    public static String domainDatabase(String domain) {
        return domain;
    }

    /** The resource link a domain account creates to a shared central database. */
    public static String resourceLink(String database) {
        return "shared_" + database;
    }

    public static String analystRole(String prefix, String domain, String analyst) {
        return prefix + "-" + domain + "-" + analyst.replace('_', '-');
    }
}
