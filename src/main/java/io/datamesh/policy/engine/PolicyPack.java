package io.datamesh.policy.engine;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** A named, versioned list of rules, checked at construction the way @pulumi/policy checks a pack. */
public record PolicyPack(String name, String version, String description, EnforcementLevel defaultLevel,
                         List<Rule> rules) {
    private static final Pattern PACK_NAME = Pattern.compile("^[a-zA-Z0-9-_.]{1,100}$");

    public PolicyPack {
        rules = List.copyOf(rules);
        if (!PACK_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid policy pack name: " + name);
        }
        var names = new HashSet<String>();
        for (Rule rule : rules) {
            // "all" addresses every policy in --policy-pack-config; enforcementLevel is injected by the CLI.
            if (rule.name().equals("all") || !names.add(rule.name())) {
                throw new IllegalArgumentException("invalid or duplicate policy name in " + name + ": " + rule.name());
            }
            if (rule.configSchema().containsKey("enforcementLevel")) {
                throw new IllegalArgumentException(rule.name() + ": enforcementLevel cannot be a config property");
            }
        }
    }

    /** The level a rule runs at before any Configure: its own, else the pack's. */
    public EnforcementLevel levelOf(Rule rule) {
        return rule.defaultLevel() != null ? rule.defaultLevel() : defaultLevel;
    }
}
