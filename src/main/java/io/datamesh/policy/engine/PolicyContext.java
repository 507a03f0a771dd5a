package io.datamesh.policy.engine;

import java.util.Map;
import java.util.Optional;

/**
 * The stack a pack runs against, as the engine describes it in ConfigureStack: config keys are
 * {@code project:key} (e.g. {@code datamesh:role}) and structured values arrive as JSON strings.
 */
public record PolicyContext(String stack, String project, Map<String, String> config) {
    public PolicyContext {
        config = Map.copyOf(config);
    }

    public Optional<String> configValue(String key) {
        return Optional.ofNullable(config.get(key)).filter(v -> !v.isBlank());
    }
}
