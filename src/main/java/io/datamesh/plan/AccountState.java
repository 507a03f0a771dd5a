package io.datamesh.plan;

import java.util.List;
import java.util.Map;

/**
 * What the offline plan assumes an account already has, answered to the program's invokes: by
 * default a typical existing account with one admin outside the mesh and cross-account version 1,
 * whose IAM-only defaults were cleared once (the command the program names for a fresh account),
 * so the plan shows the merge the real run would make; {@link #FRESH} as AWS creates an account.
 */
public record AccountState(List<String> existingAdminRoleNames, int crossAccountVersion, boolean iamOnlyDefaults,
                           String deployerRoleName) {
    public static final AccountState TYPICAL = new AccountState(List.of("PlatformAdmin"), 1, false, "datamesh-deployer");
    public static final AccountState FRESH = new AccountState(List.of(), 1, true, "datamesh-deployer");

    Map<String, Object> dataLakeSettings(String accountId) {
        List<Object> defaults = iamOnlyDefaults
                ? List.of(Map.of("principal", "IAM_ALLOWED_PRINCIPALS", "permissions", List.of("ALL"))) : List.of();
        return Map.ofEntries(
                Map.entry("id", accountId),
                Map.entry("admins", existingAdminRoleNames.stream().map(r -> "arn:aws:iam::" + accountId + ":role/" + r).toList()),
                Map.entry("readOnlyAdmins", List.of()),
                Map.entry("createDatabaseDefaultPermissions", defaults),
                Map.entry("createTableDefaultPermissions", defaults),
                Map.entry("parameters", Map.of("CROSS_ACCOUNT_VERSION", Integer.toString(crossAccountVersion), "SET_CONTEXT", "TRUE")),
                Map.entry("trustedResourceOwners", List.of()),
                Map.entry("allowExternalDataFiltering", false),
                Map.entry("externalDataFilteringAllowLists", List.of()),
                Map.entry("authorizedSessionTagValueLists", List.of()),
                Map.entry("allowFullTableExternalDataAccess", false));
    }

    Map<String, Object> callerIdentity(String accountId) {
        return Map.of("id", accountId, "accountId", accountId, "userId", "AROAPLAN:plan",
                "arn", "arn:aws:sts::" + accountId + ":assumed-role/" + deployerRoleName + "/plan");
    }

    Map<String, Object> sessionContext(String accountId) {
        String issuer = "arn:aws:iam::" + accountId + ":role/" + deployerRoleName;
        return Map.of("id", issuer, "arn", "arn:aws:sts::" + accountId + ":assumed-role/" + deployerRoleName + "/plan",
                "issuerArn", issuer, "issuerId", "AROAPLAN", "issuerName", deployerRoleName, "sessionName", "plan");
    }
}
