package io.datamesh.policy.engine;

import java.util.List;

/** A pure check of every resource of one stack together; runs in AnalyzeStack and once per stack offline. */
public non-sealed interface StackRule extends Rule {
    List<Violation> check(StackResources stack, RuleEnv env);
}
