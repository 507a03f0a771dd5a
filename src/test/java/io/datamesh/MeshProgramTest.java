package io.datamesh;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamesh.plan.LakeFormationWrites;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.datamesh.plan.SampleMesh.json;
import static io.datamesh.plan.SampleMesh.map;
import static io.datamesh.plan.SampleMesh.named;
import static io.datamesh.plan.SampleMesh.stack;
import static org.assertj.core.api.Assertions.assertThat;

/** What the sample stacks would send to AWS, asserted on the inputs of one shared offline plan. */
@SuppressWarnings("unchecked")
class MeshProgramTest {
    private static final String CENTRAL = "111111111111";
    private static final String PRODUCER = "222222222222";
    private static final String CONSUMER = "333333333333";
    private static final String PERMISSIONS = "aws:lakeformation/permissions:Permissions";
    private static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";

    @Nested
    class Producer {
        private final StackPlan producer = stack("producer");

        @Test
        void bucketAndKeyPoliciesLetInOnlyTheCentralRolesThroughTheCentralRoot() {
            JsonNode bucketPolicy = json(named(producer, "aws:s3/bucketPolicy:BucketPolicy", "sales-data-policy").inputs().get("policy"));
            JsonNode keyPolicy = json(named(producer, "aws:kms/key:Key", "sales-data-key").inputs().get("policy"));
            for (JsonNode policy : List.of(bucketPolicy, keyPolicy)) {
                List<String> allowed = allowPrincipals(policy);
                assertThat(allowed).allMatch(p -> p.equals("arn:aws:iam::" + CENTRAL + ":root")
                        || p.equals("arn:aws:iam::" + PRODUCER + ":root"));
                assertThat(policy.toString()).doesNotContain(CONSUMER);
            }
            JsonNode read = statement(bucketPolicy, "CentralLakeFormationRolesReadProducts");
            assertThat(texts(read.at("/Condition/ArnEquals/aws:PrincipalArn"))).containsExactlyInAnyOrder(
                    "arn:aws:iam::" + CENTRAL + ":role/datamesh-crawler",
                    "arn:aws:iam::" + CENTRAL + ":role/datamesh-lf-registration");
            assertThat(texts(read.get("Resource"))).containsExactlyInAnyOrder(
                    "arn:aws:s3:::datamesh-sales-data-222222222222-eu-west-1/orders/*",
                    "arn:aws:s3:::datamesh-sales-data-222222222222-eu-west-1/customers/*");
            assertThat(statement(bucketPolicy, "DenyInsecureTransport").at("/Condition/Bool/aws:SecureTransport").asText())
                    .isEqualTo("false");
        }

        @Test
        void dataBucketIsEncryptedBlockedOwnedVersionedAndRetained() {
            var encryption = named(producer, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    "sales-data-encryption").inputs();
            var rule = map(((List<Object>) encryption.get("rules")).get(0));
            assertThat(map(rule.get("applyServerSideEncryptionByDefault"))).containsEntry("sseAlgorithm", "aws:kms");
            assertThat(rule).containsEntry("bucketKeyEnabled", true);
            assertThat(named(producer, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "sales-data-public-access").inputs())
                    .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                    .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
            assertThat(map(named(producer, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "sales-data-ownership")
                    .inputs().get("rule"))).containsEntry("objectOwnership", "BucketOwnerEnforced");
            assertThat(named(producer, "aws:kms/key:Key", "sales-data-key").inputs()).containsEntry("enableKeyRotation", true);
            assertThat(named(producer, "aws:s3/bucketV2:BucketV2", "sales-data").inputs()).containsEntry("forceDestroy", false);
            assertThat(producer.retainedOnDelete()).anyMatch(u -> u.endsWith("::sales-data"))
                    .anyMatch(u -> u.endsWith("::sales-data-key"))
                    .anyMatch(u -> u.endsWith("::sales-data-public-access"))
                    .anyMatch(u -> u.endsWith("::sales-sample-orders-orders.csv"));
        }

        @Test
        void oldVersionsExpireAfterThirtyDaysAndEveryLifecycleAbortsIncompleteUploads() {
            var rules = (List<Object>) named(producer, LIFECYCLE, "sales-data-lifecycle").inputs().get("rules");
            assertThat(rules).extracting(r -> map(r).get("noncurrentVersionExpiration")).contains(Map.of("noncurrentDays", 30.0));
            assertThat(producer.ofType(LIFECYCLE)).hasSize(3).allSatisfy(l -> assertThat((List<Object>) l.inputs().get("rules"))
                    .extracting(r -> map(r).get("abortIncompleteMultipartUpload")).contains(Map.of("daysAfterInitiation", 7.0)));
            assertThat(producer.retainedOnDelete()).anyMatch(u -> u.endsWith("::sales-data-lifecycle"));
        }

        @Test
        void everyObjectReadAndWriteGoesToALockedLogBucketThatOutlivesTheStack() {
            var trail = named(producer, "aws:cloudtrail/trail:Trail", "sales-audit");
            String logBucket = "datamesh-sales-audit-222222222222-eu-west-1";
            assertThat(trail.inputs()).containsEntry("s3BucketName", logBucket).containsEntry("enableLogFileValidation", true);
            assertThat(trail.inputs().get("kmsKeyId")).as("the log key, not the data key")
                    .isEqualTo(bucketKey("sales-audit-logs-encryption")).isNotEqualTo(bucketKey("sales-data-encryption"));
            var selector = map(((List<Object>) trail.inputs().get("advancedEventSelectors")).get(0));
            assertThat((List<Object>) selector.get("fieldSelectors")).containsExactlyInAnyOrder(
                    Map.of("field", "eventCategory", "equals", List.of("Data")),
                    Map.of("field", "resources.type", "equals", List.of("AWS::S3::Object")),
                    Map.of("field", "resources.ARN", "startsWiths", List.of("arn:aws:s3:::datamesh-sales-data-222222222222-eu-west-1/")));
            String policyUrn = named(producer, "aws:s3/bucketPolicy:BucketPolicy", "sales-audit-logs-policy").urn();
            assertThat(producer.dependsOn().get(trail.urn())).as("CloudTrail checks the bucket policy on creation").contains(policyUrn);

            JsonNode policy = json(named(producer, "aws:s3/bucketPolicy:BucketPolicy", "sales-audit-logs-policy").inputs().get("policy"));
            String trailArn = "arn:aws:cloudtrail:eu-west-1:" + PRODUCER + ":trail/datamesh-sales-data-events";
            assertThat(statement(policy, "TrailWritesLogs").at("/Condition/StringEquals/aws:SourceArn").asText()).isEqualTo(trailArn);
            JsonNode onlyTrail = statement(policy, "OnlyTheTrailWrites");
            assertThat(onlyTrail.get("Effect").asText()).isEqualTo("Deny");
            assertThat(onlyTrail.at("/Condition/StringNotEquals/aws:SourceArn").asText()).isEqualTo(trailArn);
            assertThat(texts(statement(policy, "NobodyDeletesLogs").get("Action")))
                    .containsExactlyInAnyOrder("s3:DeleteObject", "s3:DeleteObjectVersion");
            assertThat(allowPrincipals(policy)).as("nobody reads logs through the bucket policy").isEmpty();
            var logExpiry = (List<Object>) named(producer, LIFECYCLE, "sales-audit-logs-lifecycle").inputs().get("rules");
            assertThat(logExpiry).extracting(r -> map(r).get("expiration")).contains(Map.of("days", 365.0));
            assertThat(producer.retainedOnDelete()).anyMatch(u -> u.endsWith("::sales-audit"))
                    .anyMatch(u -> u.endsWith("::sales-audit-logs")).anyMatch(u -> u.endsWith("::sales-audit-key"));
        }

        /** checkov CKV_AWS_21: a log overwritten or deleted once the Deny is lifted must still be there to read. */
        @Test
        void theLogBucketKeepsEveryVersionAsLongAsALogAndDestroyKeepsTheVersioning() {
            String logBucket = "datamesh-sales-audit-222222222222-eu-west-1";
            var versioning = named(producer, "aws:s3/bucketVersioningV2:BucketVersioningV2", "sales-audit-logs-versioning");
            assertThat(versioning.inputs()).containsEntry("bucket", logBucket)
                    .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
            var rules = (List<Object>) named(producer, LIFECYCLE, "sales-audit-logs-lifecycle").inputs().get("rules");
            assertThat(rules).extracting(r -> map(r).get("noncurrentVersionExpiration"))
                    .as("noncurrent versions go after retentionDays, as current logs do")
                    .contains(Map.of("noncurrentDays", 365.0));
            assertThat(rules).extracting(r -> map(r).get("expiration")).contains(Map.of("days", 365.0));
            JsonNode policy = json(named(producer, "aws:s3/bucketPolicy:BucketPolicy", "sales-audit-logs-policy").inputs().get("policy"));
            assertThat(statement(policy, "NobodyDeletesLogs").get("Effect").asText()).isEqualTo("Deny");
            assertThat(producer.retainedOnDelete()).anyMatch(u -> u.endsWith("::sales-audit-logs-versioning"))
                    .anyMatch(u -> u.endsWith("::sales-audit-logs-lifecycle"));
        }

        private Object bucketKey(String encryption) {
            var rules = (List<Object>) named(producer, "aws:s3/bucketServerSideEncryptionConfigurationV2:"
                    + "BucketServerSideEncryptionConfigurationV2", encryption).inputs().get("rules");
            return map(map(rules.get(0)).get("applyServerSideEncryptionByDefault")).get("kmsMasterKeyId");
        }

        @Test
        void sampleDataLandsUnderOneKmsEncryptedPrefixPerProduct() {
            var objects = producer.ofType("aws:s3/bucketObjectv2:BucketObjectv2");
            assertThat(objects).extracting(o -> o.inputs().get("key")).containsExactlyInAnyOrder("orders/orders.csv",
                    "customers/customers.csv");
            assertThat(objects).allMatch(o -> "aws:kms".equals(o.inputs().get("serverSideEncryption")));
        }

        @Test
        void exportsItsContractsForTheCentralStack() {
            var export = map(producer.outputs().get("producer"));
            assertThat(export).containsEntry("domain", "sales").containsEntry("accountId", PRODUCER);
            assertThat(((List<Object>) export.get("dataProducts"))).hasSize(2);
            assertThat(String.valueOf(export.get("kmsKeyArn"))).startsWith("arn:aws:kms:eu-west-1:" + PRODUCER + ":key/");
        }

        @Test
        void secondRunLinksItsOwnDatabaseAndRegrantsToItsEngineer() {
            var link = named(producer, "aws:glue/catalogDatabase:CatalogDatabase", "sales-access-link-sales").inputs();
            assertThat(map(link.get("targetDatabase"))).containsEntry("catalogId", CENTRAL).containsEntry("databaseName", "sales");
            assertThat(producer.ofType(PERMISSIONS)).extracting(r -> r.inputs().get("principal"))
                    .containsOnly("arn:aws:iam::" + PRODUCER + ":role/datamesh-sales-engineer");
        }
    }

    @Nested
    class Central {
        private final StackPlan central = stack("central");

        @Test
        void lakeSettingsKeepExistingAdminsEmptyDefaultsPinVersionAndSurviveDestroy() {
            var settings = named(central, "aws:lakeformation/dataLakeSettings:DataLakeSettings", "central-lake-settings").inputs();
            assertThat((List<Object>) settings.get("admins")).containsExactlyInAnyOrder(
                    "arn:aws:iam::" + CENTRAL + ":role/PlatformAdmin",
                    "arn:aws:iam::" + CENTRAL + ":role/datamesh-deployer",
                    "arn:aws:iam::" + CENTRAL + ":role/datamesh-lake-admin");
            assertThat((List<Object>) settings.getOrDefault("createDatabaseDefaultPermissions", List.of())).isEmpty();
            assertThat((List<Object>) settings.getOrDefault("createTableDefaultPermissions", List.of())).isEmpty();
            assertThat(map(settings.get("parameters"))).containsEntry("CROSS_ACCOUNT_VERSION", "4");
            assertThat(central.retainedOnDelete()).anyMatch(u -> u.endsWith("::central-lake-settings"));
            String settingsUrn = named(central, "aws:lakeformation/dataLakeSettings:DataLakeSettings", "central-lake-settings").urn();
            assertThat(central.dependsOn().get(settingsUrn)).as("an admin must exist before it is named")
                    .contains(named(central, "aws:iam/role:Role", "central-lake-admin").urn());
            assertThat(central.warnings()).anyMatch(w -> w.contains("raises the Lake Formation cross-account version from 1 to 4"));
        }

        @Test
        void crawlerRoleReadsOnlyRegisteredPrefixesProducerKeysAndDeclaredTables() {
            JsonNode policy = json(named(central, "aws:iam/rolePolicy:RolePolicy", "central-crawler-data").inputs().get("policy"));
            List<String> actions = new ArrayList<>();
            statements(policy).forEach(s -> actions.addAll(texts(s.get("Action"))));
            assertThat(actions).noneMatch(a -> a.endsWith(":*"))
                    .contains("lakeformation:GetDataAccess", "s3:GetObject", "kms:Decrypt", "glue:BatchCreatePartition")
                    .doesNotContain("glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable");
            assertThat(texts(statement(policy, "ReadDeclaredTablesAddPartitions").get("Resource"))).containsExactlyInAnyOrder(
                    "arn:aws:glue:eu-west-1:" + CENTRAL + ":catalog",
                    "arn:aws:glue:eu-west-1:" + CENTRAL + ":database/sales",
                    "arn:aws:glue:eu-west-1:" + CENTRAL + ":table/sales/*");
            assertThat(statement(policy, "LocateBuckets").get("Condition")).isNull();
            assertThat(texts(statement(policy, "ReadRegisteredPrefixes").get("Resource"))).containsExactlyInAnyOrder(
                    "arn:aws:s3:::datamesh-sales-data-222222222222-eu-west-1/orders/*",
                    "arn:aws:s3:::datamesh-sales-data-222222222222-eu-west-1/customers/*");
            assertThat(texts(statement(policy, "DecryptProducerData").get("Resource")))
                    .singleElement().asString().startsWith("arn:aws:kms:eu-west-1:" + PRODUCER + ":key/");
            var role = named(central, "aws:iam/role:Role", "central-crawler").inputs();
            assertThat(statements(json(role.get("assumeRolePolicy"))).get(0).at("/Principal/Service").asText()).isEqualTo("glue.amazonaws.com");
            assertThat((List<Object>) role.getOrDefault("managedPolicyArns", List.of()))
                    .as("AWSGlueServiceRole would allow glue:* on every resource").isEmpty();
        }

        @Test
        void lakeAdminRoleIsAssumableOnlyByTheConfiguredAdmins() {
            JsonNode trust = json(named(central, "aws:iam/role:Role", "central-lake-admin").inputs().get("assumeRolePolicy"));
            JsonNode statement = statements(trust).get(0);
            assertThat(statements(trust)).hasSize(1);
            assertThat(statement.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::" + CENTRAL + ":root");
            assertThat(texts(statement.at("/Condition/ArnLike/aws:PrincipalArn")))
                    .containsExactly("arn:aws:iam::" + CENTRAL + ":role/datamesh-deployer");
        }

        @Test
        void crawlerLogGroupIsRetainedEncryptedAndInPlaceBeforeAnyCrawler() {
            var group = named(central, "aws:cloudwatch/logGroup:LogGroup", "central-crawler-logs");
            assertThat(group.inputs()).containsEntry("name", "/aws-glue/crawlers-role/datamesh-crawler-datamesh-crawler")
                    .containsEntry("retentionInDays", 365.0);
            var securityConfiguration = map(map(named(central, "aws:glue/securityConfiguration:SecurityConfiguration",
                    "central-crawler-security").inputs().get("encryptionConfiguration")).get("cloudwatchEncryption"));
            assertThat(group.inputs().get("kmsKeyId")).isEqualTo(securityConfiguration.get("kmsKeyArn"));
            assertThat(central.ofType("aws:glue/crawler:Crawler")).hasSize(2)
                    .allSatisfy(c -> assertThat(central.dependsOn().get(c.urn())).contains(group.urn()));
            JsonNode policy = json(named(central, "aws:iam/rolePolicy:RolePolicy", "central-crawler-data").inputs().get("policy"));
            JsonNode logs = statement(policy, "CrawlerLogs");
            assertThat(texts(logs.get("Action"))).doesNotContain("logs:CreateLogGroup");
            String arn = "arn:aws:logs:eu-west-1:" + CENTRAL + ":log-group:/aws-glue/crawlers-role/datamesh-crawler-datamesh-crawler";
            assertThat(texts(logs.get("Resource"))).containsExactlyInAnyOrder(arn, arn + ":*");
        }

        @Test
        void locationIsRegisteredWithTheCustomerManagedRole() {
            var location = named(central, "aws:lakeformation/resource:Resource", "central-sales-location").inputs();
            assertThat(location).containsEntry("arn", "arn:aws:s3:::datamesh-sales-data-222222222222-eu-west-1")
                    .containsEntry("roleArn", "arn:aws:iam::" + CENTRAL + ":role/datamesh-lf-registration")
                    .containsEntry("useServiceLinkedRole", false);
        }

        @Test
        void declaredTablesFollowTheContractAndTheCrawlerNeverOverwritesThem() {
            var customers = named(central, "aws:glue/catalogTable:CatalogTable", "central-sales-customers").inputs();
            var descriptor = map(customers.get("storageDescriptor"));
            assertThat(descriptor).containsEntry("location", "s3://datamesh-sales-data-222222222222-eu-west-1/customers/");
            assertThat((List<Object>) descriptor.get("columns")).hasSize(7);
            assertThat(central.ofType("aws:glue/crawler:Crawler")).hasSize(2);
            var crawler = named(central, "aws:glue/crawler:Crawler", "central-sales-customers-crawler").inputs();
            assertThat(map(crawler.get("schemaChangePolicy"))).containsEntry("updateBehavior", "LOG").containsEntry("deleteBehavior", "LOG");
            assertThat(crawler).containsEntry("securityConfiguration", "datamesh-crawler").doesNotContainKey("s3Targets");
            assertThat((List<Object>) crawler.get("catalogTargets"))
                    .as("the declared table only, and one target of one table: the limit with Lake Formation credentials")
                    .containsExactly(Map.of("databaseName", "sales", "tables", List.of("customers")));
            var databaseGrant = named(central, PERMISSIONS, "central-sales-crawler-database").inputs();
            assertThat((List<Object>) databaseGrant.get("permissions")).containsExactly("DESCRIBE");
        }

        @Test
        void tagsAreAssignedToDatabaseTablesAndOverridingColumns() {
            var tags = central.ofType("aws:lakeformation/resourceLfTag:ResourceLfTag");
            assertThat(tags).extracting(PlannedResource::name).containsExactlyInAnyOrder(
                    "central-sales-database-tag-domain", "central-sales-database-tag-classification",
                    "central-sales-database-tag-pii", "central-sales-customers-tag-classification",
                    "central-sales-customers-columns-pii-true");
            var piiColumns = named(central, "aws:lakeformation/resourceLfTag:ResourceLfTag", "central-sales-customers-columns-pii-true").inputs();
            assertThat((List<Object>) map(piiColumns.get("tableWithColumns")).get("columnNames")).containsExactly("full_name", "email", "phone");
            assertThat(map(piiColumns.get("lfTag"))).containsEntry("key", "pii").containsEntry("value", "true");
            assertThat(central.ofType("aws:lakeformation/lfTag:LfTag")).extracting(r -> r.inputs().get("key"))
                    .containsExactly("domain", "classification", "pii");
        }

        @Test
        void queryRolesAreGrantedDirectlyByTagExpressionsWithoutGrantOption() {
            var grant = named(central, PERMISSIONS, "central-grant-marketing-sales-non-pii-analyst").inputs();
            assertThat(grant).containsEntry("principal", "arn:aws:iam::" + CONSUMER + ":role/datamesh-marketing-analyst")
                    .containsEntry("catalogId", CENTRAL).doesNotContainKey("permissionsWithGrantOptions");
            assertThat((List<Object>) grant.get("permissions")).containsExactly("SELECT", "DESCRIBE");
            var policy = map(grant.get("lfTagPolicy"));
            assertThat(policy).containsEntry("resourceType", "TABLE").containsEntry("catalogId", CENTRAL);
            assertThat((List<Object>) policy.get("expressions")).containsExactly(
                    Map.of("key", "domain", "values", List.of("sales")), Map.of("key", "pii", "values", List.of("false")));
            assertThat(central.ofType(PERMISSIONS)).extracting(r -> (String) r.inputs().get("principal"))
                    .as("no account-level grant: nothing for a receiving account to re-grant")
                    .noneMatch(p -> p.matches("\\d{12}"));

            assertThat(central.resources().stream().filter(r -> r.type().equals(PERMISSIONS)
                    || r.type().equals("aws:lakeformation/resourceLfTag:ResourceLfTag")))
                    .as("a replacement must not revoke what it has just granted")
                    .allMatch(r -> r.options().deleteBeforeReplace());
        }

        @Test
        void lakeFormationWritesRunInOneLanePerDatabaseAndOnePerQueryRole() {
            String settings = named(central, "aws:lakeformation/dataLakeSettings:DataLakeSettings", "central-lake-settings").urn();
            var salesNames = java.util.Set.of("central-sales-database-tag-domain", "central-sales-database-tag-classification",
                    "central-sales-database-tag-pii", "central-sales-location", "central-sales-customers-tag-classification",
                    "central-sales-customers-columns-pii-true", "central-sales-crawler-location",
                    "central-sales-crawler-database", "central-sales-crawler-tables");
            var salesLane = central.resources().stream().filter(r -> salesNames.contains(r.name())).toList();
            assertThat(salesLane).hasSize(salesNames.size());
            String previous = settings;
            for (PlannedResource write : salesLane) {
                assertThat(write.options().dependsOn()).as("%s waits for the write before it in the sales lane", write.name())
                        .contains(previous);
                assertThat(write.options().deleteBeforeReplace()).as(write.name()).isTrue();
                previous = write.urn();
            }
            var analystGrants = central.ofType(PERMISSIONS).stream()
                    .filter(r -> r.name().startsWith("central-grant-") && r.name().endsWith("-analyst")).toList();
            assertThat(analystGrants).hasSize(2);
            assertThat(analystGrants.get(0).options().dependsOn()).as("a query role's lane starts at the settings write")
                    .contains(settings).doesNotContain(previous);
            assertThat(analystGrants.get(1).options().dependsOn()).contains(analystGrants.get(0).urn());
            assertThat(LakeFormationWrites.lanes(central)).as("sales, the engineer, the analyst").isEqualTo(3);
            assertThat(LakeFormationWrites.longestChain(central))
                    .as("settings, an LF-tag, then the nine writes of the sales lane").isEqualTo(11);
        }

        @Test
        void databasesWaitForTheSettingsWriteSoTheyNeverCopyIamOnlyDefaults() {
            var database = named(central, "aws:glue/catalogDatabase:CatalogDatabase", "central-sales-database");
            assertThat(database.options().dependsOn()).anyMatch(u -> u.endsWith("::central-lake-settings"));
            assertThat(named(central, "aws:glue/catalogTable:CatalogTable", "central-sales-orders").options().dependsOn())
                    .containsExactly(database.urn());
        }

        @Test
        void noGlueCatalogPolicyAndTheCatalogKeyServesMeshAccountsThroughGlue() {
            assertThat(central.ofType("aws:glue/resourcePolicy:ResourcePolicy"))
                    .as("at cross-account version 4 Lake Formation shares through RAM; a policy without the RAM statement would refuse it")
                    .isEmpty();
            JsonNode keyPolicy = json(named(central, "aws:kms/key:Key", "central-catalog-key").inputs().get("policy"));
            JsonNode mesh = statement(keyPolicy, "MeshAccountsReadCatalogThroughGlue");
            assertThat(texts(mesh.at("/Principal/AWS"))).containsExactlyInAnyOrder(
                    "arn:aws:iam::" + PRODUCER + ":root", "arn:aws:iam::" + CONSUMER + ":root");
            assertThat(texts(mesh.get("Action"))).contains("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");
            assertThat(mesh.at("/Condition/StringEquals/kms:ViaService").asText()).isEqualTo("glue.eu-west-1.amazonaws.com");
            assertThat((String) central.outputs().get("catalogKeyArn")).startsWith("arn:aws:kms:eu-west-1:" + CENTRAL + ":key/");
        }

        @Test
        void sharesGiveMarketingCustomersWithoutPiiColumns() {
            var shares = map(central.outputs().get("shares"));
            List<?> tables = (List<Object>) map(shares.get("marketing")).get("tables");
            var customers = tables.stream().map(t -> map(t)).filter(t -> t.get("table").equals("customers")).findFirst().orElseThrow();
            assertThat((List<Object>) customers.get("columns")).containsExactly("customer_id", "country", "segment", "signup_date");
            assertThat(customers).containsEntry("allColumns", false);
        }
    }

    @Nested
    class Consumer {
        private final StackPlan consumer = stack("consumer");

        @Test
        void linksTheSharedDatabaseInTheCentralCatalog() {
            var link = named(consumer, "aws:glue/catalogDatabase:CatalogDatabase", "marketing-access-link-sales").inputs();
            assertThat(link).containsEntry("name", "shared_sales").containsEntry("catalogId", CONSUMER);
            assertThat(map(link.get("targetDatabase"))).containsEntry("catalogId", CENTRAL).containsEntry("databaseName", "sales");
        }

        @Test
        void analystGetsDescribeOnTheLinkAndTheCatalogKeyButReGrantsNothing() {
            String analyst = "arn:aws:iam::" + CONSUMER + ":role/datamesh-marketing-analyst";
            var describe = named(consumer, PERMISSIONS, "marketing-access-analyst-describe-link-sales");
            assertThat(describe.inputs()).containsEntry("principal", analyst);
            assertThat((List<Object>) describe.inputs().get("permissions")).containsExactly("DESCRIBE");
            assertThat(map(describe.inputs().get("database"))).containsEntry("name", "shared_sales").containsEntry("catalogId", CONSUMER);
            assertThat(describe.options().deleteBeforeReplace()).isTrue();
            assertThat(consumer.ofType(PERMISSIONS)).as("the data grants come from central; a re-grant on central's tags"
                    + " cannot be read back by the provider").allMatch(r -> !r.inputs().containsKey("lfTagPolicy"));
            assertThat(named(consumer, "aws:glue/catalogDatabase:CatalogDatabase", "marketing-access-link-sales").options().dependsOn())
                    .as("a resource link is a database of this account: after the settings write")
                    .anyMatch(u -> u.endsWith("::marketing-lake-settings"));

            JsonNode policy = json(named(consumer, "aws:iam/rolePolicy:RolePolicy", "marketing-access-analyst-query").inputs().get("policy"));
            JsonNode key = statement(policy, "EncryptedCentralCatalog");
            assertThat(texts(key.get("Action"))).containsExactlyInAnyOrder("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");
            assertThat(texts(key.get("Resource"))).containsExactly((String) stack("central").outputs().get("catalogKeyArn"));
            assertThat(map(consumer.outputs().get("queryRoles"))).containsEntry("version", 1)
                    .containsEntry("roles", List.of(Map.of("name", "analyst", "arn", analyst, "domains", List.of("sales"))));
        }

        @Test
        void athenaWorkgroupEnforcesKmsResultsAndAScanCap() {
            var workgroup = named(consumer, "aws:athena/workgroup:Workgroup", "marketing-access-workgroup").inputs();
            var configuration = map(workgroup.get("configuration"));
            assertThat(configuration).containsEntry("enforceWorkgroupConfiguration", true)
;
            assertThat(((Number) configuration.get("bytesScannedCutoffPerQuery")).longValue()).isEqualTo(1024L * 1024 * 1024);
            assertThat(map(map(configuration.get("resultConfiguration")).get("encryptionConfiguration")))
                    .containsEntry("encryptionOption", "SSE_KMS");
            var expiry = named(consumer, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                    "marketing-access-athena-results-expiry").inputs();
            assertThat(((Number) map(map(((List<Object>) expiry.get("rules")).get(0)).get("expiration")).get("days")).intValue())
                    .isEqualTo(30);
            assertThat((List<Object>) expiry.get("rules")).extracting(r -> map(r).get("abortIncompleteMultipartUpload"))
                    .contains(Map.of("daysAfterInitiation", 7.0));
            assertThat(consumer.ofType("aws:athena/namedQuery:NamedQuery")).extracting(q -> q.inputs().get("query"))
                    .contains("SELECT \"customer_id\", \"country\", \"segment\", \"signup_date\" FROM \"shared_sales\".\"customers\" LIMIT 10;");
        }

        @Test
        void analystRoleIsAssumableOnlyByItsConfiguredSsoRole() {
            JsonNode trust = json(named(consumer, "aws:iam/role:Role", "marketing-access-analyst").inputs().get("assumeRolePolicy"));
            assertThat(statements(trust)).singleElement().satisfies(s -> {
                assertThat(s.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::" + CONSUMER + ":root");
                assertThat(texts(s.at("/Condition/ArnLike/aws:PrincipalArn"))).containsExactly("arn:aws:iam::" + CONSUMER
                        + ":role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_MarketingAnalyst_*");
            });
        }

        @Test
        void noResourceInTheConsumerReadsProducerDataOutsideLakeFormation() {
            assertThat(consumer.resources()).noneMatch(r -> r.inputs().toString().contains("datamesh-sales-data-"));
            List<JsonNode> allows = new ArrayList<>();
            consumer.ofType("aws:iam/rolePolicy:RolePolicy").forEach(p -> statements(json(p.inputs().get("policy"))).stream()
                    .filter(s -> s.get("Effect").asText().equals("Allow")).forEach(allows::add));
            assertThat(allows).isNotEmpty();
            for (JsonNode statement : allows) {
                boolean storage = texts(statement.get("Action")).stream().anyMatch(a -> a.startsWith("s3:") || a.startsWith("kms:"));
                if (storage) {
                    assertThat(texts(statement.get("Resource"))).as("S3/KMS only on the consumer's own query results"
                                    + " and the central catalog's metadata key")
                            .allMatch(r -> r.startsWith("arn:aws:s3:::datamesh-marketing-athena-" + CONSUMER + "-")
                                    || r.startsWith("arn:aws:kms:eu-west-1:" + CONSUMER + ":key/")
                                    || r.equals(stack("central").outputs().get("catalogKeyArn")));
                }
            }
        }
    }

    private static List<String> allowPrincipals(JsonNode policy) {
        List<String> principals = new ArrayList<>();
        statements(policy).forEach(s -> {
            if (s.get("Effect").asText().equals("Allow")) {
                principals.addAll(texts(s.at("/Principal/AWS")));
            }
        });
        return principals;
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        return statements(policy).stream()
                .filter(s -> s.path("Sid").asText().equals(sid)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + policy));
    }

    /** The statements of a policy the mesh writes, which always lists them (see {@code everyPolicyDocumentListsItsStatements}). */
    private static List<JsonNode> statements(JsonNode policy) {
        List<JsonNode> result = new ArrayList<>();
        policy.get("Statement").forEach(result::add);
        return result;
    }

    @Test
    void everyPolicyDocumentListsItsStatements() {
        int documents = 0;
        for (String name : List.of("producer", "central", "consumer")) {
            for (PlannedResource r : stack(name).resources()) {
                for (var input : r.inputs().entrySet()) {
                    if (input.getValue() instanceof String text && text.contains("\"Statement\"")) {
                        documents++;
                        assertThat(json(text).get("Statement").isArray()).as("%s.%s of %s", r.name(), input.getKey(), name).isTrue();
                    }
                }
            }
        }
        assertThat(documents).as("role trusts, role, bucket, key and catalog policies").isGreaterThan(15);
    }

    private static List<String> texts(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> result = new ArrayList<>();
            node.forEach(n -> result.add(n.asText()));
            return result;
        }
        return List.of(node.asText());
    }
}
