package io.datamesh.access;

import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Principal;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.PlannedResource;
import io.datamesh.plan.StackPlan;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.rules.ResourceTypes;
import io.datamesh.policy.rules.mesh.LfInputs;

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

    public static AccessModel of(MeshPlan plan) {
        return of(plan, Set.of());
    }

    /**
     * @param refused URNs of grants a mandatory policy refuses: they are never made, so they grant nothing
     */
    public static AccessModel of(MeshPlan plan, Set<String> refused) {
        var inputs = new LfInputs();
        List<Principal> roles = new ArrayList<>();
        for (StackPlan stack : plan.stacks()) {
            String account = plan.settings().get(stack.stack()).identity().accountId();
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
