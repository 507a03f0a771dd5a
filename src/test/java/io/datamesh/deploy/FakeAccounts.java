package io.datamesh.deploy;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.preflight.CallerIdentity;
import io.datamesh.verify.Invitation;
import io.datamesh.verify.LiveGrant;
import io.datamesh.verify.StackCredentials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Accounts in memory behind {@link DeployAccount}: what each answers, and every settings write made. */
public final class FakeAccounts implements DeployAccount.Factory {
    public final Map<String, AccountSettings> settings = new HashMap<>();
    public final Map<String, List<Invitation>> invitations = new HashMap<>();
    public final Map<String, List<LiveGrant>> grants = new HashMap<>();
    /** [account, the settings written], in order. */
    public final List<Map.Entry<String, AccountSettings>> writes = new ArrayList<>();
    /** What the tag-policy listings were asked for. */
    public final List<LfResource.TagPolicy> listed = new ArrayList<>();
    /** Lake Formation answers the write, but keeps these admins out of what it then reads (a lost admin). */
    public final List<String> dropOnWrite = new ArrayList<>();

    public static AccountSettings fresh(List<String> admins) {
        return new AccountSettings(admins, List.of("arn:aws:iam::111111111111:role/Auditor"), List.of("IAM_ALLOWED_PRINCIPALS"),
                Map.of("CROSS_ACCOUNT_VERSION", "1", "SET_CONTEXT", "TRUE"), List.of("444444444444"), true,
                List.of("arn:aws:iam::111111111111:role/Emr"), List.of("EMR"), false);
    }

    @Override
    public DeployAccount open(StackCredentials credentials, String region, String accountId) {
        return new DeployAccount() {
            @Override
            public CallerIdentity callerIdentity() {
                return new CallerIdentity(accountId, "arn:aws:sts::" + accountId + ":assumed-role/datamesh-deployer/datamesh-verify");
            }

            @Override
            public AccountSettings settings() {
                return settings.getOrDefault(accountId, fresh(List.of()));
            }

            @Override
            public void writeSettings(String catalog, AccountSettings written) {
                writes.add(Map.entry(catalog, written));
                settings.put(catalog, new AccountSettings(written.admins().stream().filter(a -> !dropOnWrite.contains(a)).toList(),
                        written.readOnlyAdmins(), written.defaultPermissionPrincipals(), written.parameters(),
                        written.trustedResourceOwners(), written.allowExternalDataFiltering(),
                        written.externalDataFilteringAllowList(), written.authorizedSessionTagValueList(),
                        written.allowFullTableExternalDataAccess()));
            }

            @Override
            public List<Invitation> invitations() {
                return invitations.getOrDefault(accountId, List.of());
            }

            @Override
            public List<LiveGrant> grantsOn(LfResource.TagPolicy resource) {
                listed.add(resource);
                return grants.getOrDefault(accountId, List.of());
            }

            @Override
            public void close() {
            }
        };
    }
}
