package io.datamesh.account;

import com.pulumi.aws.lakeformation.Permissions;
import com.pulumi.aws.lakeformation.PermissionsArgs;
import com.pulumi.aws.lakeformation.ResourceLfTag;
import com.pulumi.aws.lakeformation.ResourceArgs;
import com.pulumi.aws.lakeformation.ResourceLfTagArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsLfTagPolicyArgs;
import com.pulumi.aws.lakeformation.inputs.PermissionsLfTagPolicyExpressionArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.TagExpression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Makes an account's Lake Formation changes — grants, LF-tag assignments, data location
 * registrations — in at most
 * {@link #MAX_LANES} lanes. Within a lane each change depends on the previous one; every lane
 * starts after the settings write that made the deployer an admin. So at most {@code MAX_LANES}
 * changes of the account are in flight at once, whatever {@code pulumi up --parallel} allows.
 *
 * <p>A lane is chosen by a key the caller names: all writes on one database and its tables (their
 * tag assignments, the crawler's grants on them) share a key, and so do the configured grants to
 * one query role. Writes on one database or its tables therefore never run together; what may
 * still collide — grants of the same LF-tag expression to two query roles, which sit in the two
 * roles' lanes — meets ConcurrentModificationException, which the provider retries on GrantPermissions and
 * AddLFTagsToResource for up to two minutes ({@code IAMPropagationTimeout}), and on their revokes
 * within the delete timeout (terraform-provider-aws {@code internal/service/lakeformation/permissions.go},
 * {@code resource_lf_tag.go}). A new key takes the lane with the
 * fewest writes so far: the lanes stay even as long as keys come in roughly equal blocks.
 *
 * <p>Every input of a grant or tag assignment forces replacement (all arguments ForceNew). Pulumi
 * replaces create-then-delete by default, and the old resource's delete then revokes (or untags)
 * exactly what the new one has just granted, whenever the two overlap: so each is replaced
 * delete-first.
 */
public final class LakeFormationLanes {
    /**
     * 2,755 writes of central at 50 domains need at least 28 lanes for a chain of at most 100;
     * with 32 in flight and ~1 s a write, a write that keeps meeting ConcurrentModificationException
     * waits for about 31 others, a quarter of the provider's two-minute retry window.
     */
    public static final int MAX_LANES = 32;

    private final ChildOf placement;
    private final Lanes lanes;

    public LakeFormationLanes(Resource parent, Resource first) {
        this(ChildOf.of(parent), new Lanes(first));
    }

    private LakeFormationLanes(ChildOf placement, Lanes lanes) {
        this.placement = placement;
        this.lanes = lanes;
    }

    /** The same lanes, with the writes made through the view placed as {@code placement} says. */
    public LakeFormationLanes placing(ChildOf placement) {
        return new LakeFormationLanes(placement, lanes);
    }

    public Permissions grant(String lane, String name, PermissionsArgs args, Resource... alsoAfter) {
        return inLane(lane, options -> new Permissions(name, args, options), alsoAfter);
    }

    public ResourceLfTag assignTag(String lane, String name, ResourceLfTagArgs args, Resource... alsoAfter) {
        return inLane(lane, options -> new ResourceLfTag(name, args, options), alsoAfter);
    }

    /**
     * A data location registration (RegisterResource), in the lane of the grants that name it.
     * Delete-first too: the provider takes AlreadyExistsException on register as success
     * ({@code internal/service/lakeformation/resource.go}), so a create-then-delete replacement
     * would end with the old resource's delete deregistering the location.
     */
    public com.pulumi.aws.lakeformation.Resource register(String lane, String name, ResourceArgs args) {
        return inLane(lane, options -> new com.pulumi.aws.lakeformation.Resource(name, args, options));
    }

    private <R extends Resource> R inLane(String key, Function<CustomResourceOptions, R> create, Resource... alsoAfter) {
        int lane = lanes.laneOf(key);
        lanes.writesOfLane.set(lane, lanes.writesOfLane.get(lane) + 1);
        var dependencies = new ArrayList<Resource>(List.of(alsoAfter));
        dependencies.add(lanes.lastOfLane.get(lane));
        R write = create.apply(placement.options().dependsOn(dependencies).deleteBeforeReplace(true).build());
        lanes.lastOfLane.set(lane, write);
        return write;
    }

    /** The lanes of one account, shared by every view that places writes in them. */
    private static final class Lanes {
        private final Resource first;
        private final Map<String, Integer> laneOfKey = new HashMap<>();
        private final List<Resource> lastOfLane = new ArrayList<>();
        private final List<Integer> writesOfLane = new ArrayList<>();

        Lanes(Resource first) {
            this.first = first;
        }

        int laneOf(String key) {
            return laneOfKey.computeIfAbsent(key, k -> {
                if (lastOfLane.size() < MAX_LANES) {
                    lastOfLane.add(first);
                    writesOfLane.add(0);
                    return lastOfLane.size() - 1;
                }
                int least = 0;
                for (int i = 1; i < writesOfLane.size(); i++) {
                    if (writesOfLane.get(i) < writesOfLane.get(least)) {
                        least = i;
                    }
                }
                return least;
            });
        }
    }

    /**
     * The lfTagPolicy of a grant on every resource of a type matching a tag expression in a catalog.
     * Clauses are sorted by key: an expression that crossed a stack reference arrives in hash order,
     * and the same expression must always produce the same inputs.
     */
    public static PermissionsLfTagPolicyArgs tagPolicy(String catalogId, LfResource.ResourceType resourceType,
                                                       TagExpression expression) {
        return PermissionsLfTagPolicyArgs.builder()
                .catalogId(catalogId)
                .resourceType(resourceType.name())
                .expressions(new TreeMap<>(expression.clauses()).entrySet().stream()
                        .map(e -> PermissionsLfTagPolicyExpressionArgs.builder().key(e.getKey())
                                .values(List.copyOf(e.getValue())).build())
                        .toList())
                .build();
    }
}
