package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

public final class AthenaResultsKmsEncrypted extends ResourceRule {
    public AthenaResultsKmsEncrypted() {
        super("athena-results-kms-encrypted", EnforcementLevel.MANDATORY,
                "Athena query results are encrypted with a KMS key.",
                ResourceTypes.ATHENA_WORKGROUP);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        String[] at = {"configuration", "resultConfiguration", "encryptionConfiguration"};
        String option = inputs.object(at).flatMap(e -> e.string("encryptionOption")).orElse("");
        if (!option.endsWith("_KMS")) {
            return List.of("encryptionOption is '" + option + "', expected SSE_KMS or CSE_KMS");
        }
        return inputs.object(at).flatMap(e -> e.string("kmsKeyArn")).filter(k -> !k.isBlank()).isPresent()
                ? List.of() : List.of("no kmsKeyArn for " + option);
    }
}
