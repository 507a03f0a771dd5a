package io.datamesh.access;

import io.datamesh.lakeformation.AccessEvaluator;
import io.datamesh.lakeformation.AccessExplainer;
import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Principal;
import io.datamesh.plan.MeshPlan;
import io.datamesh.resource.PlannedResource;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.PolicyFinding;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access a plan would put in force: a grant that a mandatory policy refuses is never made
 * ({@code pulumi up} stops at it), so it is listed as refused, with the rule, and grants nothing.
 *
 * Any other mandatory finding (on a table, a tag, a bucket, or a whole stack) cannot be modelled
 * that way: leaving a column's tag out changes what the column inherits, so the model could show
 * access the refused configuration would give. Those are {@code unmodelled}, and such a plan has no
 * access in force to show.
 *
 * @param inForce    the model without the refused grants: what the matrix, verdicts and diff show
 * @param planned    the model with every planned grant, to tell a denial caused by a refusal
 * @param unmodelled each stack's mandatory findings on anything but a grant (stacks without any left out)
 * @param contracts  the planned tables' contracts by {@code database.table}: owner, version, columns, tags
 */
public record PlanAccess(AccessModel inForce, AccessModel planned, List<Refusal> refused,
                         Map<String, List<PolicyFinding>> unmodelled, Map<String, PlannedContracts.Contract> contracts) {
    public PlanAccess {
        refused = List.copyOf(refused);
        unmodelled = Collections.unmodifiableMap(new LinkedHashMap<>(unmodelled));
        contracts = Collections.unmodifiableMap(new LinkedHashMap<>(contracts));
    }

    /** A planned grant and the mandatory policy that refuses it. */
    public record Refusal(String stack, String grant, String urn, String pack, String policy, String message) {
        /** The finding's detail, without the rule's description line. */
        public String detail() {
            return message.contains("\n") ? message.substring(message.indexOf('\n') + 1) : message;
        }
    }

    /** One stack's planned resources and the account it deploys to. */
    public record PlannedStack(String stack, String account, List<PlannedResource> resources) {
        public PlannedStack {
            resources = List.copyOf(resources);
        }
    }

    public static PlanAccess of(MeshPlan plan, Map<String, List<PolicyFinding>> findings) {
        return of(PlanAccessModel.stacks(plan), findings);
    }

    /** @param findings every policy finding by stack, as {@code plan} reports them */
    public static PlanAccess of(List<PlannedStack> stacks, Map<String, List<PolicyFinding>> findings) {
        List<Refusal> refused = new ArrayList<>();
        Map<String, List<PolicyFinding>> unmodelled = new LinkedHashMap<>();
        for (PlannedStack stack : stacks) {
            Map<String, PlannedResource> grants = stack.resources().stream()
                    .filter(r -> r.type().equals(ResourceTypes.LF_PERMISSIONS))
                    .collect(Collectors.toMap(PlannedResource::urn, r -> r, (a, b) -> a, LinkedHashMap::new));
            for (PolicyFinding f : findings.getOrDefault(stack.stack(), List.of())) {
                if (f.level() != EnforcementLevel.MANDATORY) {
                    continue;
                }
                var grant = grants.get(f.urn());
                if (grant != null) {
                    refused.add(new Refusal(stack.stack(), grant.name(), f.urn(), f.pack(), f.policy(), f.message()));
                } else {
                    unmodelled.computeIfAbsent(stack.stack(), s -> new ArrayList<>()).add(f);
                }
            }
        }
        var refusedUrns = refused.stream().map(Refusal::urn).collect(Collectors.toSet());
        var planned = PlanAccessModel.of(stacks, Set.of());
        return new PlanAccess(PlanAccessModel.of(stacks, refusedUrns), planned, refused, unmodelled,
                PlannedContracts.of(stacks, planned));
    }

    /**
     * A verdict on the access in force; a denial that only a refused grant causes says so, with
     * the rule: the plan would have given that access, had the policy let the grant be made.
     */
    public AccessExplainer.Explanation explain(Principal principal, AccessEvaluator.CatalogTable table, Optional<String> column) {
        var inForce = new AccessEvaluator(this.inForce).explain(principal, table, column);
        if (inForce.allowed()) {
            return inForce;
        }
        var planned = new AccessEvaluator(this.planned).explain(principal, table, column);
        if (!planned.allowed()) {
            return inForce;
        }
        List<String> reasons = new ArrayList<>();
        for (String grant : new AccessEvaluator(this.planned).access(principal, table).via()) {
            refusalsOf(grant).forEach(r -> reasons.add(grant + " (stack " + r.stack() + ") is refused by mandatory policy "
                    + r.pack() + "/" + r.policy() + ": " + r.detail()));
        }
        return new AccessExplainer.Explanation(principal, inForce.catalogId(), inForce.target(), false,
                Optional.of(AccessExplainer.MissingStep.REFUSED_BY_POLICY), inForce.verdict(), reasons);
    }

    /** The refusals of one grant (by its resource name), in finding order. */
    public List<Refusal> refusalsOf(String grant) {
        return refused.stream().filter(r -> r.grant().equals(grant)).toList();
    }
}
