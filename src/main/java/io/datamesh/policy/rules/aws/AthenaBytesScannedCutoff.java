package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A runaway query over a shared data product is billed to the consumer; a cap keeps it bounded. */
public final class AthenaBytesScannedCutoff implements ResourceRule {
    private static final long ONE_TIB = 1L << 40;

    @Override
    public String name() {
        return "athena-bytes-scanned-cutoff";
    }

    @Override
    public String description() {
        return "Athena workgroups cap the bytes a single query may scan.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.ATHENA_WORKGROUP);
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of("maximumBytes", Map.of("type", "integer", "minimum", 10_485_760, "default", ONE_TIB,
                "description", "Largest acceptable bytesScannedCutoffPerQuery."));
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        long maximum = env.config().number("maximumBytes").orElse(ONE_TIB).longValue();
        return inputs.number("configuration", "bytesScannedCutoffPerQuery")
                .map(Number::longValue)
                .map(cutoff -> cutoff <= maximum ? List.<String>of()
                        : List.of("bytesScannedCutoffPerQuery " + cutoff + " exceeds " + maximum))
                .orElse(List.of("no bytesScannedCutoffPerQuery"));
    }
}
