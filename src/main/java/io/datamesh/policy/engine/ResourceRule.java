package io.datamesh.policy.engine;

import java.util.List;
import java.util.Set;

/** A pure check of one resource's inputs; runs in Analyze and once per resource offline. */
public non-sealed interface ResourceRule extends Rule {
    /** Engine type tokens the rule applies to, e.g. {@code aws:kms/key:Key}. */
    Set<String> resourceTypes();

    /** Violation messages for this resource; empty when compliant. */
    List<String> check(Props inputs, RuleEnv env);
}
