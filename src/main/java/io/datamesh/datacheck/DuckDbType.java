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

    /** The SQL that is true for a (non-null) text value {@code column} that is not of this type. */
    String misfit(String column) {
        return sql.isEmpty() ? "length(" + column + ") > " + maxLength.orElseThrow()
                : "TRY_CAST(" + column + " AS " + sql + ") IS NULL";
    }

    /** {@code column} as a value of this type, so '01' and '1' of an int are one value for duplicates and valid values. */
    String typed(String column) {
        return sql.isEmpty() ? column : "TRY_CAST(" + column + " AS " + sql + ")";
    }
}
