package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.Map;
import java.util.Optional;

/**
 * A stack's configuration exactly as the Pulumi engine hands it to a program: full keys
 * ({@code datamesh:role}, {@code aws:region}) mapped to strings, structured values as JSON text.
 * Both the real CLI and the offline plan produce this, so one parser serves both.
 *
 * @param source where the values came from, for messages (a file name or "stack central")
 */
public record RawStackConfig(String source, String org, String project, String stack, Map<String, String> values) {
    public RawStackConfig {
        values = Ordered.copy(values);
    }

    public Optional<String> get(String fullKey) {
        return Optional.ofNullable(values.get(fullKey));
    }
}
