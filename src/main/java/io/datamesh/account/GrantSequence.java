package io.datamesh.account;

import com.pulumi.aws.lakeformation.Permissions;
import com.pulumi.aws.lakeformation.PermissionsArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsLfTagPolicyArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsLfTagPolicyExpressionArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issues an account's Lake Formation grants one after another. Lake Formation rejects concurrent
 * permission changes with ConcurrentModificationException, so each grant depends on the previous
 * one (and the first on whatever made the deployer a Lake Formation admin).
 */
public final class GrantSequence {
    private final Resource parent;
    private Resource previous;

    public GrantSequence(Resource parent, Resource first) {
        this.parent = parent;
        this.previous = first;
    }

    public Permissions grant(String name, PermissionsArgs args, Resource... alsoAfter) {
        var dependencies = new ArrayList<Resource>(List.of(alsoAfter));
        dependencies.add(previous);
        var grant = new Permissions(name, args, CustomResourceOptions.builder()
                .parent(parent).dependsOn(dependencies).build());
        previous = grant;
        return grant;
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
