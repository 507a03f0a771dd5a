package io.datamesh.e2e.standin;

import java.util.Map;

/**
 * Whether a Lake Formation share through AWS RAM reaches its receiver at once or as an invitation.
 * Inside an Organization with RAM sharing enabled the Lake Formation DG says no acceptance is needed;
 * the AWS RAM user guide says a share to an individual IAM role or user is an invitation even there.
 * {@link #roleInvitations} lets the e2e run the second reading.
 *
 * @param organization    the accounts are in one AWS Organization with RAM sharing enabled
 * @param roleInvitations inside it, a share made for a grant to an IAM role still arrives as an invitation
 */
record RamSharing(boolean organization, boolean roleInvitations) {
    static final String ORGANIZATION_ENV = "DATAMESH_STANDIN_ORGANIZATION";
    static final String ROLE_INVITATIONS_ENV = "DATAMESH_STANDIN_ROLE_INVITATIONS";

    static RamSharing fromEnv(Map<String, String> env) {
        return new RamSharing(!"false".equalsIgnoreCase(env.getOrDefault(ORGANIZATION_ENV, "true")),
                "true".equalsIgnoreCase(env.getOrDefault(ROLE_INVITATIONS_ENV, "false")));
    }

    /** Whether a share made for a grant to this principal (an account id or an ARN) is an invitation. */
    boolean invites(String principal) {
        return !organization || (roleInvitations && principal.contains(":role/"));
    }
}
