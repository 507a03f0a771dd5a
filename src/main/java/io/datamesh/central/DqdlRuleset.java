package io.datamesh.central;

import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.config.QualityRule;
import io.datamesh.config.QualityRule.Bound;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The AWS Glue Data Quality ruleset (DQDL) a data product's contract gives: its constraints
 * ({@code primaryKey}, {@code required}, {@code unique}) and its ODCS library quality rules, each as
 * the DQDL rule that checks the same thing. A rule DQDL cannot say exactly is left out and named in
 * {@link #unmapped()}, never approximated. docs/contracts.md has the mapping table.
 *
 * <p>DQDL facts relied on (AWS Glue developer guide, "DQDL reference" and its rule type pages; the
 * grammar and evaluator in awslabs/dqdl): {@code between} excludes both ends (NumberBasedCondition),
 * so ODCS's inclusive ranges are written as two comparisons; {@code ColumnValues ... in [...]} fails
 * NULL rows unless NULL is listed; a {@code where} clause limits a rule to the rows it selects;
 * {@code with threshold} is the fraction of rows that must pass; inside a quoted string only
 * {@code \"} and {@code \\} are escapes (CommonLexerRules.g4).
 *
 * @param rules    the DQDL rules, in contract order
 * @param unmapped each contract rule not in {@code rules}, with why
 */
public record DqdlRuleset(List<String> rules, List<String> unmapped) {
    public DqdlRuleset {
        rules = List.copyOf(rules);
        unmapped = List.copyOf(unmapped);
    }

    public static DqdlRuleset of(DataProduct product) {
        var rules = new LinkedHashSet<String>();
        List<String> unmapped = new ArrayList<>();
        List<String> primaryKey = product.columns().stream().filter(ContractColumn::primaryKey)
                .map(ContractColumn::name).toList();
        if (!primaryKey.isEmpty()) {
            rules.add("IsPrimaryKey " + columns(primaryKey));
        }
        for (ContractColumn column : product.columns()) {
            boolean soleKey = primaryKey.equals(List.of(column.name()));
            // IsPrimaryKey checks completeness of every key column and uniqueness of the key.
            if (column.required() && !column.primaryKey()) {
                rules.add("IsComplete " + quoted(column.name()));
            }
            if (column.unique() && !soleKey) {
                rules.add("IsUnique " + quoted(column.name()));
            }
            for (QualityRule rule : column.quality()) {
                columnRule(column, rule).ifPresentOrElse(rules::add, () -> unmapped.add(column.name() + ": "
                        + describe(rule) + " — " + whyNot(rule)));
            }
        }
        for (QualityRule rule : product.quality()) {
            tableRule(rule).ifPresentOrElse(rules::add, () -> unmapped.add(product.name() + ": " + describe(rule)
                    + " — " + whyNot(rule)));
        }
        return new DqdlRuleset(List.copyOf(rules), unmapped);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The DQDL document Glue stores: {@code Rules = [ ... ]}. */
    public String text() {
        return rules.stream().map(r -> "    " + r).collect(Collectors.joining(",\n", "Rules = [\n", "\n]"));
    }

    private static Optional<String> tableRule(QualityRule rule) {
        return switch (rule.metric()) {
            case ROW_COUNT -> rule.percent() ? Optional.empty() : Optional.of(compared("RowCount", rule.bound()));
            case DUPLICATE_VALUES -> onlyZero(rule) ? Optional.of("IsUnique " + columns(rule.columns())) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> columnRule(ContractColumn column, QualityRule rule) {
        String name = quoted(column.name());
        return switch (rule.metric()) {
            case NULL_VALUES -> onlyZero(rule) ? Optional.of("IsComplete " + name)
                    : rule.percent() ? Optional.of(compared("Completeness " + name, passing(rule.bound()))) : Optional.empty();
            case DUPLICATE_VALUES -> onlyZero(rule) ? Optional.of("IsUnique " + name) : Optional.empty();
            case MISSING_VALUES -> thresholded(rule, "ColumnValues " + name + " not in " + missing(rule.values()));
            case INVALID_VALUES -> validValues(column, rule).flatMap(condition -> thresholded(rule, condition));
            default -> Optional.empty();
        };
    }

    /**
     * The rows an invalidValues rule accepts. Nulls are not invalid (nullValues counts them): NULL
     * is listed, or the pattern applies to the rows that have a value.
     */
    private static Optional<String> validValues(ContractColumn column, QualityRule rule) {
        String name = quoted(column.name());
        if (!rule.values().isEmpty() && !rule.pattern().isEmpty()) {
            return Optional.empty();
        }
        if (!rule.pattern().isEmpty()) {
            return Optional.of("ColumnValues " + name + " matches " + quoted(rule.pattern()) + " where "
                    + quoted(column.name() + " is not null"));
        }
        boolean numbers = !isText(column.type()) && rule.values().stream().allMatch(DqdlRuleset::isNumber);
        Function<String, String> value = numbers ? v -> new BigDecimal(v).toPlainString() : DqdlRuleset::quoted;
        return Optional.of("ColumnValues " + name + " in [" + rule.values().stream().map(value)
                .collect(Collectors.joining(", ")) + ", NULL]");
    }

    /**
     * A ColumnValues condition: with no exception allowed as it is, else with the share of rows that
     * must pass. A bound in rows other than zero has no DQDL form: a threshold is a fraction.
     */
    private static Optional<String> thresholded(QualityRule rule, String condition) {
        if (onlyZero(rule)) {
            return Optional.of(condition);
        }
        Bound passing = passing(rule.bound());
        if (!rule.percent() || passing.operands().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(condition + " with threshold " + comparison(passing.operator()) + " "
                + passing.operands().get(0).toPlainString());
    }

    /** Nulls are always missing; an empty string is DQDL's EMPTY. */
    private static String missing(List<String> values) {
        var listed = new LinkedHashSet<String>();
        listed.add("NULL");
        values.forEach(v -> listed.add(v.isEmpty() ? "EMPTY" : quoted(v)));
        return listed.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Whether a count in rows must be zero: the bound holds for 0 and not for 1. Every operator
     * but the negated ones bounds an interval, so no larger count passes either.
     */
    private static boolean onlyZero(QualityRule rule) {
        Bound bound = rule.bound();
        return !rule.percent() && !bound.operator().startsWith("mustNot") && bound.holds(BigDecimal.ZERO)
                && !bound.holds(BigDecimal.ONE);
    }

    /** A bound on the percentage of failing rows as the same bound on the fraction of passing ones. */
    private static Bound passing(Bound failingPercent) {
        List<BigDecimal> fractions = failingPercent.operands().stream()
                .map(p -> BigDecimal.ONE.subtract(p.movePointLeft(2)).stripTrailingZeros()).toList();
        String operator = switch (failingPercent.operator()) {
            case "mustBeGreaterThan" -> "mustBeLessThan";
            case "mustBeGreaterOrEqualTo" -> "mustBeLessOrEqualTo";
            case "mustBeLessThan" -> "mustBeGreaterThan";
            case "mustBeLessOrEqualTo" -> "mustBeGreaterOrEqualTo";
            default -> failingPercent.operator();
        };
        return new Bound(operator, fractions.size() == 2 ? List.of(fractions.get(1), fractions.get(0)) : fractions);
    }

    /** One rule comparing a metric; ODCS's inclusive ranges as two comparisons joined by and/or. */
    private static String compared(String metric, Bound bound) {
        List<String> operands = bound.operands().stream().map(BigDecimal::toPlainString).toList();
        return switch (bound.operator()) {
            case "mustBeBetween" -> "(" + metric + " >= " + operands.get(0) + ") and (" + metric + " <= " + operands.get(1) + ")";
            case "mustNotBeBetween" -> "(" + metric + " < " + operands.get(0) + ") or (" + metric + " > " + operands.get(1) + ")";
            default -> metric + " " + comparison(bound.operator()) + " " + operands.get(0);
        };
    }

    private static String comparison(String operator) {
        return switch (operator) {
            case "mustBe" -> "=";
            case "mustNotBe" -> "!=";
            case "mustBeGreaterThan" -> ">";
            case "mustBeGreaterOrEqualTo" -> ">=";
            case "mustBeLessThan" -> "<";
            case "mustBeLessOrEqualTo" -> "<=";
            default -> throw new IllegalArgumentException("no single DQDL comparison for " + operator);
        };
    }

    private static String whyNot(QualityRule rule) {
        if (rule.metric() == QualityRule.Metric.INVALID_VALUES && !rule.values().isEmpty() && !rule.pattern().isEmpty()) {
            return "validValues and pattern together accept a row matching either; DQDL combines two rules over the"
                    + " whole column, not row by row";
        }
        if (rule.metric() == QualityRule.Metric.DUPLICATE_VALUES) {
            return "only a bound of zero duplicates maps (IsUnique); DQDL's Uniqueness counts values occurring exactly"
                    + " once, not ODCS's duplicate count";
        }
        if (rule.metric() == QualityRule.Metric.ROW_COUNT) {
            return "a row count is a number of rows, not a percentage";
        }
        return rule.percent() ? "a range on a threshold has no DQDL form (with threshold takes one comparison)"
                : "a count of rows other than zero has no DQDL form (DQDL bounds the fraction of rows); use unit: percent";
    }

    private static String describe(QualityRule rule) {
        return rule.metric().odcs() + " " + rule.bound() + (rule.percent() ? " percent" : "");
    }

    private static String columns(List<String> names) {
        return names.stream().map(DqdlRuleset::quoted).collect(Collectors.joining(" "));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isText(String glueType) {
        return glueType.equals("string") || glueType.startsWith("char(") || glueType.startsWith("varchar(");
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
