package io.datamesh.policy.engine;

import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.Props;
import io.datamesh.resource.UnknownValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one pack at its configured levels. Immutable once built, so the analyzer can swap a new one
 * in on Configure while Analyze calls run concurrently.
 */
public final class PackEvaluator {
    /** A rule with its effective level and config (defaults applied). */
    private record Configured(Rule rule, EnforcementLevel level, Props config) {
    }

    private final PolicyPack pack;
    private final List<Configured> rules;

    public PackEvaluator(PolicyPack pack) {
        this(pack, Map.of());
    }

    /**
     * @param config per-policy settings by policy name; the key {@code all} sets every policy's level.
     * @throws IllegalArgumentException if a policy's properties do not match its schema
     */
    public PackEvaluator(PolicyPack pack, Map<String, PolicyConfig> config) {
        this.pack = pack;
        Optional<EnforcementLevel> allLevel = config.containsKey("all") ? config.get("all").level() : Optional.empty();
        List<Configured> configured = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            PolicyConfig own = config.get(rule.name());
            Map<String, Object> properties = new LinkedHashMap<>(own == null ? Map.of() : own.properties());
            properties.remove("enforcementLevel");
            List<String> errors = properties.isEmpty() ? List.of() : ConfigSchemas.validate(rule, properties);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid config for policy '" + rule.name() + "': " + errors);
            }
            EnforcementLevel level = own != null && own.level().isPresent() ? own.level().get()
                    : allLevel.orElse(pack.levelOf(rule));
            configured.add(new Configured(rule, level, Props.of(ConfigSchemas.withDefaults(rule, properties))));
        }
        this.rules = List.copyOf(configured);
    }

    public PolicyPack pack() {
        return pack;
    }

    /** The level a policy currently runs at (after Configure). */
    public EnforcementLevel levelOf(Rule rule) {
        return rules.stream().filter(c -> c.rule() == rule).findFirst().orElseThrow().level();
    }

    /** Findings of every enabled resource rule that applies to this resource's type, in pack order. */
    public List<PolicyFinding> analyzeResource(PlannedResource resource, PolicyContext context) {
        List<PolicyFinding> findings = new ArrayList<>();
        Props inputs = null;
        for (Configured c : rules) {
            if (c.level() == EnforcementLevel.DISABLED || !(c.rule() instanceof ResourceRule rule)
                    || !rule.resourceTypes().contains(resource.type())) {
                continue;
            }
            if (inputs == null) {
                inputs = Props.of(resource.inputs());
            }
            try {
                for (String message : rule.check(inputs, new RuleEnv(context, c.config()))) {
                    findings.add(finding(c, resource.urn(), message));
                }
            } catch (UnknownValueException e) {
                findings.add(unknown(c, resource.urn(), e.getMessage()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Error validating resource with policy " + rule.name() + ": " + e, e);
            }
        }
        return findings;
    }

    /** Findings of every enabled stack rule over the whole stack, in pack order. */
    public List<PolicyFinding> analyzeStack(List<PlannedResource> resources, PolicyContext context) {
        StackResources stack = new StackResources(resources);
        List<PolicyFinding> findings = new ArrayList<>();
        for (Configured c : rules) {
            if (c.level() == EnforcementLevel.DISABLED || !(c.rule() instanceof StackRule rule)) {
                continue;
            }
            try {
                for (Violation v : rule.check(stack, new RuleEnv(context, c.config()))) {
                    findings.add(v.unknownDuringPreview() ? unknown(c, v.urn(), v.message())
                            : finding(c, v.urn(), v.message()));
                }
            } catch (UnknownValueException e) {
                // A value read from the whole stack (not one resource's) is unknown: the rule cannot run.
                findings.add(unknown(c, "", e.getMessage()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Error validating stack with policy " + rule.name() + ": " + e, e);
            }
        }
        return findings;
    }

    private PolicyFinding finding(Configured c, String urn, String detail) {
        String description = c.rule().description();
        String message = detail.isEmpty() ? description : description + "\n" + detail;
        return new PolicyFinding(pack.name(), c.rule().name(), c.level().reported(), urn, message);
    }

    private PolicyFinding unknown(Configured c, String urn, String unknownValue) {
        return new PolicyFinding(pack.name(), c.rule().name(), EnforcementLevel.ADVISORY, urn,
                "can't run policy '" + c.rule().name() + "' from policy pack '" + pack.name() + "@v"
                        + pack.version() + "' during preview: " + unknownValue);
    }
}
