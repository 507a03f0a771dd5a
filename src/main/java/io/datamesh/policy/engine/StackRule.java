package io.datamesh.policy.engine;

import java.util.List;

/** A pure check of every resource of one stack together; runs in AnalyzeStack and once per stack offline. */
public abstract non-sealed class StackRule extends Rule {
    protected StackRule(String name, EnforcementLevel defaultLevel, String description) {
        super(name, defaultLevel, description);
    }

    public abstract List<Violation> check(StackResources stack, RuleEnv env);
}
