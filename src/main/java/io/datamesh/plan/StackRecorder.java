package io.datamesh.plan;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sees every resource the program registers, in order, with its parent, and so can name each by
 * the URN the engine would give it ({@code parentType$type} chains under components), and its
 * aliases by the URNs the engine would resolve them to.
 */
final class StackRecorder implements ResourceTransformation {
    /** @param aliases the URNs the resource may have had before, which the engine takes as its own */
    record Registration(String urn, String type, String name, Optional<String> parentUrn, boolean retainOnDelete,
                        List<Resource> dependsOn, boolean deleteBeforeReplace, boolean protect, List<String> aliases) {
    }

    private final String stack;
    private final String project;
    private final Map<Resource, Registration> byResource = new IdentityHashMap<>();
    private final List<Registration> registrations = new ArrayList<>();

    StackRecorder(String stack, String project) {
        this.stack = stack;
        this.project = project;
    }

    @Override
    public synchronized Optional<Result> apply(Args args) {
        Resource resource = args.resource();
        String type = resource.pulumiResourceType();
        Optional<String> parentUrn = args.options().getParent()
                .filter(p -> !p.pulumiResourceType().equals(EngineUrn.ROOT_STACK)).flatMap(this::urnOf);
        var registration = new Registration(EngineUrn.create(stack, project, parentUrn, type, resource.pulumiResourceName()),
                type, resource.pulumiResourceName(), parentUrn, args.options().isRetainOnDelete(),
                explicitDependencies(args), deleteBeforeReplace(args), args.options().isProtect(),
                args.options().getAliases().stream().map(alias -> aliasUrn(known(alias), resource, parentUrn)).toList());
        byResource.put(resource, registration);
        registrations.add(registration);
        return Optional.empty();
    }

    synchronized List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    synchronized Optional<String> urnOf(Resource resource) {
        return Optional.ofNullable(byResource.get(resource)).map(Registration::urn);
    }

    /**
     * The URN the engine resolves an alias spec to ({@code collapseAliasToUrn} in pulumi/pulumi's
     * step generator): what the alias leaves out is the resource's own name, type, parent, stack
     * and project. pulumi-java sends the spec, not a URN, so this is the engine's rule, not the SDK's.
     */
    private String aliasUrn(Alias alias, Resource resource, Optional<String> parentUrn) {
        if (alias.getUrn().isPresent()) {
            return alias.getUrn().get();
        }
        Optional<String> aliasParent = alias.hasNoParent() ? Optional.empty()
                : alias.getParent().map(p -> urnOf(p).orElseThrow(() -> new IllegalStateException(
                        "alias of " + resource.pulumiResourceName() + " names a parent registered after it")))
                .or(() -> alias.getParentUrn().map(StackRecorder::known))
                .or(() -> parentUrn);
        return EngineUrn.create(alias.getStack().map(StackRecorder::known).orElse(stack),
                alias.getProject().map(StackRecorder::known).orElse(project), aliasParent,
                alias.getType().map(StackRecorder::known).orElse(resource.pulumiResourceType()),
                alias.getName().map(StackRecorder::known).orElse(resource.pulumiResourceName()));
    }

    /** Aliases and their fields are plain values in this program, known when the resource is declared. */
    private static <T> T known(Output<T> output) {
        return Internal.of(output).getValueNullable().getNow(null);
    }

    private static boolean deleteBeforeReplace(Args args) {
        return args.options() instanceof CustomResourceOptions custom && custom.getDeleteBeforeReplace();
    }

    /** The program always passes dependsOn as a plain list, so its value is there already. */
    private static List<Resource> explicitDependencies(Args args) {
        List<Resource> dependsOn = Internal.of(args.options().getDependsOn()).getValueNullable().getNow(null);
        return dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
