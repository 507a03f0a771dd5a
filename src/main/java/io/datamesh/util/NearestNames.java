package io.datamesh.util;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The valid names nearest to a mistyped one, for messages that say what was probably meant. */
public final class NearestNames {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private NearestNames() {
    }

    /** Up to {@code limit} valid names, nearest first (ties in name order); case does not count. */
    public static List<String> nearest(String given, Collection<String> valid, int limit) {
        return valid.stream()
                .sorted(Comparator.comparingInt((String v) -> distance(given, v)).thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
    }

    /** The one valid name close enough to be a typo of {@code given}: a third of its letters wrong, or a prefix. */
    public static Optional<String> likelyMeant(String given, Collection<String> valid) {
        return nearest(given, valid, 1).stream().filter(v -> distance(given, v) <= Math.max(2, given.length() / 3)
                || v.toLowerCase(Locale.ROOT).startsWith(given.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Levenshtein distance, case aside. */
    public static int distance(String a, String b) {
        return DISTANCE.apply(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    }
}
