package io.datamesh.config;

import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.LfResource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StackConfigParserTest {
    private static final String ONTOLOGY = "{\"domain\":[\"sales\",\"marketing\"],\"pii\":[\"true\",\"false\"]}";

    private static RawStackConfig raw(Map<String, String> values) {
        return new RawStackConfig("Pulumi.test.yaml", "organization", "datamesh", "test", values);
    }

    /** The keys every producer or consumer stack needs. */
    private static Map<String, String> domainStack(String role, String accountId, String domain) {
        var values = new LinkedHashMap<String, String>();
        values.put("aws:region", "eu-west-1");
        values.put("datamesh:role", role);
        values.put("datamesh:accountId", accountId);
        values.put("datamesh:centralAccountId", "111111111111");
        values.put("datamesh:domain", domain);
        return values;
    }

    private static Map<String, String> central() {
        var values = new LinkedHashMap<String, String>();
        values.put("aws:region", "eu-west-1");
        values.put("datamesh:role", "central");
        values.put("datamesh:accountId", "111111111111");
        values.put("datamesh:lfTags", ONTOLOGY);
        values.put("datamesh:producers", "[{\"domain\":\"sales\",\"accountId\":\"222222222222\",\"stack\":\"producer\"}]");
        values.put("datamesh:consumers", "[{\"domain\":\"marketing\",\"accountId\":\"333333333333\"}]");
        values.put("datamesh:grants", "[{\"name\":\"g\",\"to\":\"marketing\",\"permissions\":[\"SELECT\"],"
                + "\"expression\":{\"domain\":[\"sales\"],\"pii\":\"false\"}}]");
        return values;
    }

    @Test
    void lfTagsAreWrittenInLowerCaseAsLakeFormationStoresThem() {
        var values = central();
        values.put("datamesh:lfTags", "{\"domain\":[\"sales\",\"marketing\"],\"PII\":[\"True\",\"false\"]}");
        var problems = catchThrowableOfType(() -> StackConfigParser.parse(raw(values)), InvalidConfigException.class).problems();
        assertThat(problems).filteredOn(p -> p.key().equals("datamesh:lfTags.PII")).extracting(ConfigProblem::message)
                .contains("'PII' must be lower case: Lake Formation stores LF-tag keys and values in lower case",
                        "'True' must be lower case: Lake Formation stores LF-tag keys and values in lower case");
    }

    @Test
    void validCentralConfigBecomesTypedSettings() {
        var settings = (CentralSettings) StackConfigParser.parse(raw(central()));
        assertThat(settings.producers()).containsExactly(new DomainAccount("sales", "222222222222", "organization/datamesh/producer"));
        assertThat(settings.consumers().get(0).stack()).isEqualTo("organization/datamesh/marketing");
        assertThat(settings.grants().get(0).resource()).isEqualTo(ResourceType.TABLE);
        assertThat(settings.grants().get(0).expression().clauses()).containsEntry("pii", Set.of("false"));
        assertThat(settings.grants().get(0).permissions()).containsExactly(LfPermission.SELECT);
        assertThat(settings.identity().crossAccountVersion()).isEqualTo(4);
    }

    @Test
    void ramSharingDefaultsToTheOrganizationAndGrantsOnlyRead() {
        assertThat(((CentralSettings) StackConfigParser.parse(raw(central()))).ramSharing()).isEqualTo(RamSharing.ORGANIZATION);
        var values = central();
        values.put("datamesh:ramSharing", "invitations");
        assertThat(((CentralSettings) StackConfigParser.parse(raw(values))).ramSharing()).isEqualTo(RamSharing.INVITATIONS);

        values.put("datamesh:ramSharing", "email");
        values.put("datamesh:grants", "[{\"name\":\"g\",\"to\":\"marketing\",\"permissions\":[\"SELECT\",\"INSERT\"],"
                + "\"expression\":{\"domain\":[\"sales\"]}}]");
        var e = catchThrowableOfType(() -> StackConfigParser.parse(raw(values)), InvalidConfigException.class);
        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "datamesh:ramSharing: 'email' is not one of [invitations, organization]",
                "datamesh:grants[0].permissions[1]: 'INSERT' cannot be granted on TABLE here: central grants the domain's"
                        + " query roles, which only read; allowed: [DESCRIBE, SELECT]");
    }

    @Test
    void athenaFollowsTheAnalystsUnlessConfigured() {
        var none = (ConsumerSettings) StackConfigParser.parse(raw(domainStack("consumer", "333333333333", "marketing")));
        assertThat(none.access().athena().enabled()).isFalse();
        var asked = domainStack("consumer", "333333333333", "marketing");
        asked.put("datamesh:athena", "{\"enabled\": true}");
        assertThat(((ConsumerSettings) StackConfigParser.parse(raw(asked))).access().athena().enabled()).isTrue();
        var analysts = domainStack("consumer", "333333333333", "marketing");
        analysts.put("datamesh:analysts", "[{\"name\":\"analyst\"}]");
        assertThat(((ConsumerSettings) StackConfigParser.parse(raw(analysts))).access().athena().enabled()).isTrue();
        analysts.put("datamesh:athena", "{\"enabled\": false}");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(analysts)));
        assertThat(e.problems()).extracting(Object::toString).containsExactly("datamesh:athena.enabled: is false, but"
                + " datamesh:analysts query through the workgroup; remove the analysts or this setting");
    }

    @Test
    void everyProblemIsReportedTogetherWithItsKey() {
        var values = central();
        values.put("datamesh:accountId", "1111");
        values.put("datamesh:consumers", "[{\"domain\":\"marketing\",\"accountId\":\"333333333333\"},"
                + "{\"domain\":\"marketing\",\"accountId\":\"444444444444\"}]");
        values.put("datamesh:grants", "[{\"name\":\"g\",\"to\":\"finance\",\"permissions\":[\"SELECT\",\"ALL\"],"
                + "\"expression\":{\"domain\":[\"hr\"],\"colour\":[\"red\"]}}]");
        values.put("datamesh:lfTagz", "{}");

        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));

        assertThat(e.problems()).extracting(ConfigProblem::key).contains(
                "datamesh:accountId", "datamesh:consumers[1].domain", "datamesh:grants[0].to", "datamesh:grants[0].permissions[1]",
                "datamesh:grants[0].expression.domain", "datamesh:grants[0].expression.colour", "datamesh:lfTagz");
        assertThat(e.getMessage())
                .contains("'1111' is not a 12-digit AWS account id")
                .contains("duplicate domain")
                .contains("'finance' is not a configured producer or consumer domain")
                .contains("'hr' is not an allowed value of LF-tag 'domain'")
                .contains("'colour' is not an LF-tag key of the ontology")
                .contains("'ALL' cannot be granted");
        assertThat(e.getMessage().lines().filter(l -> l.startsWith("Pulumi.test.yaml: "))).hasSize(e.problems().size());
    }

    @Test
    void aMissingOntologyIsReportedOnceNotAgainForEveryGrantKey() {
        var values = central();
        values.remove("datamesh:lfTags");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::toString)
                .containsExactly("datamesh:lfTags: is required (the LF-tag ontology: key → allowed values)");
    }

    @Test
    void unknownKeysNameTheNearestKnownOne() {
        var values = central();
        values.put("datamesh:lfTagz", "{}");
        values.put("datamesh:producers", "[{\"domain\":\"sales\",\"accountId\":\"222222222222\",\"stak\":\"p\"}]");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "datamesh:producers[0].stak: is not a setting here; did you mean stack? (known: [accountId, domain, stack])",
                "datamesh:lfTagz: is not a setting of a central stack; did you mean datamesh:lfTags? (known: [datamesh:accountId,"
                        + " datamesh:consumers, datamesh:crawlerLogRetentionDays, datamesh:crossAccountVersion, datamesh:grants,"
                        + " datamesh:lakeFormationAdmins, datamesh:lfTags, datamesh:namePrefix, datamesh:producers,"
                        + " datamesh:quotas, datamesh:ramSharing, datamesh:role])");
    }

    @Test
    void scalarsReadAsTheDeclaredTypeAndProblemsComeInFileOrder() {
        var values = central();
        // YAML reads an unquoted account id as a number; Pulumi hands top-level numbers over as text.
        values.put("datamesh:producers", "[{\"domain\":\"sales\",\"accountId\":222222222222}]");
        values.put("datamesh:crossAccountVersion", "5");
        var settings = (CentralSettings) StackConfigParser.parse(raw(values));
        assertThat(settings.producers().get(0).accountId()).isEqualTo("222222222222");
        assertThat(settings.identity().crossAccountVersion()).isEqualTo(5);

        values.put("datamesh:crossAccountVersion", "five");
        values.put("datamesh:producers", "[{\"domain\":\"sales\",\"accountId\":2222}]");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "datamesh:producers[0].accountId: '2222' is not a 12-digit AWS account id (quote it in YAML so leading zeros survive)",
                "datamesh:crossAccountVersion: must be a whole number, got 'five'");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(Map.of(
                "datamesh:role", "producer"))));
        assertThat(e.problems()).extracting(ConfigProblem::key).contains("aws:region", "datamesh:accountId",
                "datamesh:domain", "datamesh:centralAccountId", "datamesh:dataProducts");
    }

    @Test
    void producerContractsAreCheckedForShapeAndDuplicates() {
        var values = domainStack("producer", "222222222222", "sales");
        values.put("datamesh:dataProducts", "[{\"name\":\"orders\",\"format\":\"xlsx\",\"prefix\":\"/abs\","
                + "\"columns\":[{\"name\":\"id\",\"type\":\"uuid\"},{\"name\":\"id\",\"type\":\"string\"}]},"
                + "{\"name\":\"orders\",\"columns\":[{\"name\":\"x\",\"type\":\"string\"}]}]");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::key).contains(
                "datamesh:dataProducts[0].format", "datamesh:dataProducts[0].prefix",
                "datamesh:dataProducts[0].columns[0].type", "datamesh:dataProducts[0].columns[1].name",
                "datamesh:dataProducts[1].name");
        assertThat(e.getMessage()).contains("duplicate column 'id'").contains("duplicate data product 'orders'");
    }

    @Test
    void namesThatWouldMakeInvalidBucketsOrForeignAdminsAreRejected() {
        var values = domainStack("consumer", "333333333333", "marketing_and_customer_lifetime_value");
        values.put("datamesh:namePrefix", "Data_Mesh");
        values.put("datamesh:lakeFormationAdmins", "[\"arn:aws:iam::111111111111:role/deployer\"]");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "datamesh:namePrefix", "datamesh:domain", "datamesh:lakeFormationAdmins[0]");
        assertThat(e.getMessage()).contains("would exceed S3's 63 characters").contains("is not in account 333333333333");
    }

    private static final String ORDERS = "[{\"name\":\"orders\",\"columns\":[{\"name\":\"id\",\"type\":\"string\"}]}]";

    @Test
    void auditTrailRetentionAndCrawlerLogDefaultsAreTheDocumentedOnes() {
        var values = domainStack("producer", "222222222222", "sales");
        values.put("datamesh:dataProducts", ORDERS);
        var producer = (ProducerSettings) StackConfigParser.parse(raw(values));
        assertThat(producer.auditTrail()).isEqualTo(new AuditTrailSettings(true, 365));
        assertThat(producer.noncurrentVersionExpirationDays()).isEqualTo(30);
        assertThat(((CentralSettings) StackConfigParser.parse(raw(central()))).crawlerLogRetentionDays()).isEqualTo(365);

        values.put("datamesh:auditTrail", "{\"enabled\":false,\"retentionDays\":730}");
        values.put("datamesh:noncurrentVersionExpirationDays", "7");
        producer = (ProducerSettings) StackConfigParser.parse(raw(values));
        assertThat(producer.auditTrail()).isEqualTo(new AuditTrailSettings(false, 730));
        assertThat(producer.noncurrentVersionExpirationDays()).isEqualTo(7);
    }

    @Test
    void retentionSettingsOutOfRangeOrMisspeltAreReportedWithTheirKeys() {
        var values = domainStack("producer", "222222222222", "sales");
        values.put("datamesh:dataProducts", ORDERS);
        values.put("datamesh:auditTrail", "{\"enabled\":\"yes\",\"retentionDays\":30,\"retention\":400}");
        values.put("datamesh:noncurrentVersionExpirationDays", "0");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "datamesh:auditTrail.enabled", "datamesh:auditTrail.retentionDays", "datamesh:auditTrail.retention",
                "datamesh:noncurrentVersionExpirationDays");

        var centralValues = central();
        centralValues.put("datamesh:crawlerLogRetentionDays", "100");
        var c = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(centralValues)));
        assertThat(c.problems()).extracting(ConfigProblem::key).containsExactly("datamesh:crawlerLogRetentionDays");
        assertThat(c.getMessage()).contains("100 is not a retention CloudWatch Logs accepts");
    }

    @Test
    void raisedQuotasAreTypedAndEveryBadOneIsReportedWithItsKey() {
        var values = central();
        values.put("datamesh:quotas", "{\"glueCrawlers\":2000}");
        assertThat(StackConfigParser.parse(raw(values)).identity().raisedQuotas())
                .isEqualTo(Map.of(io.datamesh.quota.Quota.GLUE_CRAWLERS, 2000L));

        values.put("datamesh:quotas", "{\"glueCrawler\":2000,\"s3Buckets\":0,\"cloudTrailTrails\":\"many\"}");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("datamesh:quotas.glueCrawler",
                "datamesh:quotas.s3Buckets", "datamesh:quotas.cloudTrailTrails");
        assertThat(e.getMessage()).contains("datamesh:quotas.glueCrawler: is not a known quota; did you mean glueCrawlers?"
                        + " (known: [cloudTrailTrails, glueCrawlers,")
                .contains("datamesh:quotas.s3Buckets: must be between 1 and 2147483647, got 0")
                .contains("datamesh:quotas.cloudTrailTrails: must be a whole number, got 'many'");
    }

    @Test
    void analystRolesAreAssumedOnlyByNamedPrincipalsOfTheirAccount() {
        var values = domainStack("consumer", "333333333333", "marketing");
        String sso = "arn:aws:iam::333333333333:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Analyst_*";
        values.put("datamesh:analysts", "[{\"name\":\"analyst\",\"assumedBy\":[\"" + sso + "\"]},{\"name\":\"bi\"}]");
        var consumer = (ConsumerSettings) StackConfigParser.parse(raw(values));
        assertThat(consumer.access().analysts().get(0).assumedBy()).containsExactly(sso);
        assertThat(consumer.access().analysts().get(1).assumedBy()).isEmpty();

        values.put("datamesh:analysts", "[{\"name\":\"analyst\",\"assumedBy\":[\"arn:aws:iam::111111111111:role/x\","
                + "\"arn:aws:iam::333333333333:role/*\",\"333333333333\"]}]");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("datamesh:analysts[0].assumedBy[0]",
                "datamesh:analysts[0].assumedBy[1]", "datamesh:analysts[0].assumedBy[2]");
        assertThat(e.getMessage()).contains("is not in account 333333333333").contains("matches every role of the account")
                .contains("'333333333333' is not an IAM role or user ARN");
    }

    @Test
    void underscoresInADomainBecomeHyphensInItsBucketNames() {
        assertThat(io.datamesh.names.MeshNames.dataBucket("datamesh", "sales_emea", "222222222222", "eu-west-1"))
                .isEqualTo("datamesh-sales-emea-data-222222222222-eu-west-1");
    }

    @Test
    void producersCannotTagTablesOrColumnsWithADomain() {
        var values = domainStack("producer", "222222222222", "sales");
        values.put("datamesh:dataProducts", "[{\"name\":\"orders\",\"tags\":{\"domain\":\"finance\"},"
                + "\"columns\":[{\"name\":\"id\",\"type\":\"string\",\"tags\":{\"domain\":\"hr\"}}]}]");
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "datamesh:dataProducts[0].tags.domain", "datamesh:dataProducts[0].columns[0].tags.domain");
    }

    @Test
    void centralRefusesContractsFromStackOutputsThatSetTheDomainTag() {
        var product = new DataProduct("orders", "", "csv", "orders/", Map.of("domain", "finance"), java.util.List.of());
        assertThat(ContractCheck.againstOntology(Map.of(), java.util.List.of(product),
                Map.of("domain", java.util.List.of("sales", "finance"))))
                .extracting(ConfigProblem::key).containsExactly("datamesh:dataProducts[0].tags.domain");
    }

    @Test
    void anUnknownRoleIsRejected() {
        var values = central();
        values.put("datamesh:role", "warehouse");
        assertThatThrownBy(() -> StackConfigParser.parse(raw(values)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("datamesh:role: 'warehouse' is not one of");
    }

    @Test
    void contractTagsAreCheckedAgainstTheOntology() {
        var product = new DataProduct("customers", "", "csv", "customers/", Map.of("pii", "maybe"),
                java.util.List.of(new ContractColumn("email", "string", "", Map.of("secret", "true"))));
        var problems = ContractCheck.againstOntology(Map.of(), java.util.List.of(product),
                Map.of("domain", java.util.List.of("sales"), "pii", java.util.List.of("true", "false")));
        assertThat(problems).extracting(ConfigProblem::key).containsExactly(
                "datamesh:dataProducts[0].tags.pii", "datamesh:dataProducts[0].columns[0].tags.secret");
    }

    private static Map<String, String> producerWith(String products) {
        var values = domainStack("producer", "222222222222", "sales");
        values.put("datamesh:dataProducts", products);
        return values;
    }

    private static java.util.List<String> problems(Map<String, String> values) {
        var e = catchThrowableOfType(InvalidConfigException.class, () -> StackConfigParser.parse(raw(values)));
        return e == null ? java.util.List.of() : e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "string | ", "decimal(38,38) | ", "decimal(1,0) | ", "decimal(15) | ", "char(1) | ", "char(255) | ",
            "varchar(1) | ", "varchar(65535) | ",
            "decimal(39,0) | 'decimal(39,0)' has precision 39: Athena's decimal precision is 1 to 38 digits",
            "decimal(0) | 'decimal(0)' has precision 0",
            "decimal(5,6) | 'decimal(5,6)' has scale 6: the digits after the point must be at most its precision 5",
            "'decimal(10,2' | 'decimal(10,2' is not a column type: write decimal(precision) or decimal(precision,scale)",
            "decimal | 'decimal' is not a column type; use a Glue/Hive column type",
            "char(0) | 'char(0)' has length 0: char lengths are 1 to 255",
            "char(256) | 'char(256)' has length 256",
            "varchar(65536) | 'varchar(65536)' has length 65536: varchar lengths are 1 to 65535",
            "varchar() | 'varchar()' is not a column type: write varchar(length), e.g. varchar(100)",
            "STRING | 'STRING' is not a column type",
    })
    void columnTypesAreCheckedAgainstAthenasBounds(String type, String problem) {
        var values = producerWith("[{\"name\":\"orders\",\"columns\":[{\"name\":\"id\",\"type\":\"" + type + "\"}]}]");
        if (problem == null) {
            assertThat(problems(values)).isEmpty();
        } else {
            assertThat(problems(values)).singleElement().asString()
                    .startsWith("datamesh:dataProducts[0].columns[0].type: " + problem);
        }
    }

    @Test
    void glueNamesDescriptionsAndCommentsStopAtTheirLimitsCountedAsGlueCounts() {
        String atLimit = "[{\"name\":\"" + "t".repeat(114) + "\",\"description\":\"" + "d".repeat(2046) + "\\n\\t\","
                + "\"columns\":[{\"name\":\"" + "c".repeat(255) + "\",\"type\":\"string\",\"comment\":\""
                + "\u00e9".repeat(127) + "x\"}]}]";
        assertThat(problems(producerWith(atLimit))).isEmpty();

        String over = "[{\"name\":\"" + "t".repeat(115) + "\",\"description\":\"" + "\u00e9".repeat(1025) + "\","
                + "\"columns\":[{\"name\":\"" + "c".repeat(256) + "\",\"type\":\"string\",\"comment\":\""
                + "\u00e9".repeat(128) + "\"}]}]";
        assertThat(problems(producerWith(over))).containsExactlyInAnyOrder(
                "datamesh:dataProducts[0].name: is too long: the Athena named query \"preview sales.<name>\" each domain"
                        + " the table is shared with gets would be 129 characters, over Athena's 128 characters (Athena API,"
                        + " NamedQuery.Name): at most 114 here",
                "datamesh:dataProducts[0].description: is too long: 2,050 bytes in UTF-8, at most 2,048 (AWS Glue API,"
                        + " TableInput.Description)",
                "datamesh:dataProducts[0].columns[0].name: is too long: 256 characters, at most 255 (AWS Glue API:"
                        + " database, table and column names are 1-255 bytes)",
                "datamesh:dataProducts[0].columns[0].comment: is too long: 256 bytes in UTF-8, at most 255 (AWS Glue API,"
                        + " Column.Comment)");
    }

    @Test
    void lfTagKeysAndValuesKeepToLakeFormationsLengthAndCharacters() {
        var values = central();
        String key50 = "k".repeat(50);
        values.put("datamesh:lfTags", "{\"domain\":[\"sales\",\"marketing\"],\"pii\":[\"true\",\"false\"],\""
                + key50 + "\":[\"" + "v".repeat(50) + "\",\"a b_.:*/=+-@%\\u00e9\",\"\"]}");
        assertThat(problems(values)).isEmpty();

        values.put("datamesh:lfTags", "{\"domain\":[\"sales\",\"marketing\"],\"pii\":[\"true\",\"false\"],\""
                + key50 + "k\":[\"" + "v".repeat(51) + "\",\"a;b\"],\"x*\":[\"y\"]}");
        assertThat(problems(values)).containsExactly(
                "datamesh:lfTags." + key50 + "k: LF-tag key '" + key50 + "k' is too long: 51 characters, at most 50"
                        + " (Lake Formation developer guide, \"Lake Formation tag-based access control notes and restrictions\")",
                "datamesh:lfTags." + key50 + "k: LF-tag value '" + "v".repeat(51) + "' is too long: 51 characters, at most 50"
                        + " (Lake Formation developer guide, \"Lake Formation tag-based access control notes and restrictions\")",
                "datamesh:lfTags." + key50 + "k: LF-tag value 'a;b' has characters Lake Formation refuses: ';' (Lake"
                        + " Formation API reference, LFTag.TagValues: letters, digits, spaces and _ . : * / = + - @ %)",
                "datamesh:lfTags.x*: LF-tag key 'x*' has characters Lake Formation refuses: '*' (Lake Formation API"
                        + " reference, LFTag.TagKey: letters, digits, spaces and _ . : / = + - @ %)");
    }

    @Test
    void aResourceCarriesAtMostFiftyLfTagsTheDomainDatabaseOneMoreThanConfigured() {
        var tags49 = new StringBuilder("{");
        for (int i = 0; i < 49; i++) {
            tags49.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        var values = producerWith("[{\"name\":\"orders\",\"tags\":" + tags49 + ",\"k49\":\"v\"},"
                + "\"columns\":[{\"name\":\"id\",\"type\":\"string\",\"tags\":" + tags49 + ",\"k49\":\"v\",\"k50\":\"v\"}}]}]");
        values.put("datamesh:databaseTags", tags49 + "}");
        assertThat(problems(values)).containsExactly("datamesh:dataProducts[0].columns[0].tags: assigns 51 LF-tags, at"
                + " most 50 per resource (Lake Formation developer guide, \"Lake Formation tag-based access control notes"
                + " and restrictions\")");

        values.put("datamesh:databaseTags", tags49 + ",\"k49\":\"v\"}");
        assertThat(problems(values)).contains("datamesh:databaseTags: assigns 51 LF-tags (with the mesh's domain tag), at"
                + " most 50 per resource (Lake Formation developer guide, \"Lake Formation tag-based access control notes"
                + " and restrictions\")");
    }

    @Test
    void controlCharactersAreRefusedEverywhereAndNeverPrintedRaw() {
        var values = central();
        values.put("aws:region", "eu-west-1\u0000");
        values.put("datamesh:grants", "[{\"name\":\"g\\u0007\",\"to\":\"marketing\",\"permissions\":[\"SELECT\"],"
                + "\"expression\":{\"domain\":[\"sales\"],\"p\\u001fii\":\"false\\t\"}}]");
        var found = problems(values);
        assertThat(found).contains(
                "aws:region: contains the control character U+0000: remove it",
                "datamesh:grants[0].name: contains the control character U+0007: remove it (stack-file values are"
                        + " printable single-line text)",
                "datamesh:grants[0].expression.pU+001Fii: its name contains the control character U+001F: remove it",
                "datamesh:grants[0].expression.pU+001Fii: contains the control character U+0009: remove it (stack-file"
                        + " values are printable single-line text)");
        assertThat(String.join("\n", found).chars().filter(ControlCharacters::isControl).filter(c -> c != '\n')).isEmpty();

        var description = producerWith("[{\"name\":\"orders\",\"description\":\"Line one\\r\\nline\\ttwo\","
                + "\"columns\":[{\"name\":\"id\",\"type\":\"string\",\"comment\":\"one\\ntwo\"}]}]");
        assertThat(problems(description)).containsExactly("datamesh:dataProducts[0].columns[0].comment: contains the"
                + " control character U+000A: remove it (stack-file values are printable single-line text)");
    }
}
