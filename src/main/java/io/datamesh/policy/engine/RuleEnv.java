package io.datamesh.policy.engine;

import io.datamesh.resource.Props;

/** What a rule may read besides the resources: the stack and its own config (schema defaults applied). */
public record RuleEnv(PolicyContext context, Props config) {
}
