package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.MeshConfig;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Map;

/** Named grants bypass the ontology: a consumer keeps access when a table is re-classified. */
public final class LfConsumerGrantsUseTagExpressions extends ResourceRule {
    private static final List<String> NAMED_RESOURCES = List.of("database", "table", "tableWithColumns");

    public LfConsumerGrantsUseTagExpressions() {
        super("lf-consumer-grants-use-lf-tags", EnforcementLevel.ADVISORY,
                "Grants to other accounts go through LF-tag expressions, not named databases or tables.",
                ResourceTypes.LF_PERMISSIONS);
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of("allowedPrincipals", ConfigSchemas.stringList("Account ids allowed named-resource grants.", List.of()));
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        String principal = inputs.string("principal").orElse("");
        boolean otherAccount = LfPrincipals.isAccount(principal)
                && !MeshConfig.of(env.context()).accountId().filter(principal::equals).isPresent();
        if (!otherAccount || env.config().strings("allowedPrincipals").contains(principal)
                || inputs.object("lfTagPolicy").isPresent()) {
            return List.of();
        }
        return NAMED_RESOURCES.stream()
                .filter(key -> inputs.object(key).isPresent())
                .map(key -> "account " + principal + " is granted a named " + key
                        + "; grant through an lfTagPolicy expression so new data follows the tags")
                .toList();
    }
}
