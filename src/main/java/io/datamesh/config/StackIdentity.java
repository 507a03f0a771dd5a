package io.datamesh.config;

import io.datamesh.quota.Quota;

import java.util.List;
import java.util.Map;

/**
 * Facts every stack shares.
 *
 * @param lakeFormationAdmins extra principals (e.g. the CI deployment role) that must stay Lake
 *                            Formation admins; they are merged with the account's current admins
 * @param crossAccountVersion the Lake Formation cross-account version the account is pinned to (4 or 5)
 * @param raisedQuotas        AWS quotas this account has had raised ({@code datamesh:quotas})
 */
public record StackIdentity(String org, String project, String stack, String accountId, String region,
                            String namePrefix, int crossAccountVersion, List<String> lakeFormationAdmins,
                            Map<Quota, Long> raisedQuotas) {
    public StackIdentity {
        lakeFormationAdmins = List.copyOf(lakeFormationAdmins);
        raisedQuotas = Map.copyOf(raisedQuotas);
    }

    /** The fully qualified name another stack of this project has on the same backend. */
    public String qualify(String stackName) {
        return stackName.contains("/") ? stackName : org + "/" + project + "/" + stackName;
    }
}
