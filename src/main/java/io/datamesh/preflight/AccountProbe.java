package io.datamesh.preflight;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.preflight.DeployerActions.RequiredAction;
import io.datamesh.verify.StackCredentials;

import java.util.List;
import java.util.Optional;

/** The reads preflight makes in one stack's account, with that stack's credentials; nothing is changed. */
public interface AccountProbe extends AutoCloseable {
    /** STS GetCallerIdentity: whether the credentials resolve, and to which account. */
    CallerIdentity callerIdentity();

    /** Lake Formation GetDataLakeSettings of the caller's account. */
    AccountSettings settings();

    /** IAM SimulatePrincipalPolicy: the principal's decision on each action, in the order given. */
    List<Decision> simulate(String principalArn, List<RequiredAction> actions);

    @Override
    void close();

    /**
     * @param deniedBy for an explicit deny, the policies whose statements deny it
     */
    record Decision(RequiredAction action, boolean allowed, Optional<String> deniedBy) {
    }

    @FunctionalInterface
    interface Factory {
        AccountProbe open(StackCredentials credentials, String region);
    }
}
