package io.datamesh.datacheck;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DuckDB type a contract's Glue/Hive column type is checked as. Every value is read as text
 * and cast with {@code TRY_CAST}, so a value that does not fit is a finding, not a read error.
 * {@code char(n)}/{@code varchar(n)} are text with a length bound (Athena truncates nothing silently
 * in a check); {@code string} and {@code binary} accept any text, so they have no cast.
 *
 * @param sql       the DuckDB type to cast to, e.g. {@code DECIMAL(10,2)}; empty when any text fits
 * @param maxLength the length bound of char/varchar
 */
record DuckDbType(String glue, String sql, OptionalInt maxLength) {
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+)(?:,(\\d+))?\\)");
    private static final Pattern CHARS = Pattern.compile("(?:var)?char\\((\\d+)\\)");

    /** The contract types are validated by config/ColumnType before a check runs; anything else is a bug. */
    static DuckDbType of(String glueType) {
        String glue = glueType.toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher decimal = DECIMAL.matcher(glue);
        if (decimal.matches()) {
            return new DuckDbType(glue, "DECIMAL(" + decimal.group(1) + "," + (decimal.group(2) == null ? "0"
                    : decimal.group(2)) + ")", OptionalInt.empty());
        }
        Matcher chars = CHARS.matcher(glue);
        if (chars.matches()) {
            return new DuckDbType(glue, "", OptionalInt.of(Integer.parseInt(chars.group(1))));
        }
        String sql = switch (glue) {
            case "string", "binary" -> "";
            case "boolean" -> "BOOLEAN";
            case "tinyint" -> "TINYINT";
            case "smallint" -> "SMALLINT";
            case "int" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "float" -> "FLOAT";
            case "double" -> "DOUBLE";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP";
            default -> throw new IllegalArgumentException("not a validated column type: " + glueType);
        };
        return new DuckDbType(glue, sql, OptionalInt.empty());
    }

    /** Whether some text is not a value of this type. */
    boolean constrains() {
        return !sql.isEmpty() || maxLength.isPresent();
    }

    /**
     * The SQL that is true for a (non-null) text value {@code column} that is not of this type.
     * DuckDB's casts accept more than Hive's LazySimpleSerDe, which Athena reads CSV with and which
     * gives NULL for the rest: integers are plain digits there (DuckDB also takes ' 5 ', '1e3',
     * '1_000'), booleans only true/false (DuckDB also takes t, 1, yes). Those are held to Hive's form.
     */
    String misfit(String column) {
        if (sql.isEmpty()) {
            return "length(" + column + ") > " + maxLength.orElseThrow();
        }
        String hiveForm = switch (sql) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> " OR NOT regexp_full_match(" + column + ", '[+-]?[0-9]+')";
            case "BOOLEAN" -> " OR lower(" + column + ") NOT IN ('true', 'false')";
            default -> "";
        };
        return "TRY_CAST(" + column + " AS " + sql + ") IS NULL" + hiveForm;
    }

    /** {@code column} as a value of this type, so '01' and '1' of an int are one value for duplicates and valid values. */
    String typed(String column) {
        return sql.isEmpty() ? column : "TRY_CAST(" + column + " AS " + sql + ")";
    }
}
