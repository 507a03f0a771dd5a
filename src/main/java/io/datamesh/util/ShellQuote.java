package io.datamesh.util;

import java.util.regex.Pattern;

/** Words for a POSIX shell, for the commands the CLI prints for a person to paste. */
public final class ShellQuote {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

    private ShellQuote() {
    }

    /**
     * The value as one shell word: unchanged when no shell would read anything into it, else in single
     * quotes, inside which only {@code '} itself needs care (closed, escaped, reopened: {@code '\''}).
     */
    public static String quote(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
