package io.datamesh.resource;

import java.util.List;

/**
 * The resource options that decide order and replacement, as the engine would see them: a reviewer
 * (and a policy rule) can tell from these alone whether a grant waits for the settings write and
 * whether its replacement revokes itself.
 *
 * @param dependsOn the explicit dependencies, by URN
 * @param aliases   the URNs the resource had before it moved, which the engine takes as its own
 */
public record ResourceOptions(List<String> dependsOn, boolean deleteBeforeReplace, boolean retainOnDelete,
                              boolean protect, List<String> aliases) {
    public static final ResourceOptions NONE = new ResourceOptions(List.of(), false, false, false);

    public ResourceOptions {
        dependsOn = List.copyOf(dependsOn);
        aliases = List.copyOf(aliases);
    }

    public ResourceOptions(List<String> dependsOn, boolean deleteBeforeReplace, boolean retainOnDelete, boolean protect) {
        this(dependsOn, deleteBeforeReplace, retainOnDelete, protect, List.of());
    }
}
