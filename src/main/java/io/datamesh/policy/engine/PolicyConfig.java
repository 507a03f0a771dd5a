package io.datamesh.policy.engine;

import java.util.Map;
import java.util.Optional;

/** One policy's settings from Configure or a {@code --policy-pack-config} file. */
public record PolicyConfig(Optional<EnforcementLevel> level, Map<String, Object> properties) {
    public PolicyConfig {
        properties = Map.copyOf(properties);
    }

    public static PolicyConfig level(EnforcementLevel level) {
        return new PolicyConfig(Optional.of(level), Map.of());
    }
}
