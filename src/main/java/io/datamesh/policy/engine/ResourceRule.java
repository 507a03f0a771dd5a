package io.datamesh.policy.engine;

import io.datamesh.resource.Props;

import java.util.List;
import java.util.Set;

/** A pure check of one resource's inputs; runs in Analyze and once per resource offline. */
public abstract non-sealed class ResourceRule extends Rule {
    private final Set<String> resourceTypes;

    /** @param resourceTypes engine type tokens the rule applies to, e.g. {@code aws:kms/key:Key} */
    protected ResourceRule(String name, EnforcementLevel defaultLevel, String description, String... resourceTypes) {
        super(name, defaultLevel, description);
        this.resourceTypes = Set.of(resourceTypes);
    }

    public final Set<String> resourceTypes() {
        return resourceTypes;
    }

    /** Violation messages for this resource; empty when compliant. */
    public abstract List<String> check(Props inputs, RuleEnv env);
}
