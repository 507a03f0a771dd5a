package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamesh.util.NearestNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The wording of shape problems, the same for every key the schemas declare. */
final class ConfigMessages {
    private ConfigMessages() {
    }

    /** What follows "is not a setting …": the key probably meant, and every known one. */
    static String unknownKey(String given, Set<String> known, boolean topLevel) {
        String prefix = topLevel ? StackConfigParser.NS : "";
        return NearestNames.likelyMeant(given, known).map(k -> "; did you mean " + prefix + k + "?").orElse("")
                + " (known: " + known.stream().sorted().map(k -> prefix + k).toList() + ")";
    }

    static String wrongType(Set<String> expected, JsonNode value) {
        if (expected.contains("array")) {
            return "must be a list";
        }
        if (expected.contains("object")) {
            return "must be a map";
        }
        if (expected.contains("boolean")) {
            return "must be true or false, got '" + value.asText() + "'";
        }
        if (expected.contains("integer")) {
            return "must be a whole number, got '" + value.asText() + "'";
        }
        return "must be a single value";
    }

    static String outOfRange(Optional<String> min, Optional<String> max, String got) {
        if (min.isPresent() && max.isPresent()) {
            return "must be between " + min.get() + " and " + max.get() + ", got " + got;
        }
        return min.map(m -> "must be at least " + m).orElseGet(() -> "must be at most " + max.orElse("?")) + ", got " + got;
    }

    static String tooLong(int length, Optional<String> max, Optional<String> why) {
        return "is too long: " + length + " characters, at most " + max.orElse("?") + why.map(w -> " (" + w + ")").orElse("");
    }

    static String notOneOf(String given, JsonNode allowedValues) {
        List<String> allowed = new ArrayList<>();
        allowedValues.forEach(v -> allowed.add(v.asText()));
        return "'" + given + "' is not one of " + allowed.stream().sorted().toList()
                + NearestNames.likelyMeant(given, allowed).map(v -> "; did you mean " + v + "?").orElse("");
    }
}
