package io.datamesh.config;

import java.util.List;

/**
 * Facts every stack shares.
 *
 * @param lakeFormationAdmins extra principals (e.g. the CI deployment role) that must stay Lake
 *                            Formation admins; they are merged with the account's current admins
 * @param crossAccountVersion the Lake Formation cross-account version the account is pinned to (4 or 5)
 */
public record StackIdentity(String org, String project, String stack, String accountId, String region,
                            String namePrefix, int crossAccountVersion, List<String> lakeFormationAdmins) {
    public StackIdentity {
        lakeFormationAdmins = List.copyOf(lakeFormationAdmins);
    }

    /** The fully qualified name another stack of this project has on the same backend. */
    public String qualify(String stackName) {
        return stackName.contains("/") ? stackName : org + "/" + project + "/" + stackName;
    }
}
