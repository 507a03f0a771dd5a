package io.datamesh.policy.engine;

import java.util.Locale;

/** The engine's enforcement levels, in the wire order of {@code pulumirpc.EnforcementLevel}. */
public enum EnforcementLevel {
    ADVISORY, MANDATORY, DISABLED, REMEDIATE;

    /** The spelling used in PulumiPolicy config files and {@code --policy-pack-config}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnforcementLevel fromConfigName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** None of our rules remediates, so a remediate level enforces like mandatory (as @pulumi/policy does). */
    public EnforcementLevel reported() {
        return this == REMEDIATE ? MANDATORY : this;
    }
}
