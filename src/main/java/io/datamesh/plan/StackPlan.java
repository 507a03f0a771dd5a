package io.datamesh.plan;

import java.util.List;
import java.util.Map;

/** Everything one stack would do: its resources in registration order, outputs, warnings, errors. */
public record StackPlan(String stack, String role, List<PlannedResource> resources,
                        Map<String, Object> outputs, List<String> warnings, List<String> errors) {
    public StackPlan {
        resources = List.copyOf(resources);
        outputs = Map.copyOf(outputs);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
