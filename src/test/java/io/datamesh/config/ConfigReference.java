package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The configuration tables of docs/configuration.md, written from the stack-config schemas: one table per schema file. */
final class ConfigReference {
    static final List<String> FILES = List.of("stack.schema.json", "domain.schema.json", "central.schema.json",
            "producer.schema.json", "consumer.schema.json");

    private ConfigReference() {
    }

    static String markdown() {
        StringBuilder out = new StringBuilder();
        for (String file : FILES) {
            SchemaNode schema = SchemaNode.root(file);
            List<String> rows = new ArrayList<>();
            rows(StackConfigParser.NS, schema.get("properties"), required(schema), rows);
            String parts = schema.node().has("allOf") ? ", and the keys of " + titles(schema.get("allOf").node()) : "";
            out.append("**").append(schema.text("title").orElseThrow()).append("** (`").append(file).append("`")
                    .append(parts).append("): ").append(schema.text("description").orElseThrow()).append("\n\n");
            if (!rows.isEmpty()) {
                out.append("| Key | Type | Default | Meaning |\n|---|---|---|---|\n");
                rows.forEach(r -> out.append(r).append('\n'));
                out.append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** One row per property, then rows for the properties of its map or of its list's maps. */
    private static void rows(String prefix, SchemaNode properties, Set<String> required, List<String> rows) {
        properties.node().fieldNames().forEachRemaining(name -> {
            SchemaNode declared = properties.get(name);
            SchemaNode property = declared.resolved();
            String key = prefix.equals(StackConfigParser.NS) ? prefix + name : prefix + "." + name;
            String description = declared.text("description").or(() -> property.text("description")).orElse("");
            String defaultValue = required.contains(name) ? "required"
                    : property.node().has("default") ? "`" + property.get("default").node().asText() + "`" : "";
            rows.add("| `" + key + "` | " + type(property) + " | " + defaultValue + " | " + description + " |");
            SchemaNode nested = property.node().has("items") ? property.get("items").resolved() : property;
            if (documented(nested)) {
                rows(key + (nested == property ? "" : "[]"), nested.get("properties"), required(nested), rows);
            }
        });
    }

    private static String type(SchemaNode s) {
        if (s.text("title").isPresent()) {
            return s.text("title").get();
        }
        if (s.node().has("enum")) {
            List<String> values = new ArrayList<>();
            s.get("enum").node().forEach(v -> values.add(v.isTextual() ? "`" + v.asText() + "`" : v.asText()));
            return "one of " + String.join(", ", values);
        }
        JsonNode type = s.get("type").node();
        if (type.isArray()) {
            List<String> alternatives = new ArrayList<>();
            type.forEach(t -> alternatives.add(t.asText().equals("array") ? "list of " + type(s.get("items").resolved())
                    : "text"));
            return String.join(" or ", alternatives);
        }
        return switch (type.asText()) {
            case "integer" -> "whole number" + range(s);
            case "boolean" -> "`true` or `false`";
            case "array" -> s.get("items").node().has("properties") || documented(s.get("items").resolved())
                    ? "list of maps" : "list of " + type(s.get("items").resolved());
            case "object" -> s.get("additionalProperties").node().isObject()
                    ? "map: key → " + type(s.get("additionalProperties").resolved())
                    : documented(s) ? "map" : "map: " + s.properties().keySet().stream().map(k -> "`" + k + "`")
                    .collect(Collectors.joining(", ")) + " → " + type(s.properties().values().iterator().next());
            default -> "text";
        };
    }

    private static String range(SchemaNode s) {
        var min = s.text("minimum");
        var max = s.text("maximum");
        return min.isPresent() && max.isPresent() ? " " + min.get() + "-" + max.get() : min.map(m -> " ≥ " + m).orElse("");
    }

    /** A map whose properties carry descriptions gets rows of its own; one whose keys are just names does not. */
    private static boolean documented(SchemaNode s) {
        var properties = s.get("properties");
        if (properties.node().isMissingNode()) {
            return false;
        }
        List<Boolean> described = new ArrayList<>();
        properties.node().forEach(p -> described.add(p.has("description")));
        return !described.isEmpty() && described.stream().allMatch(d -> d);
    }

    private static Set<String> required(SchemaNode s) {
        Set<String> names = new HashSet<>();
        s.get("required").node().forEach(n -> names.add(n.asText()));
        return names;
    }

    private static String titles(JsonNode allOf) {
        List<String> titles = new ArrayList<>();
        allOf.forEach(ref -> titles.add("*" + SchemaNode.root(ref.get("$ref").asText()).text("title").orElseThrow() + "*"));
        return String.join(" and ", titles);
    }
}
