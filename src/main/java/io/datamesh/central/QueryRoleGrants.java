package io.datamesh.central;

import com.pulumi.aws.lakeformation.PermissionsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import io.datamesh.account.ChildOf;
import io.datamesh.account.LakeFormationLanes;
import io.datamesh.config.TagGrant;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.stackref.QueryRoles;

import java.util.List;
import java.util.Map;

/**
 * The configured LF-tag grants, made by this account directly to each query role of the
 * receiving domain (cross-account version 3 and later allow grants to IAM principals of other
 * accounts), narrowed to the producer domains the role may query ({@link QueryRoleGrant#plan}). No
 * account-level grant and no grant option: a re-grant by the receiving account on this catalog's
 * LF-tags is a grant the provider cannot read back (ListPermissions in the receiving account
 * answers an empty list: terraform-provider-aws #26602), so `pulumi up` would fail after AWS had
 * made it.
 */
public final class QueryRoleGrants extends ComponentResource {
    public static final String TYPE = "datamesh:index:QueryRoleGrants";

    /**
     * @param catalogName the catalog's name, which its resources' names start with
     * @param catalog     the component these resources were direct children of
     */
    public QueryRoleGrants(String name, String catalogName, String catalogId, List<TagGrant> grants,
                           Map<String, QueryRoles> queryRoles, TagOntology tags, LakeFormationLanes lanes,
                           CentralCatalog catalog) {
        super(TYPE, name, ChildOf.componentUnder(catalog));
        var placed = lanes.placing(ChildOf.movedFrom(this, catalog));
        for (QueryRoleGrant planned : QueryRoleGrant.plan(catalogName, grants, queryRoles)) {
            placed.grant(planned.lane(), planned.resourceName(), PermissionsArgs.builder()
                            .principal(planned.role().arn())
                            .catalogId(catalogId)
                            .permissions(LfPermission.names(planned.grant().permissions()))
                            .lfTagPolicy(LakeFormationLanes.tagPolicy(catalogId, planned.resource(), planned.expression()))
                            .build(),
                    planned.expression().clauses().keySet().stream().map(tags::tag).toArray(Resource[]::new));
        }
        registerOutputs(Map.of());
    }
}
