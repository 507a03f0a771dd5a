package io.datamesh.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a stack's state ({@code pulumi stack export}, {@code deployment}) an interrupted run
 * leaves to settle: the operations the engine wrote as pending before it asked the provider and did
 * not hear back about, and the URNs the state holds.
 */
record Checkpoint(List<Pending> pending, Set<String> resources) {
    Checkpoint {
        pending = List.copyOf(pending);
        resources = Set.copyOf(resources);
    }

    /**
     * One pending operation ({@code deployment.pending_operations[]}).
     *
     * @param kind     creating, updating, deleting, reading or importing, as the engine writes it
     * @param provider the provider reference, {@code <provider urn>::<provider id>}
     */
    record Pending(String kind, String urn, String type, Map<String, Object> inputs, String parent, String provider) {
        Pending {
            // JSON inputs may hold nulls, which Map.copyOf refuses.
            inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        }

        boolean isCreate() {
            return kind.equals("creating");
        }

        /** The name the program registered it under: the URN's last part. */
        String name() {
            return urn.substring(urn.lastIndexOf("::") + 2);
        }
    }

    @SuppressWarnings("unchecked")
    static Checkpoint of(Map<String, Object> deployment) {
        List<Pending> pending = new ArrayList<>();
        if (deployment.get("pending_operations") instanceof List<?> ops) {
            for (Object o : ops) {
                if (o instanceof Map<?, ?> op && op.get("resource") instanceof Map<?, ?> r) {
                    Map<String, Object> resource = (Map<String, Object>) r;
                    pending.add(new Pending(String.valueOf(op.get("type")), String.valueOf(resource.get("urn")),
                            String.valueOf(resource.get("type")),
                            resource.get("inputs") instanceof Map<?, ?> in ? (Map<String, Object>) in : Map.of(),
                            resource.get("parent") instanceof String p ? p : "",
                            resource.get("provider") instanceof String p ? p : ""));
                }
            }
        }
        Set<String> resources = new LinkedHashSet<>();
        if (deployment.get("resources") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> r && r.get("urn") instanceof String urn) {
                    resources.add(urn);
                }
            }
        }
        return new Checkpoint(pending, resources);
    }
}
