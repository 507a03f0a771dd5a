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

    /** The grants of the account's catalog as they were made: ListPermissions without a filter. */
    List<LiveGrant> grants();

    /**
     * What Lake Formation computes for query execution on one database (ListPermissions filtered by it:
     * the Lake Formation team, quoted in terraform-provider-aws #44574), tag-policy grants included as
     * database grants. It can confirm a declared grant, never show an undeclared one.
     */
    List<LiveGrant> effectiveGrants(LfResource.Database database);

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
