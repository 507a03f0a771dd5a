package io.datamesh.lakeformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides what the mesh writes into an account's data lake settings, given what is there now.
 * Admins are only ever added, unmanaged fields are carried over, the cross-account version is
 * raised to the pinned one and never lowered, and default permissions become empty so that Lake
 * Formation grants, not IAM_ALLOWED_PRINCIPALS, decide access to new databases and tables.
 */
public final class SettingsMerge {
    private SettingsMerge() {
    }

    /**
     * @param blockers reasons the account is not ready; each carries its fix. Non-empty = no write.
     * @param notices  changes a human should know the write makes
     */
    public record Outcome(AccountSettings target, List<String> blockers, List<String> notices) {
        public Outcome {
            blockers = List.copyOf(blockers);
            notices = List.copyOf(notices);
        }
    }

    public static Outcome merge(String accountId, AccountSettings current, List<String> requiredAdmins,
                                int pinnedVersion) {
        List<String> blockers = new ArrayList<>();
        List<String> notices = new ArrayList<>();

        var admins = new TreeSet<>(current.admins());
        var added = new TreeSet<>(requiredAdmins);
        added.removeAll(current.admins());
        admins.addAll(requiredAdmins);
        if (!added.isEmpty()) {
            notices.add("account " + accountId + ": adds Lake Formation admin(s) " + added
                    + ", keeping the " + current.admins().size() + " existing one(s)");
        }
        if (admins.size() > AccountSettings.ADMIN_LIMIT) {
            blockers.add("account " + accountId + " would have " + admins.size() + " Lake Formation admins, more than AWS's limit of "
                    + AccountSettings.ADMIN_LIMIT + ". Fix: remove unused admins in the Lake Formation console"
                    + " (Administrative roles and tasks), then preview again.");
        }

        int currentVersion = current.crossAccountVersion();
        if (currentVersion > pinnedVersion) {
            blockers.add("account " + accountId + " uses Lake Formation cross-account version " + currentVersion
                    + " but this stack pins " + pinnedVersion + "; the mesh never lowers it. Fix: set"
                    + " `datamesh:crossAccountVersion: " + currentVersion + "` in this stack's file"
                    + " (pulumi config set datamesh:crossAccountVersion " + currentVersion + ").");
        } else if (currentVersion < pinnedVersion) {
            notices.add("account " + accountId + ": raises the Lake Formation cross-account version from "
                    + currentVersion + " to " + pinnedVersion);
        }
        var parameters = new LinkedHashMap<>(current.parameters());
        parameters.put(AccountSettings.CROSS_ACCOUNT_VERSION, Integer.toString(Math.max(currentVersion, pinnedVersion)));

        if (!current.defaultPermissionPrincipals().isEmpty()) {
            notices.add("account " + accountId + ": empties the default permissions for new databases and tables (were "
                    + new TreeSet<>(current.defaultPermissionPrincipals()) + "); existing resources keep their grants");
        }

        var target = new AccountSettings(List.copyOf(admins), current.readOnlyAdmins(), List.of(), parameters,
                current.trustedResourceOwners(), current.allowExternalDataFiltering(),
                current.externalDataFilteringAllowList(), current.authorizedSessionTagValueList(),
                current.allowFullTableExternalDataAccess());
        return new Outcome(target, blockers, notices);
    }
}
