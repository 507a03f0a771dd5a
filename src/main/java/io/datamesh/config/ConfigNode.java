package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A cursor over one config value that knows its full key path and records problems instead of
 * throwing, so that a single pass reports everything wrong with a stack file.
 */
final class ConfigNode {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String path;
    private final JsonNode node;
    private final List<ConfigProblem> problems;

    ConfigNode(String path, JsonNode node, List<ConfigProblem> problems) {
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    ConfigNode field(String name) {
        return new ConfigNode(path + "." + name, node.get(name), problems);
    }

    void problem(String message) {
        problems.add(new ConfigProblem(path, message));
    }

    Optional<String> optionalText() {
        if (!isPresent()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            problem("must be a single value");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    String text(String fallback) {
        return optionalText().orElse(fallback);
    }

    /** A required text value; reports its absence and returns "" so parsing can go on. */
    String requiredText() {
        if (!isPresent()) {
            problem("is required");
            return "";
        }
        return optionalText().orElse("");
    }

    String requiredName() {
        String value = requiredText();
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            problem("'" + value + "' must be lower-case letters, digits and '_', starting with a letter"
                    + " (Glue and Lake Formation names)");
        }
        return value;
    }

    String requiredAccountId() {
        String value = requiredText();
        if (!value.isEmpty() && !ACCOUNT_ID.matcher(value).matches()) {
            problem("'" + value + "' is not a 12-digit AWS account id (quote it in YAML so leading zeros survive)");
        }
        return value;
    }

    boolean bool(boolean fallback) {
        if (!isPresent()) {
            return fallback;
        }
        if (node.isBoolean() || (node.isTextual() && node.asText().matches("true|false"))) {
            return node.asBoolean();
        }
        problem("must be true or false, got '" + node.asText() + "'");
        return fallback;
    }

    long number(long fallback, long min, long max) {
        if (!isPresent()) {
            return fallback;
        }
        long value;
        try {
            value = node.isNumber() ? node.asLong() : Long.parseLong(node.asText().trim());
        } catch (NumberFormatException e) {
            problem("must be a whole number, got '" + node.asText() + "'");
            return fallback;
        }
        if (value < min || value > max) {
            problem("must be between " + min + " and " + max + ", got " + value);
            return fallback;
        }
        return value;
    }

    <T> T oneOf(Map<String, T> allowed, T fallback) {
        Optional<String> value = optionalText();
        if (value.isEmpty()) {
            return fallback;
        }
        T found = allowed.get(value.get());
        if (found == null) {
            problem("'" + value.get() + "' is not one of " + allowed.keySet());
            return fallback;
        }
        return found;
    }

    List<ConfigNode> elements() {
        if (!isPresent()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem("must be a list");
            return List.of();
        }
        List<ConfigNode> result = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            result.add(new ConfigNode(path + "[" + i + "]", node.get(i), problems));
        }
        return result;
    }

    List<String> texts() {
        return elements().stream().map(ConfigNode::requiredText).filter(s -> !s.isEmpty()).toList();
    }

    /** A list of values, or a single value standing for a list of one. */
    List<String> oneOrMoreTexts() {
        return node.isArray() ? texts() : optionalText().map(List::of).orElse(List.of());
    }

    <T> List<T> list(Function<ConfigNode, T> element) {
        return elements().stream().map(element).toList();
    }

    /** An object read as name → child, in file order. */
    Map<String, ConfigNode> entries() {
        Map<String, ConfigNode> result = new LinkedHashMap<>();
        if (!isPresent()) {
            return result;
        }
        if (!node.isObject()) {
            problem("must be a map");
            return result;
        }
        node.fields().forEachRemaining(e -> result.put(e.getKey(),
                new ConfigNode(path + "." + e.getKey(), e.getValue(), problems)));
        return result;
    }

    /** Reports every field of this object that is not one of {@code known}: a misspelt key would silently read as its default. */
    void allowOnlyFields(java.util.Set<String> known) {
        entries().keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> field(k)
                .problem("is not a setting here (known: " + known.stream().sorted().toList() + ")"));
    }

    /** A map of LF-tag key → single value, as assigned to a database, table or column. */
    Map<String, String> tagAssignments() {
        Map<String, String> result = new LinkedHashMap<>();
        entries().forEach((key, value) -> value.optionalText().ifPresent(v -> result.put(key, v)));
        return result;
    }

    /** Reports every value that occurs more than once among names taken from sibling entries. */
    static void requireUnique(ConfigNode list, List<String> names, String what) {
        var seen = new java.util.HashSet<String>();
        for (String name : names) {
            if (!name.isEmpty() && !seen.add(name)) {
                list.problem("duplicate " + what + " '" + name + "'");
            }
        }
    }
}
