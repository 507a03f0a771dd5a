package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Map;

/** A runaway query over a shared data product is billed to the consumer; a cap keeps it bounded. */
public final class AthenaBytesScannedCutoff extends ResourceRule {
    private static final long ONE_TIB = 1L << 40;

    public AthenaBytesScannedCutoff() {
        super("athena-bytes-scanned-cutoff", EnforcementLevel.MANDATORY,
                "Athena workgroups cap the bytes a single query may scan.",
                ResourceTypes.ATHENA_WORKGROUP);
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
