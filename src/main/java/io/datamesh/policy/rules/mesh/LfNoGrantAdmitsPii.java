package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Map;

/**
 * A TABLE tag-expression grant must pin the PII key to {@code false} unless the principal is
 * allow-listed. A resource rule on purpose: under {@code pulumi up} resource rules run before the
 * grant is made, stack rules only after every resource is registered, so a cross-account grant
 * that admits PII is refused before it exists. Named grants need the stack's tags and are judged
 * by the stack rule {@link LfNoNamedGrantReachesPii}.
 */
public final class LfNoGrantAdmitsPii extends ResourceRule {
    static final String PII = "true";

    public LfNoGrantAdmitsPii() {
        super("lf-no-grant-admits-pii", EnforcementLevel.MANDATORY,
                "LF-tag grant expressions exclude PII-tagged data unless the principal is allow-listed.",
                ResourceTypes.LF_PERMISSIONS);
    }

    /** The config of this rule and of {@link LfNoNamedGrantReachesPii}: the PII tag key and the allow-list. */
    static Map<String, Map<String, Object>> piiConfigSchema() {
        return Map.of(
                "tagKey", Map.of("type", "string", "default", "pii", "description", "LF-tag key marking personal data."),
                "allowedPrincipals", ConfigSchemas.stringList("Principals that may be granted PII: account ids (covering their IAM roles) or IAM ARNs.", List.of()));
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return piiConfigSchema();
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        String principal = inputs.string("principal").orElse("");
        var policy = inputs.object("lfTagPolicy");
        // DATABASE expressions only reach database metadata; data is read through TABLE grants.
        if (policy.isEmpty() || policy.get().string("resourceType").orElse("TABLE").equals("DATABASE")
                || LfPrincipals.allowed(principal, env.config().strings("allowedPrincipals"))) {
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
                .filter(e -> e.strings("values").stream().anyMatch(PII::equalsIgnoreCase))
                .map(e -> "expression for " + principal + " admits " + tagKey + " = " + PII)
                .toList();
    }
}
