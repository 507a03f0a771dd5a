package io.datamesh.lakeformation;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A Lake Formation permission on shared data, as the mesh's tag grants give it and the shares
 * publish it. Only the read permissions: central's grants to query roles never give more (the
 * config edge rejects the rest). Pulumi's {@code PermissionsArgs} takes names: {@link #names}.
 */
public enum LfPermission {
    SELECT, DESCRIBE;

    public static Optional<LfPermission> of(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names(Collection<LfPermission> permissions) {
        return permissions.stream().map(LfPermission::name).toList();
    }
}
