package io.datamesh.stackref;

import com.pulumi.test.PulumiTest;
import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.config.QualityRule;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.LfResource.ResourceType;
import io.datamesh.lakeformation.TagExpression;
import io.datamesh.testing.RecordedRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.datamesh.plan.SampleMesh.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The wire formats stacks publish to each other, and how a stack reads another's outputs. */
class StackOutputsTest {
    private static final String STACK = "organization/datamesh/producer";
    private static final List<ContractColumn> COLUMNS = List.of(new ContractColumn("email", "string", "", Map.of("pii", "true")));
    private static final ProducerExport EXPORT = new ProducerExport("sales", "222222222222", "bucket", "arn:aws:kms:key",
            Map.of("pii", "false"), List.of(new DataProduct("orders", "Orders", "csv", "orders/", Map.of(), COLUMNS, List.of(),
            Optional.of("sales-order-management"), Optional.of("1.2.0"), Optional.empty())));
    /** EXPORT as a producer of format version 1 published it: no owner, no contract version. */
    private static final ProducerExport EXPORT_V1 = new ProducerExport("sales", "222222222222", "bucket", "arn:aws:kms:key",
            Map.of("pii", "false"), List.of(new DataProduct("orders", "Orders", "csv", "orders/", Map.of(), COLUMNS)));
    /** A contract with constraints and quality rules, which central turns into a Glue Data Quality ruleset. */
    private static final ProducerExport CONSTRAINED = new ProducerExport("sales", "222222222222", "bucket", "arn:aws:kms:key",
            Map.of(), List.of(new DataProduct("orders", "Orders", "csv", "orders/", Map.of(),
            List.of(new ContractColumn("email", "string", "", Map.of("pii", "true"), true, true, true,
                    List.of(new QualityRule(QualityRule.Metric.INVALID_VALUES, new QualityRule.Bound("mustBeLessThan",
                            List.of(new BigDecimal("2.5"))), true, List.of("a@b"), "", List.of())), Optional.of("pii"))),
            List.of(new QualityRule(QualityRule.Metric.ROW_COUNT, new QualityRule.Bound("mustBeBetween",
                    List.of(new BigDecimal("1"), new BigDecimal("10.5"))), false, List.of(), "", List.of())),
            Optional.empty(), Optional.empty(), Optional.empty())));
    private static final DomainShare SHARE = new DomainShare(List.of(new DomainShare.Grant("g", ResourceType.TABLE,
            List.of(LfPermission.SELECT, LfPermission.DESCRIBE), TagExpression.of(Map.of("domain", List.of("sales"))))),
            List.of("sales"), List.of(new DomainShare.Table("sales", "orders", List.of("id"), true, List.of(LfPermission.SELECT))));
    /** What each read in the run returned, or the exception it threw. */
    private static final Map<String, Object> READS = new LinkedHashMap<>();

    @BeforeAll
    static void readOutputsOfAStack() {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("current", StackOutputs.toOutput(ProducerOutput.of(EXPORT)));
        var versionOne = new LinkedHashMap<>(map(StackOutputs.toOutput(ProducerOutput.of(EXPORT))));
        versionOne.put("version", 1);
        versionOne.put("dataProducts", ((List<?>) versionOne.get("dataProducts")).stream().map(p -> {
            var product = new LinkedHashMap<>(map(p));
            product.remove("owner");
            product.remove("version");
            return product;
        }).toList());
        outputs.put("versionOne", versionOne);
        var unversioned = new LinkedHashMap<>(versionOne);
        unversioned.remove("version");
        outputs.put("unversioned", unversioned);
        var newer = new LinkedHashMap<>(unversioned);
        newer.put("version", ProducerOutput.VERSION + 1);
        outputs.put("newer", newer);
        outputs.put("older", Map.of("version", 0, "roles", List.of()));
        outputs.put("constrained", StackOutputs.toOutput(ProducerOutput.of(CONSTRAINED)));
        outputs.put("firstFormat", Map.of("version", 1, "domain", "sales", "accountId", "222222222222", "bucketName", "bucket",
                "kmsKeyArn", "arn:aws:kms:key", "databaseTags", Map.of("pii", "false"), "dataProducts", List.of(Map.of(
                        "name", "orders", "description", "Orders", "format", "csv", "prefix", "orders/", "tags", Map.of(),
                        "columns", List.of(Map.of("name", "email", "type", "string", "comment", "", "tags",
                                Map.of("pii", "true")))))));
        outputs.put("shares", StackOutputs.toOutput(Map.of("marketing", SHARE)));
        var newerShare = new LinkedHashMap<>(map(StackOutputs.toOutput(SHARE)));
        newerShare.put("version", 2);
        outputs.put("newerShares", Map.of("finance", newerShare));
        outputs.put("misshapen", Map.of("version", 1, "roles", "not a list"));
        outputs.put("engineNumber", Map.of("version", 1.0, "roles", List.of()));
        outputs.put("fraction", Map.of("version", 1.5, "roles", List.of()));
        RecordedRun.of("111111111111", "eu-west-1", Map.of(STACK, outputs), ctx -> {
            var stack = new StackOutputs("producer", STACK, null);
            for (String output : List.of("current", "versionOne", "unversioned", "newer")) {
                read(output, () -> stack.optionalVersioned(output, ProducerOutput.class, ProducerOutput.OLDEST_READ,
                        ProducerOutput.VERSION));
            }
            read("older", () -> stack.optionalVersioned("older", QueryRoles.class, QueryRoles.VERSION));
            read("constrained", () -> stack.optionalVersioned("constrained", ProducerOutput.class, ProducerOutput.VERSION)
                    .map(ProducerOutput::toExport));
            read("firstFormat", () -> stack.optionalVersioned("firstFormat", ProducerOutput.class, ProducerOutput.OLDEST_READ,
                    ProducerOutput.VERSION)
                    .map(ProducerOutput::toExport));
            read("shares", () -> stack.optionalVersionedMap("shares", DomainShare.class, DomainShare.VERSION));
            read("newerShares", () -> stack.optionalVersionedMap("newerShares", DomainShare.class, DomainShare.VERSION));
            read("misshapen", () -> stack.optionalVersioned("misshapen", QueryRoles.class, QueryRoles.VERSION));
            read("engineNumber", () -> stack.optionalVersioned("engineNumber", QueryRoles.class, QueryRoles.VERSION));
            read("fraction", () -> stack.optionalVersioned("fraction", QueryRoles.class, QueryRoles.VERSION));
            read("missing", () -> stack.optionalVersioned("missing", QueryRoles.class, QueryRoles.VERSION));
        }).succeeded();
    }

    private static void read(String name, Supplier<Object> read) {
        try {
            READS.put(name, read.get());
        } catch (RuntimeException e) {
            READS.put(name, e);
        }
    }

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theProducerOutputRoundTripsToTheSameExport() {
        assertThat(READS.get("current")).isEqualTo(Optional.of(ProducerOutput.of(EXPORT)));
        assertThat(ProducerOutput.of(EXPORT).toExport()).isEqualTo(EXPORT);
    }

    @Test
    void anOutputPublishedBeforeFormatsCarriedAVersionReadsAsVersionOne() {
        assertThat(READS.get("unversioned")).isEqualTo(READS.get("versionOne"));
    }

    /** Central runs again before its producers do: their version-1 outputs read, without owner or contract version. */
    @Test
    void aVersionOneProducerOutputStillReadsWithoutOwnerOrContractVersion() {
        var read = (ProducerOutput) ((Optional<?>) READS.get("versionOne")).orElseThrow();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.toExport()).isEqualTo(EXPORT_V1);
        assertThat(ProducerOutput.VERSION).isEqualTo(2);
    }

    @Test
    void aNewerFormatNamesTheStackTheOutputAndTheVersionsRead() {
        assertThat((Throwable) READS.get("newer")).hasMessageContaining("output 'newer' of stack " + STACK)
                .hasMessageContaining("format version 3; this program reads version 1 to 2")
                .hasMessageContaining("deployed by a newer version of the program");
    }

    @Test
    void anOlderFormatAsksToDeployThatStackAgain() {
        assertThat((Throwable) READS.get("older")).hasMessageContaining("output 'older' of stack " + STACK)
                .hasMessageContaining("format version 0; this program reads version 1")
                .hasMessageContaining("deploy " + STACK + " again");
    }

    @Test
    void eachEntryOfAMapOfSharesIsCheckedOnItsOwn() {
        assertThat(READS.get("shares")).isEqualTo(Optional.of(Map.of("marketing", SHARE)));
        assertThat((Throwable) READS.get("newerShares")).hasMessageContaining("output 'newerShares' (entry 'finance') of stack "
                + STACK).hasMessageContaining("format version 2");
    }

    @Test
    void aVersionThatCrossedTheEngineAsADoubleIsThatVersionAndAFractionIsNone() {
        assertThat(READS.get("engineNumber")).isEqualTo(Optional.of(new QueryRoles(1, List.of())));
        assertThat((Throwable) READS.get("fraction")).hasMessageContaining("format version '1.5'");
    }

    @Test
    void aKnownVersionOfTheWrongShapeSaysSo() {
        assertThat((Throwable) READS.get("misshapen")).hasMessageContaining("output 'misshapen' of stack " + STACK
                + " does not have the expected shape");
    }

    @Test
    void aMissingOutputIsEmpty() {
        assertThat(READS.get("missing")).isEqualTo(Optional.empty());
    }

    /**
     * The keys a deployed central stack reads: renaming one would break it, so they are pinned here.
     * Version 2 added the owner, the contract version, the quality rules and the columns'
     * constraints: only added, never renamed.
     */
    @Test
    void theProducerWireKeepsTheKeysOfItsFirstFormatAndVersionTwoAddsOwnerAndContractVersion() {
        var wire = map(StackOutputs.toOutput(ProducerOutput.of(EXPORT)));
        assertThat(wire).containsOnlyKeys("version", "domain", "accountId", "bucketName", "kmsKeyArn", "databaseTags",
                "dataProducts").containsEntry("version", ProducerOutput.VERSION);
        var product = map(((List<?>) wire.get("dataProducts")).get(0));
        assertThat(product).containsOnlyKeys("name", "description", "format", "prefix", "tags", "columns", "quality", "owner",
                "version")
                .containsEntry("owner", "sales-order-management").containsEntry("version", "1.2.0");
        assertThat(map(((List<?>) product.get("columns")).get(0))).containsOnlyKeys("name", "type", "comment", "tags",
                "required", "unique", "primaryKey", "quality", "classification");
    }

    @Test
    void aContractsConstraintsAndQualityRulesCrossTheEngineUnchanged() {
        assertThat(READS.get("constrained")).isEqualTo(Optional.of(CONSTRAINED));
    }

    @Test
    void anOutputOfTheFirstFormatIsAContractWithoutConstraints() {
        assertThat(READS.get("firstFormat")).isEqualTo(Optional.of(EXPORT_V1));
    }

    @Test
    void aShareCarriesItsTypedValuesAsPlainNamesAndTagMaps() {
        var wire = map(StackOutputs.toOutput(SHARE));
        assertThat(wire).containsEntry("version", DomainShare.VERSION).containsEntry("databases", List.of("sales"));
        assertThat(map(((List<?>) wire.get("grants")).get(0))).containsEntry("resource", "TABLE")
                .containsEntry("permissions", List.of("SELECT", "DESCRIBE"))
                .containsEntry("expression", Map.of("domain", List.of("sales")));
        assertThat(map(((List<?>) wire.get("tables")).get(0))).containsEntry("permissions", List.of("SELECT"));
    }
}
