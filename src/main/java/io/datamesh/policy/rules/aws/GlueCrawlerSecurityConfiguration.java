package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.List;
import java.util.Set;

public final class GlueCrawlerSecurityConfiguration implements ResourceRule {
    @Override
    public String name() {
        return "glue-crawler-security-configuration";
    }

    @Override
    public String description() {
        return "Glue crawlers run with a security configuration (encrypted logs and bookmarks).";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.GLUE_CRAWLER);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return inputs.string("securityConfiguration").filter(s -> !s.isBlank()).isPresent() ? List.of()
                : List.of("crawler has no securityConfiguration");
    }
}
