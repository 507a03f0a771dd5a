package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.stream.Stream;

/** With IAM_ALLOWED_PRINCIPALS in the defaults, IAM policies alone open new tables and LF grants mean nothing. */
public final class LfNoIamAllowedPrincipalsDefaults extends ResourceRule {
    public LfNoIamAllowedPrincipalsDefaults() {
        super("lf-no-iam-allowed-principals-defaults", EnforcementLevel.MANDATORY,
                "Lake Formation default permissions for new databases and tables never name IAM_ALLOWED_PRINCIPALS.",
                ResourceTypes.LF_SETTINGS);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return Stream.of("createDatabaseDefaultPermissions", "createTableDefaultPermissions")
                .filter(key -> inputs.objects(key).stream()
                        .anyMatch(p -> p.string("principal").orElse("").equals("IAM_ALLOWED_PRINCIPALS")))
                .map(key -> key + " grants IAM_ALLOWED_PRINCIPALS; set it to an empty list")
                .toList();
    }
}
