package io.datamesh.quota;

import io.datamesh.resource.PlannedResource;

import java.util.ArrayList;
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
}
