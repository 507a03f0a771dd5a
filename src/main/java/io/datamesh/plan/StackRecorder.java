package io.datamesh.plan;

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
 * the URN the engine would give it ({@code parentType$type} chains under components).
 */
final class StackRecorder implements ResourceTransformation {
    private static final String ROOT_STACK = "pulumi:pulumi:Stack";

    record Registration(String urn, String type, String name, Optional<String> parentUrn, boolean retainOnDelete,
                        List<Resource> dependsOn, boolean deleteBeforeReplace, boolean protect) {
    }

    private final String stack;
    private final String project;
    private final Map<Resource, Registration> byResource = new IdentityHashMap<>();
    private final Map<Resource, String> qualifiedTypes = new IdentityHashMap<>();
    private final List<Registration> registrations = new ArrayList<>();

    StackRecorder(String stack, String project) {
        this.stack = stack;
        this.project = project;
    }

    @Override
    public synchronized Optional<Result> apply(Args args) {
        Resource resource = args.resource();
        String type = resource.pulumiResourceType();
        Optional<Resource> parent = args.options().getParent()
                .filter(p -> !p.pulumiResourceType().equals(ROOT_STACK));
        String qualifiedType = parent.map(p -> qualifiedTypes.getOrDefault(p, p.pulumiResourceType()) + "$" + type)
                .orElse(type);
        qualifiedTypes.put(resource, qualifiedType);
        var registration = new Registration("urn:pulumi:" + stack + "::" + project + "::" + qualifiedType + "::"
                + resource.pulumiResourceName(), type, resource.pulumiResourceName(),
                parent.map(p -> byResource.get(p)).map(Registration::urn), args.options().isRetainOnDelete(),
                explicitDependencies(args), deleteBeforeReplace(args), args.options().isProtect());
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

    private static boolean deleteBeforeReplace(Args args) {
        return args.options() instanceof CustomResourceOptions custom && custom.getDeleteBeforeReplace();
    }

    /** The program always passes dependsOn as a plain list, so its value is there already. */
    private static List<Resource> explicitDependencies(Args args) {
        List<Resource> dependsOn = Internal.of(args.options().getDependsOn()).getValueNullable().getNow(null);
        return dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
