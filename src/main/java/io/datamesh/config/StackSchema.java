package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The declared shape of a stack's configuration, one JSON Schema per role: types, required keys,
 * allowed values and known keys come from there; {@link StackConfigParser} keeps what relates one
 * value to another. Every schema failure becomes a {@link ConfigProblem} naming the config key.
 */
final class StackSchema {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private StackSchema() {
    }

    /** The schema file of a role; without a (known) role, the keys every stack has. */
    static String file(Optional<StackRole> role) {
        return role.map(r -> r.configValue() + ".schema.json").orElse("stack.schema.json");
    }

    /**
     * Validates {@code config} (keys without the {@code datamesh:} namespace), reporting every
     * problem. Pulumi hands top-level values over as strings and YAML reads an unquoted id as a
     * number, so a scalar that reads as the declared type counts as one: the returned copy holds
     * it converted, for the parser to read.
     */
    static ObjectNode validate(ObjectNode config, Optional<StackRole> role, List<ConfigProblem> problems) {
        String file = file(role);
        JsonSchema schema = SCHEMAS.computeIfAbsent(file, f -> FACTORY.getSchema(
                SchemaLocation.of("classpath:" + SchemaNode.DIRECTORY + f), CONFIG));
        ObjectNode document = config.deepCopy();
        Set<ValidationMessage> messages = schema.validate(document);
        // Each pass converts the scalars the previous one found mistyped; nested ones surface only then.
        for (int pass = 0; pass < 3 && convertAll(document, messages); pass++) {
            messages = schema.validate(document);
        }
        for (ValidationMessage m : messages) {
            problem(m).ifPresent(problems::add);
        }
        return document;
    }

    private static boolean convertAll(ObjectNode document, Set<ValidationMessage> messages) {
        boolean converted = false;
        for (ValidationMessage m : messages) {
            converted |= convert(document, m);
        }
        return converted;
    }

    /** Replaces a mistyped scalar by the declared type, where its text reads as one. */
    private static boolean convert(ObjectNode document, ValidationMessage m) {
        if (!m.getType().equals("type") || !m.getInstanceNode().isValueNode()) {
            return false;
        }
        Set<String> expected = types(keywordParent(m).get("type").node());
        String text = m.getInstanceNode().asText();
        JsonNode converted = null;
        if (expected.contains("string") && !m.getInstanceNode().isTextual()) {
            converted = TextNode.valueOf(text);
        } else if (expected.contains("integer") && text.trim().matches("-?\\d{1,18}")) {
            converted = JsonNodeFactory.instance.numberNode(Long.parseLong(text.trim()));
            converted = converted.canConvertToInt() ? JsonNodeFactory.instance.numberNode(converted.intValue()) : converted;
        } else if (expected.contains("boolean") && text.matches("true|false")) {
            converted = BooleanNode.valueOf(Boolean.parseBoolean(text));
        }
        if (converted == null) {
            return false;
        }
        replace(document, m.getInstanceLocation(), converted);
        return true;
    }

    private static void replace(ObjectNode document, JsonNodePath path, JsonNode value) {
        JsonNode parent = document;
        for (int i = 0; i < path.getNameCount() - 1; i++) {
            parent = path.getElement(i) instanceof Integer index ? parent.get(index) : parent.get(path.getName(i));
        }
        Object last = path.getElement(path.getNameCount() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static Optional<ConfigProblem> problem(ValidationMessage m) {
        String at = key(m.getInstanceLocation());
        SchemaNode parent = keywordParent(m);
        JsonNode value = m.getInstanceNode();
        String type = m.getType();
        return switch (type) {
            case "required" -> Optional.of(new ConfigProblem(child(at, m.getProperty()),
                    Optional.ofNullable(parent.properties().get(m.getProperty()))
                            .flatMap(p -> p.errorMessage("required")).orElse("is required")));
            case "additionalProperties", "unevaluatedProperties" -> {
                // A known key whose value failed elsewhere counts as unevaluated too: it is reported there.
                Set<String> known = parent.properties().keySet();
                yield known.contains(m.getProperty()) ? Optional.empty() : Optional.of(new ConfigProblem(
                        child(at, m.getProperty()), parent.errorMessage(type).orElse("is not a setting here")
                        + ConfigMessages.unknownKey(m.getProperty(), known, at.equals(StackConfigParser.NS))));
            }
            case "type" -> Optional.of(new ConfigProblem(at, ConfigMessages.wrongType(types(parent.get("type").node()), value)));
            case "minimum", "maximum" -> Optional.of(new ConfigProblem(at, ConfigMessages.outOfRange(
                    parent.text("minimum"), parent.text("maximum"), value.asText())));
            case "maxLength" -> Optional.of(new ConfigProblem(at, ConfigMessages.tooLong(
                    value.asText().codePointCount(0, value.asText().length()), parent.text("maxLength"),
                    parent.errorMessage("maxLength"))));
            default -> Optional.of(new ConfigProblem(at, parent.errorMessage(type)
                    .map(message -> message.replace("{value}", value.asText())
                            .replace("{allowed}", parent.get("enum").node().toString().replace(",", ", ")))
                    .orElseGet(() -> generic(m, parent))));
        };
    }

    /** For a keyword the schema words no message for: the validator's own, without its location. */
    private static String generic(ValidationMessage m, SchemaNode parent) {
        if (m.getType().equals("enum")) {
            return ConfigMessages.notOneOf(m.getInstanceNode().asText(), parent.get("enum").node());
        }
        return m.getMessage().substring(m.getMessage().indexOf(": ") + 2);
    }

    /** The schema object whose keyword failed: the message's schema location without the keyword. */
    private static SchemaNode keywordParent(ValidationMessage m) {
        String location = m.getSchemaLocation().toString();
        int hash = location.contains("#") ? location.indexOf('#') : location.length();
        String file = location.substring(location.lastIndexOf('/', hash) + 1, hash);
        String pointer = hash < location.length() ? location.substring(hash + 1) : "";
        return SchemaNode.at(file, pointer.substring(0, Math.max(0, pointer.lastIndexOf('/'))));
    }

    private static Set<String> types(JsonNode type) {
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (!type.isMissingNode()) {
            types.add(type.asText());
        }
        return Set.copyOf(types);
    }

    /** {@code $.grants[0].to} as the config key {@code datamesh:grants[0].to}. */
    private static String key(JsonNodePath path) {
        String legacy = path.toString();
        return StackConfigParser.NS + (legacy.startsWith("$.") ? legacy.substring(2) : legacy.substring(1));
    }

    private static String child(String key, String name) {
        return key.equals(StackConfigParser.NS) ? key + name : key + "." + name;
    }
}
