package io.datamesh.quota;

import io.datamesh.config.StackSettings;
import io.datamesh.plan.PlannedResource;
import io.datamesh.plan.StackPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts each account's planned resources against its quotas: a warning at 80%, an error above. */
public final class QuotaCheck {
    static final double WARNING_SHARE = 0.8;

    private QuotaCheck() {
    }

    /**
     * @param resourcesByAccount every planned resource of each account (all its stacks together)
     * @param raisedByAccount    the configured raised quotas of each account, by quota
     */
    public static List<QuotaFinding> check(Map<String, List<PlannedResource>> resourcesByAccount,
                                           Map<String, Map<Quota, Long>> raisedByAccount) {
        List<QuotaFinding> findings = new ArrayList<>();
        resourcesByAccount.forEach((account, resources) -> {
            Map<Quota, Long> raised = raisedByAccount.getOrDefault(account, Map.of());
            for (Quota quota : Quota.values()) {
                long used = quota.usage(resources);
                long limit = raised.getOrDefault(quota, quota.defaultLimit());
                if (used > limit) {
                    findings.add(new QuotaFinding(account, quota, used, limit, raised.containsKey(quota), QuotaFinding.Level.ERROR));
                } else if (used >= WARNING_SHARE * limit) {
                    findings.add(new QuotaFinding(account, quota, used, limit, raised.containsKey(quota), QuotaFinding.Level.WARNING));
                }
            }
        });
        return findings;
    }

    /**
     * The stacks with each account's quota findings added to the stacks of that account that use
     * the quota: an exceeded quota as an error, one at 80% as a warning. Stacks of one account
     * count together, and a quota raised in any of them counts for the account.
     */
    public static List<StackPlan> annotate(List<StackPlan> stacks, Map<String, StackSettings> settings) {
        Map<String, List<PlannedResource>> resources = new LinkedHashMap<>();
        Map<String, Map<Quota, Long>> raised = new LinkedHashMap<>();
        for (StackPlan stack : stacks) {
            var identity = settings.get(stack.stack()).identity();
            resources.computeIfAbsent(identity.accountId(), a -> new ArrayList<>()).addAll(stack.resources());
            identity.raisedQuotas().forEach((quota, limit) ->
                    raised.computeIfAbsent(identity.accountId(), a -> new LinkedHashMap<>()).merge(quota, limit, Math::max));
        }
        List<QuotaFinding> findings = check(resources, raised);
        return stacks.stream().map(stack -> {
            String account = settings.get(stack.stack()).identity().accountId();
            List<String> warnings = new ArrayList<>(stack.warnings());
            List<String> errors = new ArrayList<>(stack.errors());
            findings.stream().filter(f -> f.account().equals(account) && f.quota().usage(stack.resources()) > 0)
                    .forEach(f -> (f.level() == QuotaFinding.Level.ERROR ? errors : warnings).add(f.message()));
            return new StackPlan(stack.stack(), stack.role(), stack.resources(), stack.outputs(), warnings, errors,
                    stack.retainedOnDelete(), stack.dependsOn());
        }).toList();
    }
}
