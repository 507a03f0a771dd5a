package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.List;
import java.util.Map;

public final class LfNoGrantAdmitsPii extends ResourceRule {
    public LfNoGrantAdmitsPii() {
        super("lf-no-grant-admits-pii", EnforcementLevel.MANDATORY,
                "LF-tag grant expressions exclude PII-tagged data unless the principal is allow-listed.",
                ResourceTypes.LF_PERMISSIONS);
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of(
                "tagKey", Map.of("type", "string", "default", "pii", "description", "LF-tag key marking personal data."),
                "allowedPrincipals", ConfigSchemas.stringList("Principals that may be granted PII.", List.of()));
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        String principal = inputs.string("principal").orElse("");
        var policy = inputs.object("lfTagPolicy");
        // DATABASE expressions only reach database metadata; data is read through TABLE grants.
        if (policy.isEmpty() || policy.get().string("resourceType").orElse("TABLE").equals("DATABASE")
                || env.config().strings("allowedPrincipals").contains(principal)) {
            return List.of();
        }
        String tagKey = env.config().string("tagKey").orElseThrow();
        // An expression without the PII key places no constraint on it, so it matches PII data too.
        List<Props> piiTerms = policy.get().objects("expressions").stream()
                .filter(e -> e.string("key").orElse("").equals(tagKey))
                .toList();
        if (piiTerms.isEmpty()) {
            return List.of("expression for " + principal + " has no '" + tagKey + "' key, so it admits PII-tagged data; add "
                    + tagKey + " = false");
        }
        return piiTerms.stream()
                .filter(e -> e.strings("values").stream().anyMatch("true"::equalsIgnoreCase))
                .map(e -> "expression for " + principal + " admits " + tagKey + " = true")
                .toList();
    }
}
