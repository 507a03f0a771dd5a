package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * A central-account grant of permissions on every resource matching an LF-tag expression to a
 * domain's account. Account grants always carry the grant option (AWS requires it so the receiving
 * account's admin can re-grant to its roles).
 *
 * @param to         the producer or consumer domain receiving the grant
 * @param expression tag key → allowed values (AND across keys, OR within a key)
 */
public record TagGrant(String name, String to, GrantResource resource, List<String> permissions,
                       Map<String, List<String>> expression) {
    public TagGrant {
        permissions = List.copyOf(permissions);
        expression = Ordered.copy(expression);
    }
}
