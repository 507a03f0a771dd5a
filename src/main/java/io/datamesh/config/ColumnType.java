package io.datamesh.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Glue/Hive column types a contract may declare, with the bounds of the parameterised ones as
 * Athena and Hive state them: Athena's "Data types in Amazon Athena"
 * (https://docs.aws.amazon.com/athena/latest/ug/data-types.html) for decimal ("The maximum value for
 * precision is 38") and char ("a specified length between 1 and 255"), Hive's "LanguageManual Types"
 * (https://hive.apache.org/docs/latest/languagemanual-types_27838462) for varchar ("between 1 and
 * 65535"). A type Glue stores but Athena cannot read would only fail at the first query.
 */
final class ColumnType {
    static final int MAX_DECIMAL_PRECISION = 38;
    static final int MAX_CHAR_LENGTH = 255;
    static final int MAX_VARCHAR_LENGTH = 65_535;

    private static final List<String> PRIMITIVES = List.of("string", "boolean", "tinyint", "smallint", "int", "bigint",
            "float", "double", "date", "timestamp", "binary");
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d{1,9})(?:,(\\d{1,9}))?\\)");
    private static final Pattern CHARS = Pattern.compile("(char|varchar)\\((\\d{1,9})\\)");
    private static final String KNOWN = "a Glue/Hive column type: " + String.join(", ", PRIMITIVES)
            + ", decimal(precision,scale), char(length) or varchar(length)";

    private ColumnType() {
    }

    /** What is wrong with {@code type}, if anything. */
    static Optional<String> problem(String type) {
        if (PRIMITIVES.contains(type)) {
            return Optional.empty();
        }
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            int precision = Integer.parseInt(decimal.group(1));
            int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
                return Optional.of("'" + type + "' has precision " + precision + ": Athena's decimal precision is 1 to "
                        + MAX_DECIMAL_PRECISION + " digits (Data types in Amazon Athena)");
            }
            return scale > precision ? Optional.of("'" + type + "' has scale " + scale + ": the digits after the point"
                    + " must be at most its precision " + precision + ", e.g. decimal(" + precision + "," + precision + ")")
                    : Optional.empty();
        }
        Matcher chars = CHARS.matcher(type);
        if (chars.matches()) {
            int length = Integer.parseInt(chars.group(2));
            boolean fixed = chars.group(1).equals("char");
            int max = fixed ? MAX_CHAR_LENGTH : MAX_VARCHAR_LENGTH;
            return length < 1 || length > max ? Optional.of("'" + type + "' has length " + length + ": " + chars.group(1)
                    + " lengths are 1 to " + max + (fixed ? " (Data types in Amazon Athena)" : " (Hive LanguageManual Types)"))
                    : Optional.empty();
        }
        if (type.matches("decimal\\W.*")) {
            return Optional.of("'" + type + "' is not a column type: write decimal(precision) or"
                    + " decimal(precision,scale), e.g. decimal(10,2)");
        }
        if (type.matches("(var)?char\\W.*")) {
            String name = type.startsWith("var") ? "varchar" : "char";
            return Optional.of("'" + type + "' is not a column type: write " + name + "(length), e.g. " + name + "(100)");
        }
        return Optional.of("'" + type + "' is not a column type; use " + KNOWN);
    }
}
