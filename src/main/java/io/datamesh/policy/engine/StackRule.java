package io.datamesh.policy.engine;

import io.datamesh.resource.UnknownValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A pure check of every resource of one stack together; runs in AnalyzeStack and once per stack offline. */
public abstract non-sealed class StackRule extends Rule {
    protected StackRule(String name, EnforcementLevel defaultLevel, String description) {
        super(name, defaultLevel, description);
    }

    public abstract List<Violation> check(StackResources stack, RuleEnv env);

    /**
     * Checks each resource on its own: a value unknown during preview in one resource's inputs
     * gives that resource's advisory finding ({@link Violation#unknown}) and the others are still
     * checked. Values the rule reads from the whole stack (admins, tag assignments) are read before
     * the loop; an unknown there still stops the whole rule with one advisory finding.
     */
    protected static List<Violation> eachResource(List<StackResources.Entry> resources,
                                                  Function<StackResources.Entry, List<Violation>> check) {
        List<Violation> violations = new ArrayList<>();
        for (StackResources.Entry resource : resources) {
            try {
                violations.addAll(check.apply(resource));
            } catch (UnknownValueException e) {
                violations.add(Violation.unknown(resource.urn(), e));
            }
        }
        return violations;
    }
}
