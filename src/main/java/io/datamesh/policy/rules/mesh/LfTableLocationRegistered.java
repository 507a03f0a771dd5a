package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** Lake Formation vends credentials only for registered locations; elsewhere grants silently do nothing. */
public final class LfTableLocationRegistered extends StackRule {
    public LfTableLocationRegistered() {
        super("lf-table-location-registered", EnforcementLevel.MANDATORY,
                "Every table location lies under a Lake Formation registered location that uses a customer-managed role.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        List<StackResources.Entry> registrations = stack.ofType(ResourceTypes.LF_RESOURCE);
        List<Violation> violations = new ArrayList<>();
        for (var table : stack.ofType(ResourceTypes.GLUE_TABLE)) {
            String location = table.inputs().string("storageDescriptor", "location").orElse("");
            if (!location.startsWith("s3://")) {
                continue;
            }
            String arn = "arn:aws:s3:::" + trimSlashes(location.substring("s3://".length()));
            var covering = registrations.stream()
                    .filter(r -> covers(trimSlashes(r.inputs().string("arn").orElse("")), arn))
                    .toList();
            if (covering.isEmpty()) {
                violations.add(new Violation(table.urn(), location + " is not under a registered Lake Formation location"));
            } else if (covering.stream().noneMatch(LfTableLocationRegistered::usesCustomerRole)) {
                violations.add(new Violation(table.urn(), location
                        + " is registered with the service-linked role, which cannot decrypt KMS-encrypted cross-account data"));
            }
        }
        return violations;
    }

    private static boolean usesCustomerRole(StackResources.Entry registration) {
        return registration.inputs().string("roleArn").filter(r -> !r.isBlank()).isPresent()
                && !registration.inputs().bool("useServiceLinkedRole").orElse(false);
    }

    private static boolean covers(String registered, String arn) {
        return !registered.isEmpty() && (arn.equals(registered) || arn.startsWith(registered + "/"));
    }

    private static String trimSlashes(String s) {
        return s.replaceAll("/+$", "");
    }
}
