package io.datamesh.resource;

import java.util.List;

/**
 * The resource options that decide order and replacement, as the engine would see them: a reviewer
 * (and a policy rule) can tell from these alone whether a grant waits for the settings write and
 * whether its replacement revokes itself.
 *
 * @param dependsOn the explicit dependencies, by URN
 */
public record ResourceOptions(List<String> dependsOn, boolean deleteBeforeReplace, boolean retainOnDelete,
                              boolean protect) {
    public static final ResourceOptions NONE = new ResourceOptions(List.of(), false, false, false);

    public ResourceOptions {
        dependsOn = List.copyOf(dependsOn);
    }
}
