package io.datamesh.policy.rules;

import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.ResourceOptions;
import io.datamesh.policy.PolicyPacks;
import io.datamesh.policy.engine.PolicyContext;
import io.datamesh.policy.engine.PolicyFinding;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.Rule;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.resource.ResourceTypes;
import io.datamesh.resource.Sentinels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.datamesh.policy.Fixtures.CENTRAL_STACK;
import static io.datamesh.policy.Fixtures.CONSUMER;
import static io.datamesh.policy.Fixtures.PRODUCER_STACK;
import static io.datamesh.policy.Fixtures.doc;
import static io.datamesh.policy.Fixtures.res;
import static io.datamesh.policy.Fixtures.run;
import static io.datamesh.resource.ResourceTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule against a minimal compliant stack and a minimal non-compliant one (cdk-nag style). */
class RuleFixturesTest {
    record Case(String rule, PolicyContext compliantContext, List<PlannedResource> compliant,
                PolicyContext nonCompliantContext, List<PlannedResource> nonCompliant, String expected) {
        Case(String rule, PolicyContext context, List<PlannedResource> compliant, List<PlannedResource> nonCompliant,
             String expected) {
            this(rule, context, compliant, context, nonCompliant, expected);
        }

        @Override
        public String toString() {
            return rule + " [" + expected + "]";
        }
    }

    private static final String TLS_DENY = "{'Effect':'Deny','Principal':'*','Action':'s3:*',"
            + "'Resource':['arn:aws:s3:::b','arn:aws:s3:::b/*'],'Condition':{'Bool':{'aws:SecureTransport':'false'}}}";

    /** A TLS Deny on bucket b with the given principal, action and resource elements (single quotes). */
    private static String tlsDeny(String principal, String action, String resource) {
        return "{'Effect':'Deny'," + principal + "," + action + "," + resource
                + ",'Condition':{'Bool':{'aws:SecureTransport':'false'}}}";
    }

    private static final String NARROWED = "the Deny on aws:SecureTransport = false is narrowed";
    private static final String ADMIN = "arn:aws:iam::111111111111:role/lf-admin";
    private static final String CRAWLER_ROLE = "arn:aws:iam::111111111111:role/crawler";

    private static PlannedResource bucketPolicy(String... statements) {
        return res(BUCKET_POLICY, "policy", Map.of("bucket", "b",
                "policy", doc("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}")));
    }

    private static PlannedResource rolePolicy(String action) {
        return res(IAM_ROLE_POLICY, "inline", Map.of("role", "r", "policy",
                doc("{'Statement':[{'Effect':'Allow','Action':'" + action + "','Resource':'*'}]}")));
    }

    /** A role policy of one statement, given whole (single quotes). */
    private static PlannedResource roleStatement(String statement) {
        return res(IAM_ROLE_POLICY, "inline", Map.of("role", "r", "policy", doc("{'Statement':[" + statement + "]}")));
    }

    private static final String RAM_SHARES_CATALOG = "{'Effect':'Allow','Principal':{'Service':'ram.amazonaws.com'},"
            + "'Action':'glue:ShareResource','Resource':'*'}";

    /** A catalog policy of the statement plus the RAM statement cross-account version 3+ needs. */
    private static PlannedResource glueResourcePolicy(String statement) {
        return res(GLUE_RESOURCE_POLICY, "rp", Map.of("policy", doc("{'Statement':[" + statement + "," + RAM_SHARES_CATALOG + "]}")));
    }

    private static PlannedResource withOptions(PlannedResource r, List<String> dependsOn, boolean deleteBeforeReplace) {
        return new PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.inputs(),
                new ResourceOptions(dependsOn, deleteBeforeReplace, false, false));
    }

    private static final String MESH_PRINCIPAL = "'Principal':{'AWS':'arn:aws:iam::333333333333:root'},'Action':'glue:*','Resource':'*'";

    private static PlannedResource keyPolicy(String statement) {
        return res(KMS_KEY, "key", Map.of("enableKeyRotation", true, "policy", doc("{'Statement':[" + statement + "]}")));
    }

    private static final String DEPLOYER = "arn:aws:iam::111111111111:role/deployer";
    private static final PlannedResource DATA_BUCKET = res(BUCKET, "data", "{'bucket':'b','tags':{'datamesh:purpose':'data'}}");

    private static PlannedResource trail(String fieldSelectors) {
        return res(CLOUDTRAIL_TRAIL, "trail", "{'name':'t','advancedEventSelectors':[{'name':'objects','fieldSelectors':"
                + fieldSelectors + "}]}");
    }

    private static PlannedResource lifecycle(String... rules) {
        return res(BUCKET_LIFECYCLE, "lifecycle", "{'bucket':'b','rules':[" + String.join(",", rules) + "]}");
    }

    private static final String ROOT_TRUST = "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111111111111:root'},"
            + "'Action':'sts:AssumeRole'}";

    /** Trust by the central account's root, narrowed to {@code principalArn}. */
    private static String rootTrust(String principalArn) {
        return "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111111111111:root'},'Action':'sts:AssumeRole',"
                + "'Condition':{'ArnLike':{'aws:PrincipalArn':'" + principalArn + "'}}}";
    }

    /** An IAM role named {@code name} whose trust policy is the given statement (single quotes). */
    private static PlannedResource trustingRole(String name, String statement) {
        return res(IAM_ROLE, name, Map.of("name", name, "assumeRolePolicy", doc("{'Statement':[" + statement + "]}")));
    }

    private static PlannedResource grant(String principal, String target) {
        return res(LF_PERMISSIONS, "grant", "{'principal':'" + principal + "','permissions':['SELECT'],"
                + "'permissionsWithGrantOptions':[]," + target + "}");
    }

    private static final String TAG_POLICY = "'lfTagPolicy':{'resourceType':'TABLE','expressions':"
            + "[{'key':'domain','values':['sales']},{'key':'pii','values':['false']}]}";

    private static List<PlannedResource> taggedTable(boolean tagDatabase) {
        List<PlannedResource> stack = new ArrayList<>(List.of(
                res(LF_TAG, "domain", "{'key':'domain','values':['sales','marketing']}"),
                res(LF_TAG, "classification", "{'key':'classification','values':['public','confidential']}"),
                res(GLUE_DATABASE, "sales", "{'name':'sales'}"),
                res(GLUE_DATABASE, "link", "{'name':'link','targetDatabase':{'catalogId':'1','databaseName':'x'}}"),
                res(GLUE_TABLE, "orders", "{'databaseName':'sales','name':'orders','storageDescriptor':"
                        + "{'location':'s3://data/sales/orders/','columns':[{'name':'id','type':'int'}]}}")));
        if (tagDatabase) {
            stack.add(res(LF_RESOURCE_TAG, "t1", "{'database':{'name':'sales'},'lfTag':{'key':'domain','value':'sales'}}"));
            stack.add(res(LF_RESOURCE_TAG, "t2", "{'database':{'name':'sales'},'lfTag':{'key':'classification','value':'public'}}"));
        }
        return stack;
    }

    private static List<PlannedResource> personalTable(boolean tagged) {
        List<PlannedResource> stack = new ArrayList<>(List.of(res(GLUE_TABLE, "customers",
                "{'databaseName':'sales','name':'customers','storageDescriptor':{'columns':"
                        + "[{'name':'id','type':'int'},{'name':'contact','type':'string','comment':'E-mail address'}]}}")));
        stack.add(res(LF_RESOURCE_TAG, "pii-default", "{'table':{'databaseName':'sales','name':'customers'},"
                + "'lfTag':{'key':'pii','value':'false'}}"));
        if (tagged) {
            stack.add(res(LF_RESOURCE_TAG, "pii-contact", "{'tableWithColumns':{'databaseName':'sales','name':'customers',"
                    + "'columnNames':['contact']},'lfTag':{'key':'pii','value':'true'}}"));
        }
        return stack;
    }

    /** A table whose column 'ref' looks like nothing personal but its contract classifies PII. */
    private static List<PlannedResource> classifiedTable(boolean tagged) {
        List<PlannedResource> stack = new ArrayList<>(List.of(res(GLUE_TABLE, "customers",
                "{'databaseName':'sales','name':'customers','storageDescriptor':{'columns':[{'name':'id','type':'int'},"
                        + "{'name':'ref','type':'string','comment':'Reference','parameters':{'classification':'PII'}}]}}")));
        if (tagged) {
            stack.add(res(LF_RESOURCE_TAG, "pii-ref", "{'tableWithColumns':{'databaseName':'sales','name':'customers',"
                    + "'columnNames':['ref']},'lfTag':{'key':'pii','value':'true'}}"));
        }
        return stack;
    }

    /** The sales database with customers (contact tagged pii = true) and orders (no PII), plus the given grants. */
    private static List<PlannedResource> piiStack(PlannedResource... grants) {
        List<PlannedResource> stack = new ArrayList<>(personalTable(true));
        stack.add(res(GLUE_TABLE, "orders", "{'databaseName':'sales','name':'orders','storageDescriptor':{'columns':"
                + "[{'name':'id','type':'int'}]}}"));
        stack.add(res(LF_RESOURCE_TAG, "pii-orders", "{'table':{'databaseName':'sales','name':'orders'},"
                + "'lfTag':{'key':'pii','value':'false'}}"));
        stack.addAll(List.of(grants));
        return stack;
    }

    private static PlannedResource namedGrant(String name, String principal, String target) {
        return res(LF_PERMISSIONS, name, "{'principal':'" + principal + "','permissions':['SELECT'],"
                + "'permissionsWithGrantOptions':[]," + target + "}");
    }

    /** Further fixtures for behaviour that a rule's first pair does not reach (several per rule). */
    static Stream<Case> moreCases() {
        String unknownPrincipal = Sentinels.UNKNOWN_STRING;
        return Stream.of(
                // A column its contract classifies PII needs the tag whatever its name says.
                new Case("lf-pii-columns-tagged", CENTRAL_STACK, classifiedTable(true), classifiedTable(false),
                        "columns [ref] look personal or are classified pii"),
                // IAM JSON as IAM reads it: Statement as an object, a numeric Version, a boolean condition value.
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(res(BUCKET_POLICY, "policy", Map.of("bucket", "b", "policy", doc("{'Version':1,'Statement':"
                                + "{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':['arn:aws:s3:::b','arn:aws:s3:::b/*'],"
                                + "'Condition':{'Bool':{'aws:SecureTransport':false}}}}")))),
                        List.of(bucketPolicy("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::b/*',"
                                + "'Condition':{'Null':{'aws:SecureTransport':'false'}}}")),
                        "no Deny statement with condition Bool aws:SecureTransport = false"),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*',"
                                + "'Condition':{'BoolIfExists':{'aws:SecureTransport':['false']}}}")),
                        List.of(res(BUCKET_POLICY, "policy", Map.of("bucket", "b", "policy", "{not json"))),
                        "policy is not a valid IAM policy: "),
                // A TLS Deny narrowed to one principal, one action or part of the bucket leaves plain HTTP open.
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(tlsDeny("'Principal':{'AWS':'*'}", "'Action':'*'", "'Resource':'arn:aws:s3:::b*'"))),
                        List.of(bucketPolicy(tlsDeny("'Principal':{'AWS':'arn:aws:iam::333333333333:root'}", "'Action':'s3:*'",
                                "'Resource':['arn:aws:s3:::b','arn:aws:s3:::b/*']"))),
                        NARROWED),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(tlsDeny("'Principal':'*'", "'Action':['s3:PutObject','s3:*']", "'Resource':'arn:aws:s3:::b'"),
                                tlsDeny("'Principal':'*'", "'Action':'s3:*'", "'Resource':'arn:aws:s3:::*/*'"))),
                        List.of(bucketPolicy(tlsDeny("'Principal':'*'", "'Action':'s3:PutObject'",
                                "'Resource':['arn:aws:s3:::b','arn:aws:s3:::b/*']"))),
                        NARROWED),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy(tlsDeny("'Principal':'*'", "'Action':'s3:*'", "'Resource':'arn:aws:s3:::b'"))),
                        NARROWED),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy(tlsDeny("'Principal':'*'", "'Action':'s3:*'", "'Resource':'arn:aws:s3:::b/*'"))),
                        NARROWED),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy(tlsDeny("'Principal':'*'", "'Action':'s3:*'", "'Resource':'arn:aws:s3:::other/*'"),
                                tlsDeny("'Principal':'*'", "'Action':'s3:*?'", "'Resource':'arn:aws:s3:::b'"))),
                        NARROWED),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy(tlsDeny("'NotPrincipal':{'AWS':'arn:aws:iam::111111111111:root'},'Principal':'*'",
                                "'Action':'s3:*'", "'Resource':['arn:aws:s3:::b','arn:aws:s3:::b/*']"))),
                        NARROWED),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy(tlsDeny("'Principal':'*'", "'Action':'s3:*','NotAction':'s3:GetObject'",
                                "'Resource':['arn:aws:s3:::b','arn:aws:s3:::b/*']"))),
                        NARROWED),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy(tlsDeny("'Principal':'*'", "'Action':'s3:*'",
                                "'Resource':['arn:aws:s3:::b','arn:aws:s3:::b/*'],'NotResource':'arn:aws:s3:::b/public/*'"))),
                        NARROWED),
                new Case("s3-no-wildcard-principal", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY, "{'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::111111111111:root'},"
                                + "'Action':'s3:DeleteBucket','Resource':'arn:aws:s3:::b'}")),
                        List.of(bucketPolicy(TLS_DENY, "{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::111111111111:root'},"
                                + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")),
                        "Allow statement with NotPrincipal [arn:aws:iam::111111111111:root] admits every other principal"),
                new Case("s3-no-wildcard-principal", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(res(BUCKET_POLICY, "policy", Map.of("bucket", "b", "policy",
                                doc("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':7}]}")))),
                        "policy is not a valid IAM policy: Resource must be a string or a list of strings"),
                new Case("kms-no-unconditioned-wildcard-principal", CENTRAL_STACK,
                        List.of(keyPolicy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111111111111:root'},"
                                + "'Action':'kms:*','Resource':'*'}")),
                        List.of(keyPolicy("{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::111111111111:root'},"
                                + "'Action':'kms:Decrypt','Resource':'*'}")),
                        "Allow statement with NotPrincipal [arn:aws:iam::111111111111:root] admits every other principal"),
                new Case("producer-policies-no-consumer-access", PRODUCER_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy(TLS_DENY, "{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::222222222222:root'},"
                                + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")),
                        "NotPrincipal [arn:aws:iam::222222222222:root] admits every other principal, consumer accounts included"),
                new Case("producer-policies-no-consumer-access", PRODUCER_STACK,
                        List.of(keyPolicy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::222222222222:root'},"
                                + "'Action':'kms:*','Resource':'*'}")),
                        List.of(res(KMS_KEY, "key", Map.of("policy", "[]"))),
                        "policy is not a valid IAM policy: not a JSON object"),
                new Case("glue-resource-policy-mesh-only", CENTRAL_STACK,
                        List.of(glueResourcePolicy("{'Effect':'Allow'," + MESH_PRINCIPAL
                                + ",'Condition':{'Bool':{'glue:EvaluatedByLakeFormationTags':true}}}")),
                        List.of(glueResourcePolicy("{'Effect':'Allow'," + MESH_PRINCIPAL
                                + ",'Condition':{'StringNotEquals':{'glue:EvaluatedByLakeFormationTags':'true'}}}")),
                        "lacks condition Bool (or StringEquals) glue:EvaluatedByLakeFormationTags = true"),
                new Case("glue-resource-policy-mesh-only", CENTRAL_STACK,
                        List.of(glueResourcePolicy("{'Effect':'Allow'," + MESH_PRINCIPAL
                                + ",'Condition':{'StringEquals':{'glue:EvaluatedByLakeFormationTags':['true']}}}")),
                        List.of(glueResourcePolicy("{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::333333333333:root'},"
                                + "'Action':'glue:*','Resource':'*','Condition':{'Bool':{'glue:EvaluatedByLakeFormationTags':'true'}}}")),
                        "NotPrincipal [arn:aws:iam::333333333333:root] admits every other principal, including non-mesh accounts"),
                new Case("iam-no-star-star", CENTRAL_STACK,
                        List.of(roleStatement("{'Effect':'Allow','Action':['s3:Get*','glue:*'],'Resource':'*'}"),
                                roleStatement("{'Effect':'Deny','NotAction':'s3:GetObject','Resource':'*'}")),
                        List.of(roleStatement("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}")),
                        "statement with NotAction [iam:*] grants every action on every resource it does not exclude"),
                new Case("iam-no-star-star", CENTRAL_STACK,
                        List.of(rolePolicy("s3:GetObject")),
                        List.of(res(IAM_ROLE, "r", Map.of("name", "r", "inlinePolicies", List.of(Map.of("name", "i", "policy",
                                doc("{'Version':'2012-10-17','Statement':[{'Effect':'Permit','Action':'*','Resource':'*'}]}")))))),
                        "inlinePolicies[0].policy is not a valid IAM policy: Effect must be"),
                new Case("iam-no-service-wildcard-on-all-resources", CENTRAL_STACK,
                        List.of(roleStatement("{'Effect':'Allow','Action':['s3:Get*','s3:*Object','glue:Get?able'],'Resource':'*'}"),
                                roleStatement("{'Effect':'Allow','Action':'s3:*','Resource':['arn:aws:s3:::data','arn:aws:s3:::data/*']}")),
                        List.of(roleStatement("{'Effect':'Allow','Action':'S3:*','Resource':'arn:aws:s3:::*/*'}")),
                        "allows s3:* on resource *"),
                new Case("iam-no-service-wildcard-on-all-resources", CENTRAL_STACK,
                        List.of(roleStatement("{'Effect':'Allow','NotAction':['s3:*','glue:*'],'Resource':'*'}")),
                        List.of(roleStatement("{'Effect':'Allow','Action':'glue*','Resource':'arn:aws:glue:*:*:*'}")),
                        "allows glue:* on resource *"),
                new Case("iam-no-service-wildcard-on-all-resources", CENTRAL_STACK,
                        List.of(roleStatement("{'Effect':'Allow','NotAction':['s3:*','glue:*'],'Resource':'*'}")),
                        List.of(roleStatement("{'Effect':'Allow','NotAction':['s3:DeleteBucket','glue:*'],'Resource':'*'}")),
                        "allows s3:* on resource * (NotAction [s3:DeleteBucket, glue:*] on [*])"),
                // ? is a wildcard too: a trailing run of * and ? holding a * matches every action or resource.
                new Case("iam-no-service-wildcard-on-all-resources", CENTRAL_STACK,
                        List.of(roleStatement("{'Effect':'Allow','Action':['s3:Get?*','s3:???'],'Resource':'*'}"),
                                roleStatement("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::?'}")),
                        List.of(roleStatement("{'Effect':'Allow','Action':'s3:?*','Resource':'*'}")),
                        "allows s3:* on resource * (actions [s3:?*] on [*])"),
                new Case("iam-no-service-wildcard-on-all-resources", CENTRAL_STACK,
                        List.of(roleStatement("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::data?*'}")),
                        List.of(roleStatement("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::?*'}")),
                        "allows s3:* on resource * (actions [s3:*] on [arn:aws:s3:::?*])"),
                new Case("iam-no-star-star", CENTRAL_STACK,
                        List.of(roleStatement("{'Effect':'Allow','Action':'?:*','Resource':'*'}")),
                        List.of(roleStatement("{'Effect':'Allow','Action':'?*:?*','Resource':'*'}")),
                        "statement [?*:?*] on [*] grants full administrator access"),
                // Duplicate keys: Jackson would keep the last Statement and judge the harmless one.
                new Case("iam-no-star-star", CENTRAL_STACK,
                        List.of(rolePolicy("s3:GetObject")),
                        List.of(res(IAM_ROLE_POLICY, "inline", Map.of("role", "r", "policy", doc("{'Statement':"
                                + "[{'Effect':'Allow','Action':'*','Resource':'*'}],'Statement':"
                                + "[{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}")))),
                        "policy is not a valid IAM policy: Duplicate field 'Statement'"),
                // Named grants: checked against the stack's effective PII tags.
                new Case("lf-no-named-grant-reaches-pii", CENTRAL_STACK,
                        piiStack(namedGrant("orders", CONSUMER, "'table':{'databaseName':'sales','name':'orders'}"),
                                namedGrant("id-only", CONSUMER, "'tableWithColumns':{'databaseName':'sales','name':'customers',"
                                        + "'columnNames':['id']}"),
                                namedGrant("excluded", CONSUMER, "'tableWithColumns':{'databaseName':'sales','name':'customers',"
                                        + "'wildcard':true,'excludedColumnNames':['Contact']}"),
                                namedGrant("other-catalog", CONSUMER, "'table':{'catalogId':'999999999999','databaseName':'sales','name':'customers'}")),
                        piiStack(namedGrant("customers", CONSUMER, "'table':{'databaseName':'sales','name':'customers'}")),
                        "named grant of [SELECT] on sales.customers to 333333333333 reaches columns [contact] tagged pii = true"),
                new Case("lf-no-named-grant-reaches-pii", CENTRAL_STACK,
                        piiStack(namedGrant("describe", CONSUMER, "'table':{'databaseName':'sales','name':'customers'},'permissions':['DESCRIBE']")),
                        piiStack(namedGrant("contact", CONSUMER, "'tableWithColumns':{'catalogId':'111111111111','databaseName':'sales',"
                                + "'name':'customers','columnNames':['id','contact']}")),
                        "reaches columns [contact] tagged pii = true"),
                new Case("lf-no-named-grant-reaches-pii", CENTRAL_STACK,
                        List.of(res(LF_RESOURCE_TAG, "db", "{'database':{'name':'hr'},'lfTag':{'key':'pii','value':'true'}}"),
                                namedGrant("other-db", CONSUMER, "'table':{'databaseName':'sales','name':'staff'}")),
                        List.of(res(LF_RESOURCE_TAG, "db", "{'database':{'name':'hr'},'lfTag':{'key':'pii','value':'true'}}"),
                                namedGrant("staff", CONSUMER, "'table':{'databaseName':'hr','name':'staff'}")),
                        "named grant of [SELECT] on hr.staff to 333333333333 reaches a table tagged pii = true"),
                // Columns a grant names exist, declared or not, and inherit their database's PII tag.
                new Case("lf-no-named-grant-reaches-pii", CENTRAL_STACK,
                        List.of(res(LF_RESOURCE_TAG, "db", "{'database':{'name':'hr'},'lfTag':{'key':'pii','value':'false'}}"),
                                namedGrant("ssn", CONSUMER, "'tableWithColumns':{'databaseName':'hr','name':'staff','columnNames':['ssn']}")),
                        List.of(res(LF_RESOURCE_TAG, "db", "{'database':{'name':'hr'},'lfTag':{'key':'pii','value':'true'}}"),
                                namedGrant("ssn", CONSUMER, "'tableWithColumns':{'databaseName':'hr','name':'staff','columnNames':['SSN']}")),
                        "named grant of [SELECT] on hr.staff to 333333333333 reaches columns [ssn] tagged pii = true"),
                // A table wildcard reaches every table of its database declared (or tagged) in the stack.
                new Case("lf-no-named-grant-reaches-pii", CENTRAL_STACK,
                        piiStack(res(GLUE_CRAWLER, "crawler", "{'name':'c','role':'" + CRAWLER_ROLE + "'}"),
                                namedGrant("crawler-tables", CRAWLER_ROLE, "'table':{'databaseName':'sales','wildcard':true}"),
                                namedGrant("describe-all", CONSUMER, "'table':{'databaseName':'sales','wildcard':true},"
                                        + "'permissions':['DESCRIBE']"),
                                namedGrant("other-db", CONSUMER, "'table':{'databaseName':'marketing','wildcard':true}")),
                        piiStack(res(GLUE_CRAWLER, "crawler", "{'name':'c','role':'" + CRAWLER_ROLE + "'}"),
                                namedGrant("analyst-tables", "arn:aws:iam::111111111111:role/analyst",
                                        "'table':{'databaseName':'Sales','wildcard':true}")),
                        "wildcard grant of [SELECT] on Sales.* to arn:aws:iam::111111111111:role/analyst: table customers "
                                + "reaches columns [contact] tagged pii = true"),
                // A crawler that names its role by name; a database tagged PII reaches tables not declared yet.
                new Case("lf-no-named-grant-reaches-pii", CENTRAL_STACK,
                        List.of(res(GLUE_CRAWLER, "crawler", "{'name':'c','role':'crawler'}"),
                                res(LF_RESOURCE_TAG, "db", "{'database':{'name':'hr'},'lfTag':{'key':'pii','value':'true'}}"),
                                namedGrant("crawler-tables", CRAWLER_ROLE, "'table':{'databaseName':'hr','wildcard':true}")),
                        List.of(res(GLUE_CRAWLER, "crawler", "{'name':'c','role':'crawler'}"),
                                res(LF_RESOURCE_TAG, "db", "{'database':{'name':'hr'},'lfTag':{'key':'pii','value':'true'}}"),
                                namedGrant("consumer-tables", CONSUMER, "'table':{'databaseName':'hr','wildcard':true}")),
                        "wildcard grant of [SELECT] on hr.* to 333333333333 reaches a database tagged pii = true"),
                // One unknown principal (a role not created yet) no longer switches the rule off for the others.
                new Case("lf-no-all-or-super-to-non-admins", CENTRAL_STACK,
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                grant(ADMIN, "'database':{'name':'sales'},'permissions':['ALL']")),
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                res(LF_PERMISSIONS, "new-role", "{'principal':'" + unknownPrincipal + "','permissions':['DESCRIBE']}"),
                                res(LF_PERMISSIONS, "g", "{'principal':'arn:aws:iam::111111111111:role/analyst',"
                                        + "'permissions':['ALL'],'database':{'name':'sales'}}")),
                        "role/analyst is not a data lake admin but is granted [ALL]"),
                // Server access logs into another bucket count; a trail of reads only does not.
                new Case("s3-data-bucket-audit-trail", PRODUCER_STACK,
                        List.of(DATA_BUCKET, res(BUCKET_LOGGING, "log", "{'bucket':'b','targetBucket':'logs'}")),
                        List.of(DATA_BUCKET, res(BUCKET_LOGGING, "log", "{'bucket':'b','targetBucket':'b'}"),
                                trail("[{'field':'eventCategory','equals':['Data']},{'field':'resources.type','equals':"
                                        + "['AWS::S3::Object']},{'field':'readOnly','equals':['true']}]")),
                        "data bucket b has no CloudTrail trail recording every data event"),
                // Exactly maximumDays is fine and other buckets are not judged; a rule for one prefix does not count.
                new Case("s3-data-bucket-noncurrent-expiry", PRODUCER_STACK,
                        List.of(DATA_BUCKET, lifecycle("{'id':'old','status':'Enabled','noncurrentVersionExpiration':{'noncurrentDays':365}}"),
                                res(BUCKET, "results", "{'bucket':'r','tags':{'datamesh:purpose':'athena-results'}}")),
                        List.of(DATA_BUCKET, lifecycle("{'id':'old','status':'Enabled','filter':{'prefix':'orders/'},"
                                + "'noncurrentVersionExpiration':{'noncurrentDays':30}}")),
                        "data bucket b has no enabled whole-bucket lifecycle rule with noncurrentVersionExpiration"),
                new Case("s3-lifecycle-abort-incomplete-uploads", PRODUCER_STACK,
                        List.of(lifecycle("{'id':'abort','status':'Enabled','abortIncompleteMultipartUpload':{'daysAfterInitiation':1}}")),
                        List.of(lifecycle("{'id':'abort','status':'Disabled','filter':{'prefix':''},"
                                + "'abortIncompleteMultipartUpload':{'daysAfterInitiation':7}}")),
                        "no enabled whole-bucket rule"),
                // Services and named roles may be trusted; a condition naming every role of the account is no condition.
                new Case("iam-role-trust-named-principals", CENTRAL_STACK,
                        List.of(trustingRole("crawler", "{'Effect':'Allow','Principal':{'Service':'glue.amazonaws.com'},'Action':'sts:AssumeRole'}"),
                                trustingRole("named", "{'Effect':'Allow','Principal':{'AWS':'" + ADMIN + "'},'Action':'sts:AssumeRole'}")),
                        List.of(trustingRole("any", "{'Effect':'Allow','Principal':{'AWS':'111111111111'},'Action':'sts:AssumeRole',"
                                + "'Condition':{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::111111111111:role/*'}}}")),
                        "trusts 111111111111 without an aws:PrincipalArn condition naming roles or users"),
                new Case("iam-statement-list", CENTRAL_STACK,
                        List.of(trustingRole("r", "{'Effect':'Allow','Principal':{'Service':'glue.amazonaws.com'},'Action':'sts:AssumeRole'}")),
                        List.of(res(IAM_ROLE, "r", Map.of("name", "r", "assumeRolePolicy", doc("{'Statement':{'Effect':'Allow',"
                                + "'Principal':{'Service':'glue.amazonaws.com'},'Action':'sts:AssumeRole'}}")))),
                        "assumeRolePolicy has a single Statement object, not a list"),
                // A role path is part of the name; a security configuration without CloudWatch encryption logs to /aws-glue/crawlers.
                new Case("glue-crawler-log-group-declared", CENTRAL_STACK,
                        List.of(res(GLUE_CRAWLER, "c", "{'name':'c','role':'arn:aws:iam::1:role/service-role/x','securityConfiguration':'sc'}"),
                                res(LOG_GROUP, "g", "{'name':'/aws-glue/crawlers-role/service-role/x-sc'}")),
                        List.of(res(GLUE_CRAWLER, "c", "{'name':'c','role':'x','securityConfiguration':'plain'}"),
                                res(GLUE_SECURITY_CONFIGURATION, "plain", "{'name':'plain','encryptionConfiguration':"
                                        + "{'cloudwatchEncryption':{'cloudwatchEncryptionMode':'DISABLED'}}}"),
                                res(LOG_GROUP, "g", "{'name':'/aws-glue/crawlers-role/x-plain'}")),
                        "writes to log group /aws-glue/crawlers, which the stack does not declare"),
                // A whole account, or a service, can never stand behind an admin role.
                new Case("lf-admin-role-assumable-only-by-admins", CENTRAL_STACK,
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                trustingRole("analyst", ROOT_TRUST)),
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                trustingRole("lf-admin", "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111111111111:root',"
                                        + "'Service':'glue.amazonaws.com'},'Action':'sts:AssumeRole'}")),
                        "can be assumed by every principal of arn:aws:iam::111111111111:root that may assume roles"));
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("s3-sse-kms-customer-key", CENTRAL_STACK,
                        List.of(res(BUCKET_ENCRYPTION, "enc", "{'bucket':'b','rules':[{'applyServerSideEncryptionByDefault':"
                                + "{'sseAlgorithm':'aws:kms','kmsMasterKeyId':'arn:aws:kms:eu-west-1:1:key/k'},'bucketKeyEnabled':true}]}")),
                        List.of(res(BUCKET_ENCRYPTION, "enc", "{'bucket':'b','rules':[{'applyServerSideEncryptionByDefault':"
                                + "{'sseAlgorithm':'AES256'}}]}")),
                        "expected aws:kms"),
                new Case("s3-public-access-block-all", CENTRAL_STACK,
                        List.of(res(BUCKET_PUBLIC_ACCESS_BLOCK, "pab", "{'bucket':'b','blockPublicAcls':true,"
                                + "'blockPublicPolicy':true,'ignorePublicAcls':true,'restrictPublicBuckets':true}")),
                        List.of(res(BUCKET_PUBLIC_ACCESS_BLOCK, "pab", "{'bucket':'b','blockPublicAcls':true,"
                                + "'blockPublicPolicy':true,'ignorePublicAcls':true,'restrictPublicBuckets':false}")),
                        "restrictPublicBuckets is not true"),
                new Case("s3-bucket-owner-enforced", CENTRAL_STACK,
                        List.of(res(BUCKET_OWNERSHIP, "own", "{'bucket':'b','rule':{'objectOwnership':'BucketOwnerEnforced'}}")),
                        List.of(res(BUCKET_OWNERSHIP, "own", "{'bucket':'b','rule':{'objectOwnership':'ObjectWriter'}}")),
                        "expected BucketOwnerEnforced"),
                new Case("s3-tls-only-policy", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111111111111:root'},"
                                + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")),
                        "aws:SecureTransport = false"),
                new Case("s3-no-wildcard-principal", CENTRAL_STACK,
                        List.of(bucketPolicy(TLS_DENY)),
                        List.of(bucketPolicy(TLS_DENY, "{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'}")),
                        "principal *"),
                new Case("s3-data-bucket-versioning", CENTRAL_STACK,
                        List.of(res(BUCKET, "data", "{'bucket':'b','tags':{'datamesh:purpose':'data'}}"),
                                res(BUCKET_VERSIONING, "v", "{'bucket':'b','versioningConfiguration':{'status':'Enabled'}}")),
                        List.of(res(BUCKET, "data", "{'bucket':'b','tags':{'datamesh:purpose':'data'}}"),
                                res(BUCKET, "results", "{'bucket':'r','tags':{'datamesh:purpose':'athena-results'}}")),
                        "data bucket b has no BucketVersioningV2"),
                new Case("s3-data-bucket-versioning", CENTRAL_STACK,
                        List.of(res(BUCKET, "audit", "{'bucket':'a','tags':{'datamesh:purpose':'audit-logs'}}"),
                                res(BUCKET_VERSIONING, "v", "{'bucket':'a','versioningConfiguration':{'status':'Enabled'}}")),
                        List.of(res(BUCKET, "audit", "{'bucket':'a','tags':{'datamesh:purpose':'audit-logs'}}"),
                                res(BUCKET_VERSIONING, "v", "{'bucket':'a','versioningConfiguration':{'status':'Suspended'}}")),
                        "audit-log bucket a has no BucketVersioningV2"),
                new Case("s3-bucket-controls-present", CENTRAL_STACK,
                        List.of(res(BUCKET, "data", "{'bucket':'b'}"), res(BUCKET_ENCRYPTION, "e", "{'bucket':'b'}"),
                                res(BUCKET_PUBLIC_ACCESS_BLOCK, "p", "{'bucket':'b'}"), res(BUCKET_OWNERSHIP, "o", "{'bucket':'b'}"),
                                res(BUCKET_POLICY, "bp", "{'bucket':'b'}")),
                        List.of(res(BUCKET, "data", "{'bucket':'b'}"), res(BUCKET_ENCRYPTION, "e", "{'bucket':'b'}")),
                        "bucket b has no bucket policy, ownership controls, public access block"),
                new Case("kms-key-rotation", CENTRAL_STACK,
                        List.of(res(KMS_KEY, "k", "{'enableKeyRotation':true}")),
                        List.of(res(KMS_KEY, "k", "{'enableKeyRotation':false}")),
                        "enableKeyRotation is not true"),
                new Case("kms-no-unconditioned-wildcard-principal", CENTRAL_STACK,
                        List.of(keyPolicy("{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'kms:Decrypt','Resource':'*',"
                                + "'Condition':{'StringEquals':{'kms:CallerAccount':'111111111111'}}}")),
                        List.of(keyPolicy("{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'kms:Decrypt','Resource':'*'}")),
                        "principal * without conditions"),
                new Case("iam-no-star-star", CENTRAL_STACK,
                        List.of(rolePolicy("s3:GetObject")), List.of(rolePolicy("*")), "full administrator access"),
                new Case("iam-no-administrator-access", CENTRAL_STACK,
                        List.of(res(IAM_ROLE_POLICY_ATTACHMENT, "a", "{'role':'r','policyArn':'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'}")),
                        List.of(res(IAM_ROLE, "r", "{'name':'r','managedPolicyArns':['arn:aws:iam::aws:policy/AdministratorAccess']}")),
                        "attaches arn:aws:iam::aws:policy/AdministratorAccess"),
                new Case("iam-no-service-wildcard-on-all-resources", CENTRAL_STACK,
                        List.of(rolePolicy("glue:GetTable")), List.of(rolePolicy("glue:*")), "allows glue:* on resource *"),
                new Case("glue-catalog-encryption", CENTRAL_STACK,
                        List.of(res(GLUE_CATALOG_ENCRYPTION, "c", "{'dataCatalogEncryptionSettings':{'encryptionAtRest':"
                                + "{'catalogEncryptionMode':'SSE-KMS','sseAwsKmsKeyId':'k'},'connectionPasswordEncryption':"
                                + "{'returnConnectionPasswordEncrypted':true,'awsKmsKeyId':'k'}}}")),
                        List.of(res(GLUE_CATALOG_ENCRYPTION, "c", "{'dataCatalogEncryptionSettings':{'encryptionAtRest':"
                                + "{'catalogEncryptionMode':'DISABLED'},'connectionPasswordEncryption':"
                                + "{'returnConnectionPasswordEncrypted':true}}}")),
                        "catalogEncryptionMode is 'DISABLED'"),
                new Case("glue-crawler-security-configuration", CENTRAL_STACK,
                        List.of(res(GLUE_CRAWLER, "c", "{'name':'c','role':'r','securityConfiguration':'sc'}")),
                        List.of(res(GLUE_CRAWLER, "c", "{'name':'c','role':'r'}")),
                        "no securityConfiguration"),
                new Case("athena-workgroup-enforce-configuration", CENTRAL_STACK,
                        List.of(res(ATHENA_WORKGROUP, "w", "{'configuration':{'enforceWorkgroupConfiguration':true}}")),
                        List.of(res(ATHENA_WORKGROUP, "w", "{'configuration':{'enforceWorkgroupConfiguration':false}}")),
                        "enforceWorkgroupConfiguration is not true"),
                new Case("athena-results-kms-encrypted", CENTRAL_STACK,
                        List.of(res(ATHENA_WORKGROUP, "w", "{'configuration':{'resultConfiguration':{'encryptionConfiguration':"
                                + "{'encryptionOption':'SSE_KMS','kmsKeyArn':'arn:aws:kms:eu-west-1:1:key/k'}}}}")),
                        List.of(res(ATHENA_WORKGROUP, "w", "{'configuration':{'resultConfiguration':{'encryptionConfiguration':"
                                + "{'encryptionOption':'SSE_S3'}}}}")),
                        "expected SSE_KMS or CSE_KMS"),
                new Case("athena-bytes-scanned-cutoff", CENTRAL_STACK,
                        List.of(res(ATHENA_WORKGROUP, "w", "{'configuration':{'bytesScannedCutoffPerQuery':10737418240}}")),
                        List.of(res(ATHENA_WORKGROUP, "w", "{'configuration':{}}")),
                        "no bytesScannedCutoffPerQuery"),
                new Case("lf-no-iam-allowed-principals-defaults", CENTRAL_STACK,
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "'],'createDatabaseDefaultPermissions':[],"
                                + "'createTableDefaultPermissions':[]}")),
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "'],'createTableDefaultPermissions':"
                                + "[{'principal':'IAM_ALLOWED_PRINCIPALS','permissions':['ALL']}]}")),
                        "createTableDefaultPermissions grants IAM_ALLOWED_PRINCIPALS"),
                new Case("lf-no-all-or-super-to-non-admins", CENTRAL_STACK,
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                grant(ADMIN, "'database':{'name':'sales'},'permissions':['ALL']")),
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                res(LF_PERMISSIONS, "g", "{'principal':'arn:aws:iam::111111111111:role/analyst',"
                                        + "'permissions':['ALL'],'database':{'name':'sales'}}")),
                        "role/analyst is not a data lake admin but is granted [ALL]"),
                new Case("lf-grant-option-only-to-accounts", CENTRAL_STACK,
                        List.of(res(LF_PERMISSIONS, "g", "{'principal':'333333333333','permissions':['SELECT'],"
                                + "'permissionsWithGrantOptions':['SELECT']," + TAG_POLICY + "}")),
                        List.of(res(LF_PERMISSIONS, "g", "{'principal':'arn:aws:iam::333333333333:role/bi','permissions':['SELECT'],"
                                + "'permissionsWithGrantOptions':['SELECT']," + TAG_POLICY + "}")),
                        "only accounts, organizations and OUs may re-grant"),
                new Case("lf-consumer-grants-use-lf-tags", CENTRAL_STACK,
                        List.of(grant("333333333333", TAG_POLICY)),
                        List.of(grant("333333333333", "'table':{'databaseName':'sales','name':'orders'}")),
                        "account 333333333333 is granted a named table"),
                new Case("lf-tags-only-in-central",
                        CENTRAL_STACK, List.of(res(LF_TAG, "domain", "{'key':'domain','values':['sales']}")),
                        PRODUCER_STACK, List.of(res(LF_TAG, "domain", "{'key':'domain','values':['sales']}")),
                        "LF-tag domain is defined in a producer stack"),
                new Case("lf-required-tags", CENTRAL_STACK,
                        taggedTable(true), taggedTable(false), "table sales.orders: no 'domain' tag"),
                new Case("lf-pii-columns-tagged", CENTRAL_STACK,
                        personalTable(true), personalTable(false), "columns [contact] look personal"),
                new Case("lf-no-grant-admits-pii", CENTRAL_STACK,
                        List.of(grant("333333333333", TAG_POLICY), grant("333333333333", "'lfTagPolicy':"
                                + "{'resourceType':'DATABASE','expressions':[{'key':'domain','values':['sales']}]}")),
                        List.of(grant("333333333333", "'lfTagPolicy':{'resourceType':'TABLE','expressions':"
                                + "[{'key':'domain','values':['sales']}]}")),
                        "has no 'pii' key"),
                new Case("lf-no-named-grant-reaches-pii", CENTRAL_STACK,
                        piiStack(namedGrant("orders", CONSUMER, "'table':{'databaseName':'sales','name':'orders'}"),
                                grant(CONSUMER, TAG_POLICY)),
                        piiStack(namedGrant("sales", CONSUMER, "'table':{'databaseName':'sales','wildcard':true}")),
                        "table customers reaches columns [contact] tagged pii = true"),
                new Case("lf-table-location-registered", CENTRAL_STACK,
                        List.of(res(GLUE_TABLE, "t", "{'databaseName':'sales','name':'t','storageDescriptor':{'location':'s3://data/sales/t/'}}"),
                                res(LF_RESOURCE, "loc", "{'arn':'arn:aws:s3:::data/sales','roleArn':'arn:aws:iam::1:role/lf-reg',"
                                        + "'useServiceLinkedRole':false}")),
                        List.of(res(GLUE_TABLE, "t", "{'databaseName':'sales','name':'t','storageDescriptor':{'location':'s3://data/sales/t/'}}"),
                                res(LF_RESOURCE, "loc", "{'arn':'arn:aws:s3:::data/sal'}")),
                        "is not under a registered Lake Formation location"),
                new Case("glue-resource-policy-mesh-only", CENTRAL_STACK,
                        List.of(res(GLUE_RESOURCE_POLICY, "rp", Map.of("policy", doc("{'Statement':[{'Effect':'Allow',"
                                + "'Principal':{'AWS':['arn:aws:iam::333333333333:root','222222222222']},'Action':'glue:*',"
                                + "'Resource':'*','Condition':{'Bool':{'glue:EvaluatedByLakeFormationTags':'true'}}},"
                                + "{'Effect':'Allow','Principal':{'Service':'ram.amazonaws.com'},'Action':'glue:ShareResource','Resource':'*'}]}")))),
                        List.of(res(GLUE_RESOURCE_POLICY, "rp", Map.of("policy", doc("{'Statement':[{'Effect':'Allow',"
                                + "'Principal':{'AWS':'arn:aws:iam::999999999999:root'},'Action':'glue:*','Resource':'*'}]}")))),
                        "principal arn:aws:iam::999999999999:root is not a mesh account"),
                new Case("producer-policies-no-consumer-access", PRODUCER_STACK,
                        List.of(bucketPolicy(TLS_DENY, "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111111111111:role/crawler'},"
                                + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")),
                        List.of(keyPolicy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::333333333333:root'},"
                                + "'Action':'kms:Decrypt','Resource':'*'}")),
                        "allows consumer account 333333333333"),
                new Case("lf-crawler-role-not-admin", CENTRAL_STACK,
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                res(GLUE_CRAWLER, "c", "{'name':'c','role':'arn:aws:iam::111111111111:role/crawler'}")),
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                res(GLUE_CRAWLER, "c", "{'name':'c','role':'lf-admin'}")),
                        "crawler role lf-admin is a data lake admin"),
                new Case("glue-resource-policy-mesh-only", CENTRAL_STACK,
                        List.of(glueResourcePolicy("{'Effect':'Allow'," + MESH_PRINCIPAL
                                + ",'Condition':{'Bool':{'glue:EvaluatedByLakeFormationTags':'true'}}}")),
                        List.of(res(GLUE_RESOURCE_POLICY, "rp", Map.of("policy", doc("{'Statement':[{'Effect':'Allow',"
                                + MESH_PRINCIPAL + ",'Condition':{'Bool':{'glue:EvaluatedByLakeFormationTags':'true'}}}]}")))),
                        "no statement allows ram.amazonaws.com glue:ShareResource"),
                new Case("lf-catalog-after-settings", CENTRAL_STACK,
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                withOptions(res(GLUE_DATABASE, "db", "{'name':'sales'}"),
                                        List.of("urn:pulumi:test::datamesh::" + LF_SETTINGS + "::s"), false),
                                withOptions(res(GLUE_TABLE, "t", "{'databaseName':'sales','name':'t'}"),
                                        List.of("urn:pulumi:test::datamesh::" + GLUE_DATABASE + "::db"), false)),
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "']}"),
                                res(GLUE_DATABASE, "db", "{'name':'sales'}"),
                                withOptions(res(GLUE_TABLE, "t", "{'databaseName':'sales','name':'t'}"),
                                        List.of("urn:pulumi:test::datamesh::" + GLUE_DATABASE + "::db"), false)),
                        "db can be created before the Lake Formation settings write"),
                new Case("lf-replace-delete-first", CENTRAL_STACK,
                        List.of(withOptions(grant(ADMIN, "'database':{'name':'sales'},'permissions':['DESCRIBE']"), List.of(), true),
                                withOptions(res(LF_RESOURCE_TAG, "tag", "{'lfTag':{'key':'domain','value':'sales'},"
                                        + "'database':{'name':'sales'}}"), List.of(), true)),
                        List.of(withOptions(grant(ADMIN, "'database':{'name':'sales'},'permissions':['DESCRIBE']"), List.of(), true),
                                res(LF_RESOURCE_TAG, "tag", "{'lfTag':{'key':'domain','value':'sales'},'database':{'name':'sales'}}")),
                        "tag is replaced create-then-delete"),
                new Case("s3-data-bucket-audit-trail", PRODUCER_STACK,
                        List.of(DATA_BUCKET, trail("[{'field':'eventCategory','equals':['Data']},"
                                + "{'field':'resources.type','equals':['AWS::S3::Object']},"
                                + "{'field':'resources.ARN','startsWiths':['arn:aws:s3:::b/']}]")),
                        List.of(DATA_BUCKET, trail("[{'field':'eventCategory','equals':['Data']},"
                                + "{'field':'resources.type','equals':['AWS::S3::Object']},"
                                + "{'field':'resources.ARN','startsWiths':['arn:aws:s3:::other/']}]")),
                        "data bucket b has no CloudTrail trail recording every data event"),
                new Case("s3-data-bucket-noncurrent-expiry", PRODUCER_STACK,
                        List.of(DATA_BUCKET, lifecycle("{'id':'old','status':'Enabled','filter':{'prefix':''},"
                                + "'noncurrentVersionExpiration':{'noncurrentDays':30}}")),
                        List.of(DATA_BUCKET, lifecycle("{'id':'old','status':'Enabled','filter':{'prefix':''},"
                                + "'noncurrentVersionExpiration':{'noncurrentDays':3650}}")),
                        "keeps noncurrent versions 3650 days, more than maximumDays 365"),
                new Case("s3-lifecycle-abort-incomplete-uploads", PRODUCER_STACK,
                        List.of(lifecycle("{'id':'abort','status':'Enabled','filter':{},"
                                + "'abortIncompleteMultipartUpload':{'daysAfterInitiation':7}}")),
                        List.of(lifecycle("{'id':'abort','status':'Enabled','filter':{'prefix':'tmp/'},"
                                + "'abortIncompleteMultipartUpload':{'daysAfterInitiation':7}}")),
                        "no enabled whole-bucket rule with abortIncompleteMultipartUpload"),
                new Case("cloudtrail-trail-integrity", PRODUCER_STACK,
                        List.of(res(CLOUDTRAIL_TRAIL, "t", "{'kmsKeyId':'arn:aws:kms:eu-west-1:1:key/k','enableLogFileValidation':true}")),
                        List.of(res(CLOUDTRAIL_TRAIL, "t", "{'enableLogFileValidation':true}")),
                        "no kmsKeyId"),
                new Case("iam-role-trust-named-principals", CENTRAL_STACK,
                        List.of(trustingRole("lf-admin", rootTrust(ADMIN))),
                        List.of(trustingRole("lf-admin", ROOT_TRUST)),
                        "trusts arn:aws:iam::111111111111:root without an aws:PrincipalArn condition"),
                new Case("iam-statement-list", CENTRAL_STACK,
                        List.of(rolePolicy("s3:GetObject")),
                        List.of(res(IAM_ROLE_POLICY, "inline", Map.of("role", "r", "policy",
                                doc("{'Statement':{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}}")))),
                        "policy has a single Statement object, not a list"),
                new Case("cloudwatch-log-group-retention-kms", CENTRAL_STACK,
                        List.of(res(LOG_GROUP, "g", "{'name':'g','retentionInDays':365,'kmsKeyId':'arn:aws:kms:eu-west-1:1:key/k'}")),
                        List.of(res(LOG_GROUP, "g", "{'name':'g','kmsKeyId':'arn:aws:kms:eu-west-1:1:key/k'}")),
                        "retentionInDays is not set"),
                new Case("glue-crawler-log-group-declared", CENTRAL_STACK,
                        List.of(res(GLUE_CRAWLER, "c", "{'name':'c','role':'" + CRAWLER_ROLE + "','securityConfiguration':'sc'}"),
                                res(LOG_GROUP, "g", "{'name':'/aws-glue/crawlers-role/crawler-sc'}")),
                        List.of(res(GLUE_CRAWLER, "c", "{'name':'c','role':'" + CRAWLER_ROLE + "','securityConfiguration':'sc'}"),
                                res(LOG_GROUP, "g", "{'name':'/aws-glue/crawlers'}")),
                        "writes to log group /aws-glue/crawlers-role/crawler-sc, which the stack does not declare"),
                new Case("data-product-declares-quality-rules", CENTRAL_STACK,
                        List.of(res(GLUE_TABLE, "orders", "{'databaseName':'sales','name':'orders'}"),
                                res(GLUE_DATA_QUALITY_RULESET, "orders-quality", "{'name':'q','ruleset':'Rules = [ RowCount > 0 ]',"
                                        + "'targetTable':{'catalogId':'111111111111','databaseName':'sales','tableName':'orders'}}")),
                        List.of(res(GLUE_TABLE, "orders", "{'databaseName':'sales','name':'orders'}"),
                                res(GLUE_DATA_QUALITY_RULESET, "returns-quality", "{'name':'q','ruleset':'Rules = [ RowCount > 0 ]',"
                                        + "'targetTable':{'catalogId':'111111111111','databaseName':'sales','tableName':'returns'}}")),
                        "table sales.orders has no quality rules"),
                new Case("lf-admin-role-assumable-only-by-admins", CENTRAL_STACK,
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "','" + DEPLOYER + "']}"),
                                trustingRole("lf-admin", rootTrust(DEPLOYER))),
                        List.of(res(LF_SETTINGS, "s", "{'admins':['" + ADMIN + "','" + DEPLOYER + "']}"),
                                trustingRole("lf-admin", rootTrust("arn:aws:iam::111111111111:role/analyst"))),
                        "can be assumed by arn:aws:iam::111111111111:role/analyst, which is not a Lake Formation admin"));
    }

    static Stream<Case> allCases() {
        return Stream.concat(cases(), moreCases());
    }

    private static Rule rule(String name) {
        return PolicyPacks.all().stream().flatMap(p -> p.rules().stream())
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} passes its compliant fixture")
    @MethodSource("allCases")
    void compliantFixturePasses(Case c) {
        assertEquals(List.of(), run(rule(c.rule()), c.compliantContext(), c.compliant()));
    }

    @ParameterizedTest(name = "{0} flags its non-compliant fixture")
    @MethodSource("allCases")
    void nonCompliantFixtureFails(Case c) {
        List<PolicyFinding> findings = run(rule(c.rule()), c.nonCompliantContext(), c.nonCompliant());
        assertFalse(findings.isEmpty(), "no finding");
        assertTrue(findings.stream().anyMatch(f -> f.message().contains(c.expected())), findings.toString());
    }

    /** Under pulumi up stack rules run after registration: a tag-expression grant must be judged before it is made. */
    @Test
    void tagExpressionsAreJudgedByAResourceRuleAndNamedGrantsByAStackRule() {
        assertTrue(rule("lf-no-grant-admits-pii") instanceof ResourceRule);
        assertTrue(rule("lf-no-named-grant-reaches-pii") instanceof StackRule);
        // Each judges only its kind of grant.
        List<PlannedResource> named = piiStack(namedGrant("customers", CONSUMER, "'table':{'databaseName':'sales','name':'customers'}"));
        assertEquals(List.of(), run(rule("lf-no-grant-admits-pii"), CENTRAL_STACK, named));
        List<PlannedResource> expression = List.of(grant(CONSUMER, "'lfTagPolicy':{'resourceType':'TABLE','expressions':"
                + "[{'key':'domain','values':['sales']}]}"));
        assertEquals(List.of(), run(rule("lf-no-named-grant-reaches-pii"), CENTRAL_STACK, expression));
    }

    @Test
    void everyShippedRuleHasFixtures() {
        Set<String> shipped = PolicyPacks.all().stream().flatMap(p -> p.rules().stream()).map(Rule::name)
                .collect(Collectors.toSet());
        assertEquals(shipped, cases().map(Case::rule).collect(Collectors.toSet()));
    }
}
