package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public final class GlueCatalogEncryption implements ResourceRule {
    @Override
    public String name() {
        return "glue-catalog-encryption";
    }

    @Override
    public String description() {
        return "The Glue Data Catalog encrypts metadata and connection passwords with KMS.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.GLUE_CATALOG_ENCRYPTION);
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
