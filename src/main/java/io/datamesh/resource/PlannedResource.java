package io.datamesh.resource;

import io.datamesh.util.Ordered;

import java.util.Map;
import java.util.Optional;

/**
 * One resource as the engine would register it: the engine type token
 * (e.g. {@code aws:lakeformation/permissions:Permissions}) and the inputs as the engine would send
 * them to the provider (camelCase property names, plain JSON-like values: String, Boolean, Number,
 * List, Map). This is the shared currency of the offline plan, the policy rules and the access
 * explainer.
 */
public record PlannedResource(String urn, String type, String name, Optional<String> parent,
                              Map<String, Object> inputs, ResourceOptions options) {
    public PlannedResource {
        inputs = Ordered.copy(inputs);
    }

    /** A resource whose options are not known, as in a single-resource Analyze call without them. */
    public PlannedResource(String urn, String type, String name, Optional<String> parent, Map<String, Object> inputs) {
        this(urn, type, name, parent, inputs, ResourceOptions.NONE);
    }
}
