package io.datamesh.plan;

import java.util.Optional;

/**
 * URNs as the Pulumi engine makes them ({@code resource.CreateURN} in pulumi/pulumi): a child's
 * type is its parent's type chain, {@code $}, its own type; children of the root stack have no
 * chain. So a resource's URN changes when any component above it changes.
 */
final class EngineUrn {
    static final String ROOT_STACK = "pulumi:pulumi:Stack";

    private EngineUrn() {
    }

    static String create(String stack, String project, Optional<String> parentUrn, String type, String name) {
        String qualifiedType = parentUrn.map(EngineUrn::qualifiedType).filter(parent -> !parent.equals(ROOT_STACK))
                .map(parent -> parent + "$" + type).orElse(type);
        return "urn:pulumi:" + stack + "::" + project + "::" + qualifiedType + "::" + name;
    }

    /** The type chain of a URN: its third {@code ::} field. */
    static String qualifiedType(String urn) {
        return urn.split("::", 4)[2];
    }
}
