package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** s3:* or glue:* on every resource would bypass Lake Formation for all data and catalogs in the account. */
public final class IamNoServiceWildcardOnAllResources extends ResourceRule {
    public IamNoServiceWildcardOnAllResources() {
        super("iam-no-service-wildcard-on-all-resources", EnforcementLevel.MANDATORY,
                "IAM policies never allow s3:* or glue:* (configurable services) on resource *.",
                ResourceTypes.IAM_ROLE, ResourceTypes.IAM_ROLE_POLICY);
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of("services", ConfigSchemas.stringList("Service prefixes whose wildcard is refused on *.", List.of("s3", "glue")));
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<String> services = env.config().strings("services");
        return PolicyDocument.identityPolicies(inputs).stream().flatMap(doc -> doc.allowProblems(s -> services.stream()
                .map(service -> service.toLowerCase(Locale.ROOT))
                .filter(s::allowsServiceWildcardOnAllResources)
                .map(service -> "allows " + service + ":* on resource * (" + (s.negations().isEmpty()
                        ? "actions " + s.actions() + " on " + s.resources()
                        : String.join(" and ", s.negations()) + (s.resources().isEmpty() ? "" : " on " + s.resources()))
                        + ")")).stream()).toList();
    }
}
