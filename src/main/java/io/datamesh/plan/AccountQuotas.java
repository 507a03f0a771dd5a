package io.datamesh.plan;

import io.datamesh.config.StackSettings;
import io.datamesh.quota.Quota;
import io.datamesh.quota.QuotaCheck;
import io.datamesh.quota.QuotaUsage;
import io.datamesh.resource.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The quotas of the accounts a plan's stacks deploy into, each account's stacks counted together. */
public final class AccountQuotas {
    private AccountQuotas() {
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
        return QuotaCheck.usage(resources, raised);
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
