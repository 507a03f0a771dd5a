package io.datamesh.stackref;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import io.datamesh.lakeformation.TagExpression;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outputs of another stack of the mesh, read as plain values while the program runs, so that
 * resources can be planned from them (they are known at preview: they come from the backend).
 * Records that carry a format {@code version} are read only in the version this program knows.
 */
public final class StackOutputs {
    /** Outputs published before their format carried a version are in version 1. */
    private static final int UNVERSIONED = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule("datamesh-wire").addSerializer(TagExpression.class, new ExpressionWriter())
                    .addDeserializer(TagExpression.class, new ExpressionReader()));

    private final String stack;
    private final StackReference reference;

    public StackOutputs(String logicalName, String stack, Resource parent) {
        this.stack = stack;
        this.reference = new StackReference(logicalName, StackReferenceArgs.builder().name(stack).build(),
                CustomResourceOptions.builder().parent(parent).build());
    }

    public String stack() {
        return stack;
    }

    public <T> Optional<T> optional(String output, Class<T> type) {
        return optional(output, MAPPER.constructType(type));
    }

    public <T> Optional<T> optional(String output, JavaType type) {
        return raw(output).map(v -> convert(output, v, type));
    }

    /** A record with a format version, e.g. {@link QueryRoles}. */
    public <T> Optional<T> optionalVersioned(String output, Class<T> type, int version) {
        return optionalVersioned(output, type, version, version);
    }

    /**
     * A record in any format version from {@code oldest} to {@code version}, e.g. a
     * {@link ProducerOutput}: a newer version only added fields, which read as null from an older one.
     */
    public <T> Optional<T> optionalVersioned(String output, Class<T> type, int oldest, int version) {
        return raw(output).map(v -> convert(output, versioned("output '" + output + "'", v, oldest, version),
                MAPPER.constructType(type)));
    }

    /** A map of records with a format version each, e.g. the {@link DomainShare}s by domain. */
    public <T> Optional<Map<String, T>> optionalVersionedMap(String output, Class<T> type, int version) {
        return raw(output).map(v -> {
            if (!(v instanceof Map<?, ?> entries)) {
                return convert(output, v, mapOf(type));
            }
            var checked = new LinkedHashMap<Object, Object>();
            entries.forEach((key, entry) -> checked.put(key,
                    versioned("output '" + output + "' (entry '" + key + "')", entry, version, version)));
            return convert(output, checked, mapOf(type));
        });
    }

    private Optional<Object> raw(String output) {
        var details = reference.outputDetailsAsync(output).join();
        return details.getValue().or(details::getSecretValue);
    }

    private <T> T convert(String output, Object value, JavaType type) {
        try {
            return MAPPER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new RunException("output '" + output + "' of stack " + stack + " does not have the expected shape ("
                    + e.getMessage() + "); deploy that stack again with this version of the program.", e);
        }
    }

    /** The value when it is in a version this program reads, with the version it was read as. */
    private Object versioned(String what, Object value, int oldest, int version) {
        if (!(value instanceof Map<?, ?> fields)) {
            return value;
        }
        Object published = fields.get("version");
        // Numbers cross the engine as doubles: 1.0 is version 1, 1.5 is no version.
        int found = published == null ? UNVERSIONED
                : published instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : -1;
        if (found >= oldest && found <= version) {
            var withVersion = new LinkedHashMap<Object, Object>(fields);
            withVersion.put("version", found);
            return withVersion;
        }
        throw new RunException(what + " of stack " + stack + " is in format version "
                + (found < 0 ? "'" + published + "'" : found) + "; this program reads version "
                + (oldest == version ? "" : oldest + " to ") + version + ": "
                + (found > version ? "that stack was deployed by a newer version of the program; run this stack with it."
                : "deploy " + stack + " again with this version of the program. Deploy order: " + MeshOutputs.DEPLOY_ORDER + "."));
    }

    private static JavaType mapOf(Class<?> valueType) {
        return MAPPER.getTypeFactory().constructMapType(Map.class, String.class, valueType);
    }

    /** An ordered map of string lists, e.g. the LF-tag ontology. */
    public static JavaType mapOfStringLists() {
        var types = MAPPER.getTypeFactory();
        return types.constructMapType(LinkedHashMap.class, types.constructType(String.class),
                types.constructCollectionType(List.class, String.class));
    }

    /** Plain JSON-like form of a record, as a stack output. */
    public static Object toOutput(Object value) {
        return MAPPER.convertValue(value, Object.class);
    }

    /** An LF-tag expression on the wire: tag key → allowed values, as configured. */
    private static final class ExpressionWriter extends JsonSerializer<TagExpression> {
        @Override
        public void serialize(TagExpression expression, JsonGenerator json, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(expression.clauses(), json);
        }
    }

    private static final class ExpressionReader extends JsonDeserializer<TagExpression> {
        @Override
        public TagExpression deserialize(JsonParser json, DeserializationContext context) throws IOException {
            return TagExpression.of(json.readValueAs(new TypeReference<LinkedHashMap<String, List<String>>>() { }));
        }
    }
}
