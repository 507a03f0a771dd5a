package io.datamesh.verify;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.ResourceLink;

import java.util.List;
import java.util.Optional;

/** Read-only view of one live account, with the credentials of the stack deployed there. */
public interface AccountReader extends AutoCloseable {
    /** The account the credentials belong to. */
    String callerAccount();

    AccountSettings settings();

    /** The permissions granted in the account's catalog: its whole listing, and the listing of each database. */
    List<LiveGrant> grants(List<LfResource.Database> databases);

    /** The resource link of that name in the account's catalog, if it exists and is a link. */
    Optional<ResourceLink> link(String name);

    /** Runs the query as the expectation's role, in its workgroup. */
    QueryOutcome query(QueryExpectation query);

    /** The AWS RAM invitations the account received. */
    List<Invitation> invitations();

    @Override
    void close();

    /** Opens the reader of one stack's account. */
    @FunctionalInterface
    interface Factory {
        AccountReader open(AccountExpectation account);
    }
}
