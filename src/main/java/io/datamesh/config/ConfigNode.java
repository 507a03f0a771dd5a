package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A cursor over one config value that knows its full key path and records problems instead of
 * throwing, so that a single pass reports everything wrong with a stack file. The schema has
 * already reported every value of the wrong shape: such a value reads as its fallback here.
 */
final class ConfigNode {
    private final String path;
    private final JsonNode node;
    private final List<ConfigProblem> problems;

    ConfigNode(String path, JsonNode node, List<ConfigProblem> problems) {
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
        this.problems = problems;
    }

    /** The full config key, e.g. {@code datamesh:grants[0].to}. */
    String key() {
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

    String text(String fallback) {
        return node.isValueNode() && !node.isNull() ? node.asText() : fallback;
    }

    boolean bool(boolean fallback) {
        return node.isBoolean() ? node.booleanValue() : fallback;
    }

    int number(int fallback) {
        return node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : fallback;
    }

    /** The enum constant named by this value (case aside: the schema holds the spelling). */
    <E extends Enum<E>> E oneOf(E fallback) {
        String value = text("");
        for (E e : fallback.getDeclaringClass().getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return fallback;
    }

    List<ConfigNode> elements() {
        List<ConfigNode> result = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                result.add(new ConfigNode(path + "[" + i + "]", node.get(i), problems));
            }
        }
        return result;
    }

    <T> List<T> list(Function<ConfigNode, T> element) {
        return elements().stream().map(element).toList();
    }

    List<String> texts() {
        return elements().stream().map(e -> e.text("")).filter(s -> !s.isEmpty()).toList();
    }

    /** A list of values, or a single value standing for a list of one. */
    List<String> oneOrMoreTexts() {
        return node.isArray() ? texts() : node.isTextual() ? List.of(node.asText()) : List.of();
    }

    /** An object read as name → child, in file order. */
    Map<String, ConfigNode> entries() {
        Map<String, ConfigNode> result = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> result.put(name, field(name)));
        }
        return result;
    }

    /** A map of LF-tag key → single value, as assigned to a database, table or column. */
    Map<String, String> tagAssignments() {
        Map<String, String> result = new LinkedHashMap<>();
        entries().forEach((key, value) -> {
            if (value.node.isTextual()) {
                result.put(key, value.node.asText());
            }
        });
        return result;
    }

    /** Reports every value that occurs more than once among names taken from sibling entries. */
    static void requireUnique(ConfigNode list, List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!name.isEmpty() && !seen.add(name)) {
                list.problem("duplicate " + what + " '" + name + "'");
            }
        }
    }
}
