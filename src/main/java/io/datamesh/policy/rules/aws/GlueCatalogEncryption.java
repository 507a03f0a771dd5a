package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;
import java.util.ArrayList;
import java.util.List;

public final class GlueCatalogEncryption extends ResourceRule {
    public GlueCatalogEncryption() {
        super("glue-catalog-encryption", EnforcementLevel.MANDATORY,
                "The Glue Data Catalog encrypts metadata and connection passwords with KMS.",
                ResourceTypes.GLUE_CATALOG_ENCRYPTION);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<String> problems = new ArrayList<>();
        String mode = inputs.string("dataCatalogEncryptionSettings", "encryptionAtRest", "catalogEncryptionMode").orElse("");
        if (!mode.startsWith("SSE-KMS")) {
            problems.add("catalogEncryptionMode is '" + mode + "', expected SSE-KMS");
        }
        if (!inputs.bool("dataCatalogEncryptionSettings", "connectionPasswordEncryption",
                "returnConnectionPasswordEncrypted").orElse(false)) {
            problems.add("returnConnectionPasswordEncrypted is not true");
        }
        return problems;
    }
}
