package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

public final class GlueCrawlerSecurityConfiguration extends ResourceRule {
    public GlueCrawlerSecurityConfiguration() {
        super("glue-crawler-security-configuration", EnforcementLevel.MANDATORY,
                "Glue crawlers run with a security configuration (encrypted logs and bookmarks).",
                ResourceTypes.GLUE_CRAWLER);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return inputs.string("securityConfiguration").filter(s -> !s.isBlank()).isPresent() ? List.of()
                : List.of("crawler has no securityConfiguration");
    }
}
