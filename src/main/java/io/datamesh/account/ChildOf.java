package io.datamesh.account;

import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Optional;

/**
 * Where a component puts its children: under itself, and, for children that lived directly under
 * another resource before the component existed, aliased to their URN there. A URN holds its
 * parents' type chain, so a resource that moves under a new component gets a new URN; without the
 * alias the engine would create it anew and delete the old one (for a Lake Formation grant, a
 * revoke; for a retained bucket, a second bucket of the same name).
 *
 * <p>pulumi-java sends the alias as a spec (parent URN, no name or type), and the engine computes
 * the old URN from it with the resource's own name and type ({@code collapseAliasToUrn} in
 * pulumi/pulumi's step generator), so the name must not change along with the parent.
 */
public record ChildOf(Resource parent, Optional<Resource> formerParent) {

    public static ChildOf of(Resource parent) {
        return new ChildOf(parent, Optional.empty());
    }

    /** Children that used to be direct children of {@code formerParent}. */
    public static ChildOf movedFrom(Resource parent, Resource formerParent) {
        return new ChildOf(parent, Optional.of(formerParent));
    }

    public CustomResourceOptions.Builder options() {
        var builder = CustomResourceOptions.builder().parent(parent);
        formerParent.ifPresent(former -> builder.aliases(Alias.builder().parent(former).build()));
        return builder;
    }

    public CustomResourceOptions after(Resource... dependencies) {
        return options().dependsOn(List.of(dependencies)).build();
    }

    public CustomResourceOptions child() {
        return options().build();
    }

    /** Options for a component placed under {@code parent}: new, so nothing to alias. */
    public static ComponentResourceOptions componentUnder(Resource parent) {
        return ComponentResourceOptions.builder().parent(parent).build();
    }
}
