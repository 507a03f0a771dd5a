package io.datamesh.policy.engine;

import java.util.Map;

/** What every policy advertises to the engine; see {@link ResourceRule} and {@link StackRule}. */
public sealed interface Rule permits ResourceRule, StackRule {
    String name();

    String description();

    EnforcementLevel defaultLevel();

    /**
     * JSON-schema objects of the rule's config properties, by property name, each with its
     * {@code default}. The engine requires every value to be a schema object.
     */
    default Map<String, Map<String, Object>> configSchema() {
        return Map.of();
    }
}
