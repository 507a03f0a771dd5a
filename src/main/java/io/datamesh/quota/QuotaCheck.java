package io.datamesh.quota;

import io.datamesh.config.StackSettings;
import io.datamesh.plan.PlannedResource;
import io.datamesh.plan.StackPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts each account's planned resources against its quotas. */
public final class QuotaCheck {
    private QuotaCheck() {
    }

    /**
     * Every quota of every account.
     *
     * @param resourcesByAccount every planned resource of each account (all its stacks together)
     * @param raisedByAccount    the configured raised quotas of each account, by quota
     */
    public static List<QuotaUsage> usage(Map<String, List<PlannedResource>> resourcesByAccount,
                                         Map<String, Map<Quota, Long>> raisedByAccount) {
        List<QuotaUsage> usage = new ArrayList<>();
        resourcesByAccount.forEach((account, resources) -> {
            Map<Quota, Long> raised = raisedByAccount.getOrDefault(account, Map.of());
            for (Quota quota : Quota.values()) {
                usage.add(new QuotaUsage(account, quota, quota.usage(resources),
                        raised.getOrDefault(quota, quota.defaultLimit()), raised.containsKey(quota)));
            }
        });
        return usage;
    }

    /** Every quota of every account the stacks deploy into; a quota raised in any stack of an account counts for it. */
    public static List<QuotaUsage> usage(List<StackPlan> stacks, Map<String, StackSettings> settings) {
        Map<String, List<PlannedResource>> resources = new LinkedHashMap<>();
        Map<String, Map<Quota, Long>> raised = new LinkedHashMap<>();
        for (StackPlan stack : stacks) {
            var identity = settings.get(stack.stack()).identity();
            resources.computeIfAbsent(identity.accountId(), a -> new ArrayList<>()).addAll(stack.resources());
            identity.raisedQuotas().forEach((quota, limit) ->
                    raised.computeIfAbsent(identity.accountId(), a -> new LinkedHashMap<>()).merge(quota, limit, Math::max));
        }
        return usage(resources, raised);
    }

    /**
     * The stacks with their account's quota findings added to those of its stacks that use the
     * quota: an exceeded quota as an error, one at 80% as a warning.
     */
    public static List<StackPlan> annotate(List<StackPlan> stacks, Map<String, StackSettings> settings) {
        List<QuotaUsage> findings = usage(stacks, settings).stream()
                .filter(u -> u.level() != QuotaUsage.Level.OK).toList();
        return stacks.stream().map(stack -> {
            String account = settings.get(stack.stack()).identity().accountId();
            List<String> warnings = new ArrayList<>(stack.warnings());
            List<String> errors = new ArrayList<>(stack.errors());
            findings.stream().filter(f -> f.account().equals(account) && f.quota().usage(stack.resources()) > 0)
                    .forEach(f -> (f.level() == QuotaUsage.Level.ERROR ? errors : warnings).add(f.message()));
            return new StackPlan(stack.stack(), stack.role(), stack.resources(), stack.outputs(), warnings, errors,
                    stack.retainedOnDelete(), stack.dependsOn());
        }).toList();
    }
}
