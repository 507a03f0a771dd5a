package io.datamesh.verify;

import io.datamesh.lakeformation.LfResource;

import java.util.List;
import java.util.Optional;

/**
 * One entry of an account's {@code ListPermissions} answer.
 *
 * @param principal   the DataLakePrincipalIdentifier as Lake Formation returns it: an account id, a role
 *                    ARN, IAM_ALLOWED_PRINCIPALS, a group, an organization
 * @param resource  the resource in the access model's terms; empty for kinds the model has no record
 *                  for (catalog, data cells filter, columns with exclusions), which verify does not compare
 */
public record LiveGrant(String principal, List<String> permissions, List<String> grantable,
                        Optional<LfResource> resource) {
    public static final String IAM_ALLOWED_PRINCIPALS = "IAM_ALLOWED_PRINCIPALS";

    public LiveGrant {
        permissions = List.copyOf(permissions);
        grantable = List.copyOf(grantable);
    }
}
