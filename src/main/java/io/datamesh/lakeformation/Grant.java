package io.datamesh.lakeformation;

import java.util.List;

/**
 * One Lake Formation grant.
 *
 * @param name           the grant's resource name in the plan, so an answer can point at it
 * @param grantorAccount the account whose Lake Formation issues the grant (its catalogId)
 * @param grantable      the permissions given with the grant option (re-grantable)
 */
public record Grant(String name, String grantorAccount, Principal principal, List<String> permissions,
                    List<String> grantable, LfResource resource) {
    public Grant {
        permissions = List.copyOf(permissions);
        grantable = List.copyOf(grantable);
    }

    /** What the receiver may pass on: only the permissions it holds with the grant option. */
    public Grant reGrantable() {
        return new Grant(name, grantorAccount, principal, grantable, grantable, resource);
    }
}
