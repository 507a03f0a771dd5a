package io.datamesh.stackref;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outputs of another stack of the mesh, read as plain values while the program runs, so that
 * resources can be planned from them (they are known at preview: they come from the backend).
 */
public final class StackOutputs {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
        var details = reference.outputDetailsAsync(output).join();
        Optional<Object> value = details.getValue().or(details::getSecretValue);
        return value.map(v -> {
            try {
                return MAPPER.convertValue(v, type);
            } catch (IllegalArgumentException e) {
                throw new RunException("output '" + output + "' of stack " + stack + " does not have the expected shape ("
                        + e.getMessage() + "); deploy that stack again with this version of the program.", e);
            }
        });
    }

    /** @throws RunException naming the stack, the output and the deploy order when it is missing */
    public <T> T require(String output, JavaType type) {
        return this.<T>optional(output, type).orElseThrow(() -> new RunException("stack " + stack
                + " has no output '" + output + "': deploy it first. Deploy order: " + MeshOutputs.DEPLOY_ORDER + "."));
    }

    public static JavaType mapOf(Class<?> valueType) {
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
}
