package io.datamesh.access;

import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Principal;
import io.datamesh.plan.MeshPlan;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.Props;
import io.datamesh.resource.ResourceTypes;
import io.datamesh.lakeformation.LfInputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the access model from the planned resources of every stack — the very grants, tags,
 * tables and links a deployment would create — so the explainer cannot drift from the program.
 */
public final class PlanAccessModel {
    private PlanAccessModel() {
    }

    /** Every planned grant, refused by a policy or not (see {@link PlanAccess} for the access in force). */
    public static AccessModel of(MeshPlan plan) {
        return of(stacks(plan), Set.of());
    }

    /** Each planned stack with the account it deploys to. */
    static List<PlanAccess.PlannedStack> stacks(MeshPlan plan) {
        return plan.stacks().stream().map(s -> new PlanAccess.PlannedStack(s.stack(),
                plan.settings().get(s.stack()).identity().accountId(), s.resources())).toList();
    }

    /**
     * @param refused URNs of grants a mandatory policy refuses: they are never made, so they grant nothing
     */
    public static AccessModel of(List<PlanAccess.PlannedStack> stacks, Set<String> refused) {
        var inputs = new LfInputs();
        List<Principal> roles = new ArrayList<>();
        for (var stack : stacks) {
            String account = stack.account();
            for (PlannedResource r : stack.resources()) {
                if (refused.contains(r.urn())) {
                    continue;
                }
                Props in = Props.of(r.inputs());
                inputs.add(account, r.type(), r.name(), in);
                if (r.type().equals(ResourceTypes.IAM_ROLE)) {
                    in.string("name").ifPresent(name -> roles.add(Principal.role(account, name)));
                }
            }
        }
        return new AccessModel(inputs.catalogs(), inputs.links(), inputs.grants(), roles);
    }
}
