package io.datamesh.central;

import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.config.QualityRule;
import io.datamesh.config.QualityRule.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One case per ODCS rule type and bound shape: the DQDL it becomes, or why it does not. */
class DqdlRulesetTest {

    static Stream<Arguments> columnRules() {
        return Stream.of(
                Arguments.of("nullValues of zero rows: IsComplete",
                        rule(Metric.NULL_VALUES, "mustBe", false, 0), "IsComplete \"country\""),
                Arguments.of("nullValues in percent: Completeness of the non-null share, the bound turned round",
                        rule(Metric.NULL_VALUES, "mustBeLessThan", true, 5), "Completeness \"country\" > 0.95"),
                Arguments.of("nullValues between two percentages: an inclusive range as two comparisons",
                        rule(Metric.NULL_VALUES, "mustBeBetween", true, 10, 20),
                        "(Completeness \"country\" >= 0.8) and (Completeness \"country\" <= 0.9)"),
                Arguments.of("duplicateValues of zero on a column: IsUnique",
                        rule(Metric.DUPLICATE_VALUES, "mustBeLessOrEqualTo", false, 0), "IsUnique \"country\""),
                Arguments.of("invalidValues with validValues: ColumnValues in the list, nulls left to nullValues",
                        new QualityRule(Metric.INVALID_VALUES, bound("mustBe", 0), false, List.of("GB", "D\"E"), "", List.of()),
                        "ColumnValues \"country\" in [\"GB\", \"D\\\"E\", NULL]"),
                Arguments.of("invalidValues with a pattern: matches, on the rows that have a value",
                        new QualityRule(Metric.INVALID_VALUES, bound("mustBe", 0), false, List.of(), "^[A-Z]{2}\\d$", List.of()),
                        "ColumnValues \"country\" matches \"^[A-Z]{2}\\\\d$\" where \"country is not null\""),
                Arguments.of("invalidValues in percent: the share of rows that must pass as a threshold",
                        new QualityRule(Metric.INVALID_VALUES, bound("mustBeLessOrEqualTo", 2.5), true, List.of("GB"), "", List.of()),
                        "ColumnValues \"country\" in [\"GB\", NULL] with threshold >= 0.975"),
                Arguments.of("missingValues: nulls and the listed values are missing, '' is EMPTY",
                        new QualityRule(Metric.MISSING_VALUES, bound("mustBe", 0), false, List.of("", "N/A"), "", List.of()),
                        "ColumnValues \"country\" not in [NULL, EMPTY, \"N/A\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnRules")
    void aColumnRuleBecomesItsDqdlRule(String because, QualityRule rule, String dqdl) {
        DqdlRuleset ruleset = DqdlRuleset.of(product(List.of(column("country", "string", rule)), List.of()));
        assertThat(ruleset.rules()).containsExactly(dqdl);
        assertThat(ruleset.unmapped()).isEmpty();
    }

    @Test
    void numericValidValuesOfANumericColumnAreNumbers() {
        var rule = new QualityRule(Metric.INVALID_VALUES, bound("mustBe", 0), false, List.of("1", "2.50"), "", List.of());
        assertThat(DqdlRuleset.of(product(List.of(column("quantity", "int", rule)), List.of())).rules())
                .containsExactly("ColumnValues \"quantity\" in [1, 2.50, NULL]");
    }

    static Stream<Arguments> tableRules() {
        return Stream.of(
                Arguments.of("rowCount greater than", rule(Metric.ROW_COUNT, "mustBeGreaterThan", false, 0), "RowCount > 0"),
                Arguments.of("rowCount is not", rule(Metric.ROW_COUNT, "mustNotBe", false, 7), "RowCount != 7"),
                Arguments.of("rowCount between: DQDL's between excludes its ends, ODCS's includes them",
                        rule(Metric.ROW_COUNT, "mustBeBetween", false, 10, 100), "(RowCount >= 10) and (RowCount <= 100)"),
                Arguments.of("rowCount not between: outside the inclusive range",
                        rule(Metric.ROW_COUNT, "mustNotBeBetween", false, 10, 100), "(RowCount < 10) or (RowCount > 100)"),
                Arguments.of("duplicateValues of zero over several columns: IsUnique of the combination",
                        new QualityRule(Metric.DUPLICATE_VALUES, bound("mustBe", 0), false, List.of(), "",
                                List.of("order_id", "line")), "IsUnique \"order_id\" \"line\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableRules")
    void aTableRuleBecomesItsDqdlRule(String because, QualityRule rule, String dqdl) {
        DqdlRuleset ruleset = DqdlRuleset.of(product(List.of(column("order_id", "string")), List.of(rule)));
        assertThat(ruleset.rules()).containsExactly(dqdl);
    }

    @Test
    void constraintsBecomeCompletenessUniquenessAndThePrimaryKey() {
        var id = new ContractColumn("order_id", "string", "", Map.of(), true, true, true, List.of(), Optional.empty());
        var email = new ContractColumn("email", "string", "", Map.of(), true, false, false, List.of(), Optional.empty());
        var code = new ContractColumn("code", "string", "", Map.of(), false, true, false, List.of(), Optional.empty());
        assertThat(DqdlRuleset.of(product(List.of(id, email, code), List.of())).rules()).containsExactly(
                "IsPrimaryKey \"order_id\"", "IsComplete \"email\"", "IsUnique \"code\"");
    }

    @Test
    void aCompositeKeyIsOnePrimaryKeyRuleAndEachUniqueColumnKeepsItsOwn() {
        var order = new ContractColumn("order_id", "string", "", Map.of(), true, true, true, List.of(), Optional.empty());
        var line = new ContractColumn("line", "int", "", Map.of(), true, false, true, List.of(), Optional.empty());
        assertThat(DqdlRuleset.of(product(List.of(order, line), List.of())).rules()).containsExactly(
                "IsPrimaryKey \"order_id\" \"line\"", "IsUnique \"order_id\"");
    }

    static Stream<Arguments> unmappedRules() {
        return Stream.of(
                Arguments.of(rule(Metric.NULL_VALUES, "mustBeLessThan", false, 10), "a count of rows other than zero"),
                Arguments.of(rule(Metric.DUPLICATE_VALUES, "mustBeLessThan", true, 1), "only a bound of zero duplicates"),
                Arguments.of(new QualityRule(Metric.INVALID_VALUES, bound("mustBeBetween", 1, 2), true, List.of("GB"), "",
                        List.of()), "a range on a threshold"),
                Arguments.of(new QualityRule(Metric.INVALID_VALUES, bound("mustBe", 0), false, List.of("GB"), "^X",
                        List.of()), "validValues and pattern together"),
                Arguments.of(rule(Metric.NULL_VALUES, "mustNotBe", false, 1), "a count of rows other than zero"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unmappedRules")
    void aRuleDqdlCannotSayExactlyIsLeftOutWithWhy(QualityRule rule, String why) {
        DqdlRuleset ruleset = DqdlRuleset.of(product(List.of(column("country", "string", rule)), List.of()));
        assertThat(ruleset.rules()).isEmpty();
        assertThat(ruleset.isEmpty()).isTrue();
        assertThat(ruleset.unmapped()).singleElement().asString().startsWith("country: " + rule.metric().odcs()).contains(why);
    }

    @Test
    void aRowCountInPercentIsLeftOut() {
        DqdlRuleset ruleset = DqdlRuleset.of(product(List.of(column("id", "string")),
                List.of(rule(Metric.ROW_COUNT, "mustBeGreaterThan", true, 5))));
        assertThat(ruleset.unmapped()).singleElement().asString().contains("not a percentage");
    }

    @Test
    void theDocumentIsTheRulesListGlueStores() {
        var id = new ContractColumn("order_id", "string", "", Map.of(), true, true, true, List.of(), Optional.empty());
        DqdlRuleset ruleset = DqdlRuleset.of(product(List.of(id), List.of(rule(Metric.ROW_COUNT, "mustBeGreaterThan", false, 0))));
        assertThat(ruleset.text()).isEqualTo("Rules = [\n    IsPrimaryKey \"order_id\",\n    RowCount > 0\n]");
    }

    @Test
    void aProductWithoutConstraintsOrRulesHasNoRuleset() {
        assertThat(DqdlRuleset.of(product(List.of(column("id", "string")), List.of())).isEmpty()).isTrue();
    }

    private static QualityRule rule(Metric metric, String operator, boolean percent, double... operands) {
        return new QualityRule(metric, bound(operator, operands), percent, List.of(), "", List.of());
    }

    private static QualityRule.Bound bound(String operator, double... operands) {
        return new QualityRule.Bound(operator, Arrays.stream(operands).mapToObj(d -> BigDecimal.valueOf(d).stripTrailingZeros()).toList());
    }

    private static ContractColumn column(String name, String type, QualityRule... rules) {
        return new ContractColumn(name, type, "", Map.of(), false, false, false, List.of(rules), Optional.empty());
    }

    private static DataProduct product(List<ContractColumn> columns, List<QualityRule> quality) {
        return new DataProduct("orders", "", "csv", "orders/", Map.of(), columns, quality, Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
