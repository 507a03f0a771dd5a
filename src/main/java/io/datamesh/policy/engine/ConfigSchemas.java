package io.datamesh.policy.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies a rule's schema defaults and validates its config against the schema it advertises. */
public final class ConfigSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private ConfigSchemas() {
    }

    /** Schema of a list-of-strings property (allow-lists, required keys). */
    public static Map<String, Object> stringList(String description, List<String> defaults) {
        return Map.of("type", "array", "items", Map.of("type", "string"), "default", defaults, "description", description);
    }

    /** The schema the engine validates with: an object of the rule's properties. */
    public static Map<String, Object> objectSchema(Rule rule) {
        return Map.of("type", "object", "properties", rule.configSchema());
    }

    public static Map<String, Object> withDefaults(Rule rule, Map<String, Object> given) {
        Map<String, Object> merged = new LinkedHashMap<>();
        rule.configSchema().forEach((key, schema) -> {
            if (schema.containsKey("default")) {
                merged.put(key, schema.get("default"));
            }
        });
        merged.putAll(given);
        return merged;
    }

    /** Human-readable schema errors; empty when valid. */
    public static List<String> validate(Rule rule, Map<String, Object> config) {
        var schema = FACTORY.getSchema(JSON.valueToTree(objectSchema(rule)));
        return schema.validate(JSON.valueToTree(config)).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
