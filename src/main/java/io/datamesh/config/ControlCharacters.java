package io.datamesh.config;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The C0 control characters and DEL. In a stack file they are invisible in review and a name that
 * differs from another only by one would still be granted on as a different resource; printed raw,
 * they would corrupt the one-line-per-problem report (or drive the terminal). So values carrying
 * them are refused, and every message shows them as {@code U+0000}.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }

    /** The distinct control characters of {@code text} other than {@code allowed}, as {@code U+0000, U+0007}. */
    static String in(String text, String allowed) {
        return text.chars().filter(c -> isControl(c) && allowed.indexOf(c) < 0).distinct()
                .mapToObj(ControlCharacters::codePoint).collect(Collectors.joining(", "));
    }

    /** {@code text} with every control character written as {@code U+0000}, safe to print on one line. */
    public static String visible(String text) {
        if (text.chars().noneMatch(ControlCharacters::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(isControl(c) ? codePoint(c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
