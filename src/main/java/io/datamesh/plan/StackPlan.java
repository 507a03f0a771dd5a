package io.datamesh.plan;

import io.datamesh.resource.PlannedResource;
import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * Everything one stack would do: its resources in registration order, outputs, warnings, errors.
 *
 * @param retainedOnDelete URNs of the resources `pulumi destroy` leaves in the account
 * @param dependsOn        explicit dependencies by URN (e.g. the lanes of Lake Formation writes)
 */
public record StackPlan(String stack, String role, List<PlannedResource> resources,
                        Map<String, Object> outputs, List<String> warnings, List<String> errors,
                        List<String> retainedOnDelete, Map<String, List<String>> dependsOn) {
    public StackPlan {
        resources = List.copyOf(resources);
        retainedOnDelete = List.copyOf(retainedOnDelete);
        dependsOn = Ordered.copy(dependsOn);
        outputs = Ordered.copy(outputs);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
