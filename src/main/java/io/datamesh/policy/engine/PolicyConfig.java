package io.datamesh.policy.engine;

import java.util.LinkedHashMap;
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

    /**
     * Reads a {@code --policy-pack-config} document: policy name → a level string, or an object of
     * {@code enforcementLevel} plus the policy's properties.
     *
     * @throws IllegalArgumentException naming the policy whose entry is not of that form
     */
    public static Map<String, PolicyConfig> parseFile(Map<String, Object> document) {
        var result = new LinkedHashMap<String, PolicyConfig>();
        document.forEach((policy, value) -> {
            if (value instanceof String level) {
                result.put(policy, level(EnforcementLevel.fromConfigName(level)));
            } else if (value instanceof Map<?, ?> object) {
                var properties = new LinkedHashMap<String, Object>();
                object.forEach((k, v) -> properties.put(String.valueOf(k), v));
                Object level = properties.remove("enforcementLevel");
                result.put(policy, new PolicyConfig(Optional.ofNullable(level).map(l -> EnforcementLevel.fromConfigName(
                        String.valueOf(l))), properties));
            } else {
                throw new IllegalArgumentException("policy '" + policy + "': expected a level or an object, got " + value);
            }
        });
        return result;
    }
}
