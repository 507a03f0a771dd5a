package io.datamesh.account;

import com.pulumi.aws.lakeformation.Permissions;
import com.pulumi.aws.lakeformation.PermissionsArgs;
import com.pulumi.aws.lakeformation.ResourceLfTag;
import com.pulumi.aws.lakeformation.ResourceLfTagArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsLfTagPolicyArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsLfTagPolicyExpressionArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes an account's Lake Formation changes — grants and LF-tag assignments — one after another.
 * Lake Formation rejects concurrent changes with ConcurrentModificationException, so each change
 * depends on the previous one, and the first on the settings write that made the deployer an admin.
 *
 * <p>Every input of a grant or tag assignment forces replacement (terraform-provider-aws
 * {@code internal/service/lakeformation/permissions.go} and {@code resource_lf_tag.go}: all
 * arguments are ForceNew). Pulumi replaces create-then-delete by default, and the old resource's
 * delete then revokes (or untags) exactly what the new one has just granted, whenever the two
 * overlap: so each is replaced delete-first.
 */
public final class LakeFormationSequence {
    private final Resource parent;
    private Resource previous;

    public LakeFormationSequence(Resource parent, Resource first) {
        this.parent = parent;
        this.previous = first;
    }

    public Permissions grant(String name, PermissionsArgs args, Resource... alsoAfter) {
        var grant = new Permissions(name, args, next(alsoAfter));
        previous = grant;
        return grant;
    }

    public ResourceLfTag assignTag(String name, ResourceLfTagArgs args, Resource... alsoAfter) {
        var assignment = new ResourceLfTag(name, args, next(alsoAfter));
        previous = assignment;
        return assignment;
    }

    private CustomResourceOptions next(Resource... alsoAfter) {
        var dependencies = new ArrayList<Resource>(List.of(alsoAfter));
        dependencies.add(previous);
        return CustomResourceOptions.builder().parent(parent).dependsOn(dependencies).deleteBeforeReplace(true).build();
    }

    /**
     * The lfTagPolicy of a grant on every resource of a type matching a tag expression in a catalog.
     * Clauses are sorted by key: an expression that crossed a stack reference arrives in hash order,
     * and the same expression must always produce the same inputs.
     */
    public static PermissionsLfTagPolicyArgs tagPolicy(String catalogId, String resourceType,
                                                       Map<String, List<String>> expression) {
        return PermissionsLfTagPolicyArgs.builder()
                .catalogId(catalogId)
                .resourceType(resourceType)
                .expressions(new TreeMap<>(expression).entrySet().stream()
                        .map(e -> PermissionsLfTagPolicyExpressionArgs.builder().key(e.getKey()).values(e.getValue()).build())
                        .toList())
                .build();
    }
}
