package io.datamesh.util;

import java.util.regex.Pattern;

/**
 * A value pasted into a printed command, so the command runs as printed in a POSIX shell whatever
 * the value holds: live names (tables, principals, ARNs) are not ours to trust.
 */
public final class ShellQuote {
    /** Characters no POSIX shell treats specially; a value of only these is printed as it is, for reading. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /** The value as one shell word: as it is when plain, else in single quotes with each {@code '} as {@code '\''}. */
    public static String quote(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
