package io.datamesh.e2e.standin;

import io.datamesh.plan.FakeCloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.datamesh.e2e.standin.LakeFormationEmulator.DATABASE;
import static io.datamesh.e2e.standin.LakeFormationEmulator.ENCRYPTION;
import static io.datamesh.e2e.standin.LakeFormationEmulator.KEY;
import static io.datamesh.e2e.standin.LakeFormationEmulator.LF_TAG;
import static io.datamesh.e2e.standin.LakeFormationEmulator.PERMISSIONS;
import static io.datamesh.e2e.standin.LakeFormationEmulator.RESOURCE_LF_TAG;
import static io.datamesh.e2e.standin.LakeFormationEmulator.RESOURCE_POLICY;
import static io.datamesh.e2e.standin.LakeFormationEmulator.ROLE;
import static io.datamesh.e2e.standin.LakeFormationEmulator.ROLE_POLICY;
import static io.datamesh.e2e.standin.LakeFormationEmulator.SETTINGS;
import static io.datamesh.e2e.standin.LakeFormationEmulator.TABLE;
import static io.datamesh.e2e.standin.LakeFormationEmulator.WORKGROUP;

/**
 * The sample mesh built step by step against an {@link EmulatedAws}: a central catalog (sales
 * database, orders and customers tables, PII columns tagged) shared with the marketing consumer
 * account, whose analyst queries through a resource link. Each step is one resource the program
 * declares, applied as the provider would, so a test can leave one out or reorder them.
 */
final class MeshFixture {
    static final String CENTRAL = "111111111111";
    static final String CONSUMER = "333333333333";
    static final String REGION = "us-east-1";
    static final String ANALYST = "arn:aws:iam::" + CONSUMER + ":role/mesh-marketing-analyst";
    static final List<String> ORDERS = List.of("order_id", "customer_id", "amount", "order_date");
    static final List<String> CUSTOMERS = List.of("customer_id", "full_name", "email", "phone", "country");

    final EmulatedAws aws = new EmulatedAws();
    boolean organization = true;
    boolean roleInvitations = false;
    private String keyArn;

    LakeFormationEmulator as(String account) {
        return new LakeFormationEmulator(account, REGION, new RamSharing(organization, roleInvitations));
    }

    /** Creates a resource as the account; the provider's error after AWS applied it, or null. */
    String create(String account, String type, String name, Map<String, Object> inputs) {
        return as(account).create(aws, type, inputs, FakeCloud.state(type, name, inputs, account, REGION));
    }

    void delete(String account, String type, String name, Map<String, Object> inputs) {
        as(account).delete(aws, type, FakeCloud.state(type, name, inputs, account, REGION));
    }

    static Map<String, Object> map(Object... keyValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static String deployer(String account) {
        return LakeFormationEmulator.callerArn(account);
    }

    /** The account's settings write: its deploy role as admin, no IAM-only defaults, version 4. */
    /** The account as the mesh leaves it: IAM-only defaults cleared once with the CLI, then the stack's settings write. */
    MeshFixture settings(String account) {
        LakeFormationEmulator.putDataLakeSettings(aws, account, map("admins", List.of(deployer(account))));
        create(account, SETTINGS, account + "-lake", map("admins", List.of(deployer(account)),
                "createDatabaseDefaultPermissions", List.of(), "createTableDefaultPermissions", List.of(),
                "parameters", map("CROSS_ACCOUNT_VERSION", "4")));
        return this;
    }

    /** The central catalog: LF-tags, the sales database and its tables, tags on database and PII columns. */
    MeshFixture centralCatalog() {
        create(CENTRAL, LF_TAG, "tag-domain", map("key", "domain", "values", List.of("sales", "finance")));
        create(CENTRAL, LF_TAG, "tag-pii", map("key", "pii", "values", List.of("true", "false")));
        create(CENTRAL, DATABASE, "sales", map("catalogId", CENTRAL, "name", "sales"));
        table("orders", ORDERS);
        table("customers", CUSTOMERS);
        tag("db-domain", map("database", map("catalogId", CENTRAL, "name", "sales")), "domain", "sales");
        tag("db-pii", map("database", map("catalogId", CENTRAL, "name", "sales")), "pii", "false");
        tag("customers-pii", map("tableWithColumns", map("catalogId", CENTRAL, "databaseName", "sales",
                "name", "customers", "columnNames", List.of("full_name", "email", "phone"))), "pii", "true");
        return this;
    }

    void table(String name, List<String> columns) {
        create(CENTRAL, TABLE, name, map("catalogId", CENTRAL, "databaseName", "sales", "name", name,
                "storageDescriptor", map("columns", columns.stream().map(c -> map("name", c, "type", "string")).toList())));
    }

    Map<String, Object> tag(String name, Map<String, Object> resource, String key, String value) {
        var inputs = new LinkedHashMap<>(resource);
        inputs.put("catalogId", CENTRAL);
        inputs.put("lfTag", map("key", key, "value", value));
        create(CENTRAL, RESOURCE_LF_TAG, name, inputs);
        return inputs;
    }

    /** The central catalog policy; with the statement AWS RAM needs at cross-account version 3 and later. */
    MeshFixture catalogPolicy(boolean ramStatement) {
        String ram = "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ram.amazonaws.com\"},\"Action\":\"glue:ShareResource\","
                + "\"Resource\":[\"arn:aws:glue:" + REGION + ":" + CENTRAL + ":table/*/*\",\"arn:aws:glue:" + REGION + ":"
                + CENTRAL + ":database/*\",\"arn:aws:glue:" + REGION + ":" + CENTRAL + ":catalog\"]}";
        String consumer = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + CONSUMER + ":root\"},"
                + "\"Action\":\"glue:*\",\"Resource\":\"arn:aws:glue:" + REGION + ":" + CENTRAL + ":*\","
                + "\"Condition\":{\"Bool\":{\"glue:EvaluatedByLakeFormationTags\":\"true\"}}}";
        create(CENTRAL, RESOURCE_POLICY, "catalog-policy", map("policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + (ramStatement ? ram + "," : "") + consumer + "]}"));
        return this;
    }

    /** SSE-KMS for the central catalog, with a key policy that lets the consumer account use the key. */
    MeshFixture encryptedCatalog() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + CENTRAL
                + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + CONSUMER + ":root\"},\"Action\":[\"kms:Decrypt\",\"kms:Encrypt\","
                + "\"kms:GenerateDataKey\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
                + "\"glue." + REGION + ".amazonaws.com\"}}}]}";
        var keyInputs = map("description", "catalog", "policy", policy);
        create(CENTRAL, KEY, "catalog-key", keyInputs);
        keyArn = (String) FakeCloud.state(KEY, "catalog-key", keyInputs, CENTRAL, REGION).get("arn");
        create(CENTRAL, ENCRYPTION, "catalog-encryption", map("catalogId", CENTRAL, "dataCatalogEncryptionSettings",
                map("encryptionAtRest", map("catalogEncryptionMode", "SSE-KMS", "sseAwsKmsKeyId", keyArn),
                        "connectionPasswordEncryption", map("returnConnectionPasswordEncrypted", true))));
        return this;
    }

    String keyArn() {
        return keyArn;
    }

    /** Central grants the consumer account the non-PII sales tables (SELECT, DESCRIBE) with the grant option. */
    MeshFixture shareWithConsumer() {
        String error = create(CENTRAL, PERMISSIONS, "grant-consumer", tagPolicyGrant(CENTRAL, CONSUMER,
                List.of("SELECT", "DESCRIBE"), List.of("SELECT", "DESCRIBE")));
        if (error == null) {
            error = create(CENTRAL, PERMISSIONS, "grant-consumer-database", databaseGrant(CENTRAL, CONSUMER, List.of("DESCRIBE")));
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return this;
    }

    /** DESCRIBE on the sales database by its domain tag, made in {@code catalogId}. */
    static Map<String, Object> databaseGrant(String catalogId, String principal, List<String> grantable) {
        return map("catalogId", catalogId, "principal", principal, "permissions", List.of("DESCRIBE"),
                "permissionsWithGrantOptions", grantable, "lfTagPolicy", map("catalogId", CENTRAL,
                        "resourceType", "DATABASE", "expressions", List.of(map("key", "domain", "values", List.of("sales")))));
    }

    static Map<String, Object> tagPolicyGrant(String catalogId, String principal, List<String> permissions,
                                              List<String> grantable) {
        return map("catalogId", catalogId, "principal", principal, "permissions", permissions,
                "permissionsWithGrantOptions", grantable,
                "lfTagPolicy", map("catalogId", CENTRAL, "resourceType", "TABLE", "expressions", List.of(
                        map("key", "domain", "values", List.of("sales")), map("key", "pii", "values", List.of("false")))));
    }

    /** The consumer's analyst role, its query policy, the workgroup, the resource link and DESCRIBE on it. */
    MeshFixture consumer(boolean catalogKeyStatement) {
        create(CONSUMER, ROLE, "analyst", map("name", "mesh-marketing-analyst", "assumeRolePolicy", "{}"));
        var statements = new StringBuilder("{\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"athena:StartQueryExecution\",\"athena:GetQueryResults\"],"
                + "\"Resource\":\"arn:aws:athena:" + REGION + ":" + CONSUMER + ":workgroup/mesh-marketing\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"glue:GetDatabase\",\"glue:GetTable\",\"glue:GetTables\"],"
                + "\"Resource\":[\"arn:aws:glue:" + REGION + ":" + CENTRAL + ":catalog\",\"arn:aws:glue:" + REGION + ":"
                + CENTRAL + ":table/*/*\"]},"
                + "{\"Effect\":\"Allow\",\"Action\":\"lakeformation:GetDataAccess\",\"Resource\":\"*\"}");
        if (catalogKeyStatement) {
            statements.append(",{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\",\"kms:Encrypt\",\"kms:GenerateDataKey\"],"
                    + "\"Resource\":\"" + keyArn + "\"}");
        }
        create(CONSUMER, ROLE_POLICY, "analyst-query", map("role", "mesh-marketing-analyst", "name", "query",
                "policy", statements + "]}"));
        create(CONSUMER, WORKGROUP, "workgroup", map("name", "mesh-marketing"));
        create(CONSUMER, DATABASE, "link-sales", map("catalogId", CONSUMER, "name", "sales_link",
                "targetDatabase", map("catalogId", CENTRAL, "databaseName", "sales", "region", REGION)));
        create(CONSUMER, PERMISSIONS, "describe-link", map("catalogId", CONSUMER, "principal", ANALYST,
                "permissions", List.of("DESCRIBE"), "database", map("catalogId", CONSUMER, "name", "sales_link")));
        return this;
    }

    /** The design that completes under the provider: central grants the consumer's analyst directly. */
    MeshFixture directGrantToAnalyst() {
        String error = create(CENTRAL, PERMISSIONS, "grant-analyst", tagPolicyGrant(CENTRAL, ANALYST,
                List.of("SELECT", "DESCRIBE"), List.of()));
        if (error == null) {
            error = create(CENTRAL, PERMISSIONS, "grant-analyst-database", databaseGrant(CENTRAL, ANALYST, List.of()));
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return this;
    }

    /** Everything right, in the order that works: settings first, RAM statement, key statement. */
    static MeshFixture working() {
        return new MeshFixture().settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(true)
                .encryptedCatalog().shareWithConsumer().consumer(true).directGrantToAnalyst();
    }
}
