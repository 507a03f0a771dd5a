package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** This field of every element of a list, in order. */
    List<ConfigNode> eachField(String name) {
        return elements().stream().map(e -> e.field(name)).toList();
    }

    /**
     * Reports every name given again, at the repeat, naming where it was first: {@code at.get(i)}
     * is where {@code names.get(i)} was read.
     */
    static void requireUnique(List<ConfigNode> at, List<String> names, String what) {
        requireUnique(at, names, what, "");
    }

    /** As {@link #requireUnique(List, List, String)}, saying why the names must differ. */
    static void requireUnique(List<ConfigNode> at, List<String> names, String what, String why) {
        Map<String, ConfigNode> first = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ConfigNode earlier = name.isEmpty() ? null : first.putIfAbsent(name, at.get(i));
            if (earlier != null) {
                at.get(i).problem("duplicate " + what + " '" + name + "' (also " + earlier.path + ")" + (why.isEmpty() ? "" : ": " + why));
            }
        }
    }

    /**
     * Every value listed twice in any list of plain values under this node (admins, permissions,
     * tag values, an analyst's domains, ...): a repeat is at best noise and at worst a typo of the
     * value that was meant.
     */
    void requireUniqueValues() {
        if (node.isArray() && elements().stream().allMatch(e -> e.node.isValueNode())) {
            requireUnique(elements(), elements().stream().map(e -> e.text("")).toList(), "value");
        }
        elements().forEach(ConfigNode::requireUniqueValues);
        entries().values().forEach(ConfigNode::requireUniqueValues);
    }
}
