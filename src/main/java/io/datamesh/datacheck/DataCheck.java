package io.datamesh.datacheck;

import io.datamesh.config.ContractColumn;
import io.datamesh.config.ControlCharacters;
import io.datamesh.config.DataProduct;
import io.datamesh.config.QualityRule;
import io.datamesh.config.SampleData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a producer's sample files against their data products' contracts before they are
 * uploaded: every declared column present and of its type, {@code required} without nulls,
 * {@code unique}/{@code primaryKey} without duplicates, the ODCS library quality rules, and no
 * column the contract does not declare. docs/check-data.md lists the checks and the rule mapping.
 */
public final class DataCheck {
    /** How many offending rows a failure shows: enough to find the pattern, few enough to read. */
    public static final int SHOWN_ROWS = 3;
    private static final int SHOWN_VALUE_LENGTH = 40;

    private DataCheck() {
    }

    /**
     * One row a check found.
     *
     * @param row   its 1-based number among the file's data rows (CSV: line {@code row + 1} when no
     *              quoted value spans lines; JSON lines: its line)
     * @param value the value as the file has it, or null
     */
    public record Offender(Path file, long row, String value) {
    }

    /**
     * One check that failed.
     *
     * @param file   the file, or the product's directory when the rows come from several files
     * @param column the column, or empty for a file- or table-level check
     * @param rule   the contract rule or check, e.g. {@code required}, {@code quality nullValues mustBe 0}
     */
    public record Failure(Path file, String column, String rule, String message, List<Offender> rows) {
        public Failure {
            rows = List.copyOf(rows);
        }

        /** One printable line: control characters of the data shown as U+0000, long values cut. */
        public String line(Path projectDir) {
            StringBuilder line = new StringBuilder(shown(projectDir, file)).append(": ");
            if (!column.isEmpty()) {
                line.append(ControlCharacters.visible(column)).append(": ");
            }
            line.append(rule).append(": ").append(message);
            if (!rows.isEmpty()) {
                line.append(": ").append(rows.stream().map(o -> "row " + o.row() + " " + value(o.value())
                        + (o.file().equals(file) ? "" : " (" + o.file().getFileName() + ")")).collect(Collectors.joining(", ")));
            }
            return line.toString();
        }

        private static String value(String value) {
            if (value == null) {
                return "null";
            }
            String cut = value.length() > SHOWN_VALUE_LENGTH ? value.substring(0, SHOWN_VALUE_LENGTH) + "…" : value;
            return "'" + ControlCharacters.visible(cut) + "'";
        }
    }

    /**
     * What was checked and what failed.
     *
     * @param files the number of files read
     */
    public record Report(int files, List<Failure> failures) {
        public Report {
            failures = List.copyOf(failures);
        }
    }

    /** A path as the user wrote it: relative to the project when inside it. */
    public static String shown(Path projectDir, Path file) {
        Path root = projectDir.toAbsolutePath().normalize();
        Path path = file.toAbsolutePath().normalize();
        return (path.startsWith(root) ? root.relativize(path) : path).toString().replace('\\', '/');
    }

    /**
     * Checks the files of {@code uploads}. DuckDB starts only when there is a file to read: it costs
     * about a second to load, which a stack without sample data must not pay.
     */
    public static Report check(Path projectDir, List<SampleData.Upload> uploads) {
        List<SampleData.Upload> withFiles = uploads.stream().filter(u -> !u.files().isEmpty()).toList();
        if (withFiles.isEmpty()) {
            return new Report(0, List.of());
        }
        List<Failure> failures = new ArrayList<>();
        int files = 0;
        try (SampleTables tables = SampleTables.open(projectDir)) {
            for (SampleData.Upload upload : withFiles) {
                failures.addAll(check(tables, upload));
                files += upload.files().size();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not start: " + SampleTables.firstLine(e), e);
        }
        return new Report(files, failures);
    }

    private static List<Failure> check(SampleTables tables, SampleData.Upload upload) throws SQLException {
        DataProduct product = upload.product();
        List<String> declared = product.columns().stream().map(ContractColumn::name).toList();
        List<Failure> failures = new ArrayList<>();
        List<SampleTables.Loaded> complete = new ArrayList<>();
        for (Path file : upload.files()) {
            Optional<SampleTables.Loaded> loaded;
            try {
                loaded = Optional.of(tables.load(file, product.format(), declared));
            } catch (SQLException e) {
                failures.add(new Failure(file, "", "readable as " + product.format(), SampleTables.firstLine(e), List.of()));
                loaded = Optional.empty();
            }
            loaded.ifPresent(l -> {
                failures.addAll(columnsOf(l, declared, product.format()));
                if (l.columns().containsAll(declared)) {
                    complete.add(l);
                }
            });
        }
        if (complete.isEmpty()) {
            return failures;
        }
        var rows = tables.union(complete, declared);
        Path where = complete.size() == 1 ? complete.get(0).file() : upload.directory();
        Values values = new Values(rows, where);
        for (ContractColumn column : product.columns()) {
            failures.addAll(values.column(column));
        }
        for (QualityRule rule : product.quality()) {
            values.table(rule, product.columns()).ifPresent(failures::add);
        }
        return failures;
    }

    /** Missing and undeclared columns, and, for CSV, the order: Athena reads CSV columns by position, not by header. */
    private static List<Failure> columnsOf(SampleTables.Loaded loaded, List<String> declared, String format) {
        List<Failure> failures = new ArrayList<>();
        declared.stream().filter(c -> !loaded.columns().contains(c)).forEach(c -> failures.add(new Failure(loaded.file(), c,
                "present", "declared in the contract, not in the file", List.of())));
        loaded.columns().stream().filter(c -> !declared.contains(c)).forEach(c -> failures.add(new Failure(loaded.file(), c,
                "declared", "in the file, not in the contract: declare it (and tag it if it is personal) or remove it",
                List.of())));
        if (format.equals("csv") && failures.isEmpty() && !loaded.columns().equals(declared)) {
            failures.add(new Failure(loaded.file(), "", "column order", "the header is " + loaded.columns()
                    + " but the contract declares " + declared + "; Athena reads CSV columns by position, so each"
                    + " value would land in another column", List.of()));
        }
        return failures;
    }

    /** The checks of the values, over the rows of every complete file of one product. */
    private record Values(SampleTables.Rows rows, Path where) {
        List<Failure> column(ContractColumn column) throws SQLException {
            List<Failure> failures = new ArrayList<>();
            String c = SampleTables.identifier(column.name());
            DuckDbType type = DuckDbType.of(column.type());
            if (type.constrains()) {
                found(column.name(), "type " + type.glue(), "value(s) not of type " + type.glue(),
                        rows.matching(c, "WHERE " + c + " IS NOT NULL AND " + type.misfit(c), List.of()))
                        .ifPresent(failures::add);
            }
            if (column.required() || column.primaryKey()) {
                found(column.name(), column.primaryKey() ? "primaryKey" : "required", "null or empty value(s)",
                        rows.matching(c, "WHERE " + c + " IS NULL", List.of())).ifPresent(failures::add);
            }
            if (column.unique() || column.primaryKey()) {
                String key = type.typed(c);
                found(column.name(), column.primaryKey() ? "primaryKey" : "unique", "row(s) share a value with another row",
                        rows.matching(c, "WHERE " + key + " IS NOT NULL QUALIFY count(*) OVER (PARTITION BY " + key + ") > 1",
                                List.of())).ifPresent(failures::add);
            }
            for (QualityRule rule : column.quality()) {
                quality(rule, column.name(), c, type).ifPresent(failures::add);
            }
            return failures;
        }

        private Optional<Failure> found(String column, String rule, String what, SampleTables.Matches matches) {
            return matches.count() == 0 ? Optional.empty()
                    : Optional.of(new Failure(fileOf(matches.rows()), column, rule, matches.count() + " " + what, matches.rows()));
        }

        private Optional<Failure> quality(QualityRule rule, String column, String c, DuckDbType type) throws SQLException {
            List<String> params = new ArrayList<>();
            String condition = switch (rule.metric()) {
                case NULL_VALUES -> c + " IS NULL";
                case MISSING_VALUES -> {
                    params.addAll(rule.values());
                    yield c + " IS NULL" + (rule.values().isEmpty() ? "" : " OR " + c + " IN (" + placeholders(rule.values().size(), "?") + ")");
                }
                case INVALID_VALUES -> {
                    List<String> valid = new ArrayList<>();
                    if (!rule.values().isEmpty()) {
                        params.addAll(rule.values());
                        valid.add(type.typed(c) + " IN (" + placeholders(rule.values().size(), type.typed("?")) + ")");
                    }
                    if (!rule.pattern().isEmpty()) {
                        params.add(rule.pattern());
                        valid.add("regexp_full_match(" + c + ", ?)");
                    }
                    yield c + " IS NOT NULL AND NOT coalesce(" + String.join(" AND ", valid) + ", false)";
                }
                case DUPLICATE_VALUES -> type.typed(c) + " IS NOT NULL QUALIFY count(*) OVER (PARTITION BY " + type.typed(c) + ") > 1";
                case ROW_COUNT -> throw new IllegalStateException("rowCount is a table-level metric");
            };
            SampleTables.Matches matches;
            try {
                matches = rows.matching(c, "WHERE " + condition, params);
            } catch (SQLException e) {
                return Optional.of(new Failure(where, column, rule(rule), "cannot be evaluated: " + SampleTables.firstLine(e), List.of()));
            }
            long count = rule.metric() == QualityRule.Metric.DUPLICATE_VALUES
                    ? rows.count(type.typed(c)) - rows.distinct(List.of(type.typed(c)))
                    : matches.count();
            return bounded(rule, column, count, matches.rows());
        }

        Optional<Failure> table(QualityRule rule, List<ContractColumn> columns) throws SQLException {
            return switch (rule.metric()) {
                case ROW_COUNT -> bounded(rule, "", rows.count(""), List.of());
                case DUPLICATE_VALUES -> {
                    List<String> keys = rule.columns().stream().map(name -> DuckDbType.of(columns.stream()
                            .filter(col -> col.name().equals(name)).findFirst().orElseThrow().type())
                            .typed(SampleTables.identifier(name))).toList();
                    String key = String.join(", ", keys);
                    var matches = rows.matching("concat_ws(', ', " + rule.columns().stream().map(SampleTables::identifier)
                            .collect(Collectors.joining(", ")) + ")", "QUALIFY count(*) OVER (PARTITION BY " + key + ") > 1", List.of());
                    yield bounded(rule, String.join("+", rule.columns()), rows.count("") - rows.distinct(keys), matches.rows());
                }
                default -> throw new IllegalStateException(rule.metric().odcs() + " is a property-level metric");
            };
        }

        private Optional<Failure> bounded(QualityRule rule, String column, long count, List<Offender> offenders)
                throws SQLException {
            BigDecimal measured = BigDecimal.valueOf(count);
            String unit = " row(s)";
            if (rule.percent()) {
                long total = rows.total();
                measured = total == 0 ? BigDecimal.ZERO
                        : measured.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
                unit = "% of " + total + " row(s)";
            }
            if (rule.bound().holds(measured)) {
                return Optional.empty();
            }
            return Optional.of(new Failure(offenders.isEmpty() ? where : fileOf(offenders), column, rule(rule),
                    rule.metric().odcs() + " is " + measured.toPlainString() + unit, offenders));
        }

        private Path fileOf(List<Offender> offenders) {
            return offenders.stream().map(Offender::file).distinct().count() == 1 ? offenders.get(0).file() : where;
        }
    }

    private static String rule(QualityRule rule) {
        return "quality " + rule.metric().odcs() + " " + rule.bound() + (rule.percent() ? " percent" : "");
    }

    private static String placeholders(int count, String placeholder) {
        return String.join(", ", Collections.nCopies(count, placeholder));
    }
}
