package io.datamesh.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * A Pulumi secret ({@code secure: v1:…}) in a stack file read offline, where nothing can decrypt it.
 * Under the Pulumi CLI the engine hands the program the decrypted text, so this shape only ever
 * comes from a stack file read by the offline plan or by verify.
 */
public final class PulumiSecrets {
    /** What every reader of a stack file says of a secret, before saying what to do instead. */
    public static final String UNREADABLE_OFFLINE = "is a Pulumi secret (secure:), which the offline plan cannot decrypt"
            + " (it runs without the Pulumi CLI and its secrets provider)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PulumiSecrets() {
    }

    /**
     * Where the first secret in a configuration value is, as a key path ({@code aws:assumeRole.externalId}).
     *
     * @param value the value as the engine's configuration carries it: structured values as JSON text
     */
    public static Optional<String> pathIn(String key, String value) {
        if (!value.trim().startsWith("{")) {
            return Optional.empty();
        }
        try {
            return path(JSON.readTree(value), key);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> path(JsonNode node, String path) {
        if (node.isObject() && node.size() == 1 && node.has("secure")) {
            return Optional.of(path);
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                Optional<String> inner = path(field.getValue(), path + "." + field.getKey());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> inner = path(node.get(i), path + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }
}
