package io.datamesh.central;

import io.datamesh.config.TagGrant;
import io.datamesh.lakeformation.LfResource.ResourceType;
import io.datamesh.lakeformation.TagExpression;
import io.datamesh.stackref.QueryRoles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One configured LF-tag grant as made to one query role of the receiving domain: the expression
 * narrowed to the producer domains the role may query ({@link RoleScope}).
 *
 * @param resourceName the Permissions resource's logical name
 */
public record QueryRoleGrant(String resourceName, TagGrant grant, QueryRoles.Role role,
                             TagExpression expression) {

    /** Its Lake Formation lane: the grants to one principal stay in order. */
    public String lane() {
        return "principal:" + role.arn();
    }

    public ResourceType resource() {
        return grant.resource();
    }

    /**
     * Every configured grant, for each query role its receiving domain publishes, unless the role
     * may query none of the domains the grant reaches. A domain that has not published its roles
     * yet gets nothing now: its grants are made on the run after it is deployed.
     */
    public static List<QueryRoleGrant> plan(String catalogName, List<TagGrant> grants,
                                            Map<String, QueryRoles> queryRoles) {
        List<QueryRoleGrant> planned = new ArrayList<>();
        for (TagGrant grant : grants) {
            var roles = queryRoles.containsKey(grant.to()) ? queryRoles.get(grant.to()).roles() : List.<QueryRoles.Role>of();
            for (QueryRoles.Role role : roles) {
                RoleScope.narrow(grant.expression(), role.domains()).ifPresent(expression -> planned.add(
                        new QueryRoleGrant(catalogName + "-grant-" + grant.name() + "-" + role.name(), grant, role,
                                expression)));
            }
        }
        return List.copyOf(planned);
    }
}
