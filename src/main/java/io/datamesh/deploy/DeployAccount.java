package io.datamesh.deploy;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.preflight.CallerIdentity;
import io.datamesh.verify.Invitation;
import io.datamesh.verify.LiveGrant;
import io.datamesh.verify.StackCredentials;

import java.util.List;

/**
 * The AWS calls {@code up} makes itself in one stack's account, with that stack's credentials, around the
 * Pulumi steps: STS GetCallerIdentity, Lake Formation GetDataLakeSettings, PutDataLakeSettings and
 * ListPermissions, and RAM GetResourceShareInvitations. Nothing else is called.
 */
public interface DeployAccount extends AutoCloseable {
    CallerIdentity callerIdentity();

    AccountSettings settings();

    /** PutDataLakeSettings of the whole settings, default permissions written as empty lists. */
    void writeSettings(String accountId, AccountSettings settings);

    /** Every RAM resource share invitation the account received, whatever its status. */
    List<Invitation> invitations();

    /** ListPermissions filtered by the resource alone (see {@link GrantReadBack} for why not by principal). */
    List<LiveGrant> grantsOn(LfResource.TagPolicy resource);

    @Override
    void close();

    @FunctionalInterface
    interface Factory {
        DeployAccount open(StackCredentials credentials, String region, String accountId);
    }
}
