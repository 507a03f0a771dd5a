package io.datamesh.policy.engine;

import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.Props;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The resources of one stack, grouped by type, with their inputs behind the unknown-checking accessor. */
public final class StackResources {
    /** One resource and its checked inputs. */
    public record Entry(PlannedResource resource, Props inputs) {
        public String urn() {
            return resource.urn();
        }
    }

    private final List<Entry> all;
    private final Map<String, List<Entry>> byType;

    public StackResources(List<PlannedResource> resources) {
        all = resources.stream().map(r -> new Entry(r, Props.of(r.inputs()))).toList();
        byType = all.stream()
                .collect(Collectors.groupingBy(e -> e.resource().type(), Collectors.toList()));
    }

    public List<Entry> all() {
        return all;
    }

    public List<Entry> ofType(String type) {
        return byType.getOrDefault(type, List.of());
    }
}
