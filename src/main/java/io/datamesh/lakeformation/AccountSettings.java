package io.datamesh.lakeformation;

import io.datamesh.util.Ordered;

import java.util.List;
import java.util.Map;

/**
 * An account's Lake Formation data lake settings: the single, authoritative object that
 * PutDataLakeSettings replaces whole. Fields the mesh does not manage are carried over unchanged.
 *
 * @param defaultPermissionPrincipals principals named in the create-database or create-table
 *                                    default permissions (IAM_ALLOWED_PRINCIPALS in a fresh account)
 */
public record AccountSettings(List<String> admins, List<String> readOnlyAdmins,
                              List<String> defaultPermissionPrincipals, Map<String, String> parameters,
                              List<String> trustedResourceOwners, boolean allowExternalDataFiltering,
                              List<String> externalDataFilteringAllowList,
                              List<String> authorizedSessionTagValueList, boolean allowFullTableExternalDataAccess) {
    public static final String CROSS_ACCOUNT_VERSION = "CROSS_ACCOUNT_VERSION";
    public static final int ADMIN_LIMIT = 30;

    public AccountSettings {
        admins = List.copyOf(admins);
        readOnlyAdmins = List.copyOf(readOnlyAdmins);
        defaultPermissionPrincipals = List.copyOf(defaultPermissionPrincipals);
        parameters = Ordered.copy(parameters);
        trustedResourceOwners = List.copyOf(trustedResourceOwners);
        externalDataFilteringAllowList = List.copyOf(externalDataFilteringAllowList);
        authorizedSessionTagValueList = List.copyOf(authorizedSessionTagValueList);
    }

    /** A fresh account never written: version "1" and IAM-only defaults. */
    public int crossAccountVersion() {
        try {
            return Integer.parseInt(parameters.getOrDefault(CROSS_ACCOUNT_VERSION, "1").trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
