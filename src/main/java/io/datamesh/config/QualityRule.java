package io.datamesh.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One ODCS library quality rule ({@code quality[]} of a schema object or property, {@code type:
 * library}): a metric counted over the data and the bound it must meet. The other rule types
 * ({@code text}, {@code sql}, {@code custom}) are not executable here; docs/contracts.md says why.
 *
 * @param metric    what is counted
 * @param bound     the comparison the count must satisfy
 * @param percent   whether the count is a percentage of the rows (ODCS {@code unit: percent}) rather than rows
 * @param values    {@code arguments.validValues} of invalidValues, {@code arguments.missingValues} of missingValues
 * @param pattern   {@code arguments.pattern} of invalidValues, or empty
 * @param columns   {@code arguments.properties} of a table-level duplicateValues
 */
public record QualityRule(Metric metric, Bound bound, boolean percent, List<String> values, String pattern,
                          List<String> columns) {
    public QualityRule {
        values = List.copyOf(values);
        columns = List.copyOf(columns);
    }

    /** The ODCS v3.1.0 library metrics, by their spelling in a contract. */
    public enum Metric {
        ROW_COUNT("rowCount"), NULL_VALUES("nullValues"), MISSING_VALUES("missingValues"),
        INVALID_VALUES("invalidValues"), DUPLICATE_VALUES("duplicateValues");

        private final String odcs;

        Metric(String odcs) {
            this.odcs = odcs;
        }

        public String odcs() {
            return odcs;
        }
    }

    /**
     * An ODCS comparison operator ({@code mustBe}, {@code mustBeBetween}, …) with its operand(s).
     *
     * @param operator the ODCS key, e.g. {@code mustBeLessThan}
     * @param operands one number, or two for the between operators
     */
    public record Bound(String operator, List<BigDecimal> operands) {
        public static final List<String> OPERATORS = List.of("mustBe", "mustNotBe", "mustBeGreaterThan",
                "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween");

        public Bound {
            operands = List.copyOf(operands);
        }

        public boolean holds(BigDecimal actual) {
            BigDecimal first = operands.get(0);
            return switch (operator) {
                case "mustBe" -> actual.compareTo(first) == 0;
                case "mustNotBe" -> actual.compareTo(first) != 0;
                case "mustBeGreaterThan" -> actual.compareTo(first) > 0;
                case "mustBeGreaterOrEqualTo" -> actual.compareTo(first) >= 0;
                case "mustBeLessThan" -> actual.compareTo(first) < 0;
                case "mustBeLessOrEqualTo" -> actual.compareTo(first) <= 0;
                case "mustBeBetween" -> actual.compareTo(first) >= 0 && actual.compareTo(operands.get(1)) <= 0;
                case "mustNotBeBetween" -> actual.compareTo(first) < 0 || actual.compareTo(operands.get(1)) > 0;
                default -> throw new IllegalStateException("unknown operator " + operator);
            };
        }

        @Override
        public String toString() {
            return operator + " " + (operands.size() == 1 ? operands.get(0).toPlainString()
                    : operands.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", ", "[", "]")));
        }
    }
}
