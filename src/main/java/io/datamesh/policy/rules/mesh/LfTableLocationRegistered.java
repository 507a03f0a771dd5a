package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

/** Lake Formation vends credentials only for registered locations; elsewhere grants silently do nothing. */
public final class LfTableLocationRegistered extends StackRule {
    public LfTableLocationRegistered() {
        super("lf-table-location-registered", EnforcementLevel.MANDATORY,
                "Every table location lies under a Lake Formation registered location that uses a customer-managed role.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        // Every table is checked against every registration, so these are read once, before the tables.
        List<Registration> registrations = stack.ofType(ResourceTypes.LF_RESOURCE).stream()
                .map(r -> new Registration(trimSlashes(r.inputs().string("arn").orElse("")), usesCustomerRole(r.inputs())))
                .toList();
        return eachResource(stack.ofType(ResourceTypes.GLUE_TABLE), table -> {
            String location = table.inputs().string("storageDescriptor", "location").orElse("");
            if (!location.startsWith("s3://")) {
                return List.of();
            }
            String arn = "arn:aws:s3:::" + trimSlashes(location.substring("s3://".length()));
            var covering = registrations.stream().filter(r -> covers(r.arn(), arn)).toList();
            if (covering.isEmpty()) {
                return List.of(new Violation(table.urn(), location + " is not under a registered Lake Formation location"));
            } else if (covering.stream().noneMatch(Registration::customerRole)) {
                return List.of(new Violation(table.urn(), location
                        + " is registered with the service-linked role, which cannot decrypt KMS-encrypted cross-account data"));
            }
            return List.of();
        });
    }

    private record Registration(String arn, boolean customerRole) {
    }

    private static boolean usesCustomerRole(Props registration) {
        return registration.string("roleArn").filter(r -> !r.isBlank()).isPresent()
                && !registration.bool("useServiceLinkedRole").orElse(false);
    }

    private static boolean covers(String registered, String arn) {
        return !registered.isEmpty() && (arn.equals(registered) || arn.startsWith(registered + "/"));
    }

    private static String trimSlashes(String s) {
        return s.replaceAll("/+$", "");
    }
}
