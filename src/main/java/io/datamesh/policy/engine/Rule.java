package io.datamesh.policy.engine;

import java.util.Map;

/** What every policy advertises to the engine; see {@link ResourceRule} and {@link StackRule}. */
public abstract sealed class Rule permits ResourceRule, StackRule {
    private final String name;
    private final EnforcementLevel defaultLevel;
    private final String description;

    Rule(String name, EnforcementLevel defaultLevel, String description) {
        this.name = name;
        this.defaultLevel = defaultLevel;
        this.description = description;
    }

    public final String name() {
        return name;
    }

    public final String description() {
        return description;
    }

    public final EnforcementLevel defaultLevel() {
        return defaultLevel;
    }

    /**
     * JSON-schema objects of the rule's config properties, by property name, each with its
     * {@code default}. The engine requires every value to be a schema object.
     */
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of();
    }
}
