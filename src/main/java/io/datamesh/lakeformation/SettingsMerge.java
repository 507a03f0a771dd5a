package io.datamesh.lakeformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides what the mesh writes into an account's data lake settings, given what is there now.
 * Admins are only ever added, unmanaged fields are carried over, the cross-account version is
 * raised to the pinned one and never lowered, and default permissions must already be empty so that
 * Lake Formation grants, not IAM_ALLOWED_PRINCIPALS, decide access to new databases and tables.
 */
public final class SettingsMerge {
    private SettingsMerge() {
    }

    /**
     * @param blockers      reasons the account is not ready; each carries its fix. Non-empty = no write.
     * @param notices       changes a human should know the write makes
     * @param defaultsClear while the account has IAM-only defaults, the one write that clears them: the
     *                      target without the admins the stack creates itself (they are no principals yet).
     *                      What the printed command writes and what {@code up --clear-iam-defaults} writes.
     */
    public record Outcome(AccountSettings target, List<String> blockers, List<String> notices,
                          Optional<AccountSettings> defaultsClear) {
        public Outcome {
            blockers = List.copyOf(blockers);
            notices = List.copyOf(notices);
        }

        /** The blockers left once {@link #defaultsClear} is written: the defaults' own comes last. */
        public List<String> blockersBesidesDefaults() {
            return defaultsClear.isPresent() ? blockers.subList(0, blockers.size() - 1) : blockers;
        }
    }

    /**
     * @param requiredAdmins the admins the stack needs
     * @param createdByStack those of them the stack itself creates (they cannot be named before they exist)
     */
    public static Outcome merge(String accountId, AccountSettings current, List<String> requiredAdmins,
                                List<String> createdByStack, int pinnedVersion) {
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

        var target = new AccountSettings(List.copyOf(admins), current.readOnlyAdmins(), List.of(), parameters,
                current.trustedResourceOwners(), current.allowExternalDataFiltering(),
                current.externalDataFilteringAllowList(), current.authorizedSessionTagValueList(),
                current.allowFullTableExternalDataAccess());
        // Every database created while they stand keeps them for its tables, and the settings
        // resource cannot clear them (see SettingsCommand): the account must be cleared first.
        Optional<AccountSettings> defaultsClear = Optional.empty();
        if (!current.defaultPermissionPrincipals().isEmpty()) {
            // A role the stack creates is left out until it exists; one that is an admin already is kept.
            defaultsClear = Optional.of(new AccountSettings(admins.stream()
                    .filter(a -> current.admins().contains(a) || !createdByStack.contains(a)).toList(),
                    target.readOnlyAdmins(), List.of(), target.parameters(), target.trustedResourceOwners(),
                    target.allowExternalDataFiltering(), target.externalDataFilteringAllowList(),
                    target.authorizedSessionTagValueList(), target.allowFullTableExternalDataAccess()));
            blockers.add("account " + accountId + " still grants " + new TreeSet<>(current.defaultPermissionPrincipals())
                    + " on every new database and table (Lake Formation's IAM-only defaults), and pulumi-aws cannot clear"
                    + " them: its settings write leaves empty lists out (pulumi-aws #4366). Fix, once, with this account's"
                    + " credentials (it writes the merged settings this stack would, every admin kept; the stack adds the"
                    + " admin roles it creates itself), then preview again:\n"
                    + "    " + SettingsCommand.putDataLakeSettings(accountId, defaultsClear.get()));
        }
        return new Outcome(target, blockers, notices, defaultsClear);
    }
}
