package io.datamesh.stackref;

/** Names of the stack outputs other stacks of the mesh read. Renaming one breaks a deployed mesh. */
public final class MeshOutputs {
    private MeshOutputs() {
    }

    // producer → central
    public static final String PRODUCER = "producer";

    // producers and consumers → central
    public static final String QUERY_ROLES = "queryRoles";

    // central → producers and consumers
    public static final String CATALOG_ID = "catalogId";
    public static final String DATABASES = "databases";
    public static final String TAG_ONTOLOGY = "tagOntology";
    public static final String SHARES = "shares";
    public static final String SHARED_TABLES = "sharedTables";
    public static final String LAKE_ADMIN_ROLE_ARN = "dataLakeAdminRoleArn";
    public static final String CRAWLER_ROLE_ARN = "crawlerRoleArn";
    public static final String REGISTRATION_ROLE_ARN = "registrationRoleArn";
    public static final String CATALOG_KEY_ARN = "catalogKeyArn";
    public static final String RAM_SHARING = "ramSharing";

    /** The documented deploy order, quoted by every message about a missing reference. */
    public static final String DEPLOY_ORDER = "producer stacks → consumer stacks → central → producer stacks again"
            + " → consumer stacks again (central grants to the domains' query roles; the second domain runs create"
            + " their resource links)";
}
