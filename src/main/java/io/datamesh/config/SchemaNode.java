package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One place in the stack-config schemas ({@code src/main/resources/io/datamesh/config/schema}),
 * with {@code $ref}s followed: what the messages and docs/configuration.md's tables read from the
 * schema beyond what the validator reports.
 *
 * @param file the schema file, e.g. {@code central.schema.json}
 */
record SchemaNode(String file, JsonNode node) {
    static final String DIRECTORY = "io/datamesh/config/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    static SchemaNode root(String file) {
        return new SchemaNode(file, FILES.computeIfAbsent(file, SchemaNode::load));
    }

    /** The node at a JSON pointer of a schema file, as a validator's schema location names it. */
    static SchemaNode at(String file, String pointer) {
        return new SchemaNode(file, root(file).node.at(pointer));
    }

    /** This node with its {@code $ref} followed, until it is no reference. */
    SchemaNode resolved() {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return this;
        }
        String[] target = ref.asText().split("#", 2);
        String file = target[0].isEmpty() ? this.file : target[0];
        SchemaNode referenced = at(file, target.length > 1 ? target[1] : "").resolved();
        if (node.size() == 1) {
            return referenced;
        }
        // Since draft 2019-09 the keywords beside a $ref apply too: a default or description there wins.
        ObjectNode merged = referenced.node.deepCopy();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$ref")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return new SchemaNode(referenced.file, merged);
    }

    SchemaNode get(String keyword) {
        JsonNode child = node.get(keyword);
        return new SchemaNode(file, child == null ? MissingNode.getInstance() : child);
    }

    /** The declared properties, those of {@code allOf} parts first, each resolved. */
    Map<String, SchemaNode> properties() {
        Map<String, SchemaNode> properties = new LinkedHashMap<>();
        SchemaNode self = resolved();
        self.get("allOf").node.forEach(part -> properties.putAll(new SchemaNode(self.file, part).properties()));
        self.get("properties").node.fields().forEachRemaining(e ->
                properties.put(e.getKey(), new SchemaNode(self.file, e.getValue()).resolved()));
        return properties;
    }

    /**
     * The schema's own message for a failed keyword ({@code errorMessage.<keyword>}), if it has one;
     * {@code required} is looked up on the missing property's schema.
     */
    Optional<String> errorMessage(String keyword) {
        return Optional.ofNullable(node.path("errorMessage").get(keyword)).map(JsonNode::asText);
    }

    Optional<String> text(String keyword) {
        return Optional.ofNullable(node.get(keyword)).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    private static JsonNode load(String file) {
        try (InputStream in = SchemaNode.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + DIRECTORY + file + " on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
