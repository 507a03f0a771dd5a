package io.datamesh.config;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * A central-account grant of read permissions on every resource matching an LF-tag expression to
 * a domain: central makes it to each query role the domain publishes, without the grant option.
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
