package io.datamesh.config;

import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.TagExpression;

import java.util.List;

/**
 * A central-account grant of read permissions on every resource matching an LF-tag expression to
 * a domain: central makes it to each query role the domain publishes, without the grant option.
 *
 * @param to the producer or consumer domain receiving the grant
 */
public record TagGrant(String name, String to, LfResource.ResourceType resource, List<LfPermission> permissions,
                       TagExpression expression) {
    public TagGrant {
        permissions = List.copyOf(permissions);
    }
}
