package io.datamesh.verify;

import java.util.Optional;

/**
 * One difference between a live account and the plan.
 *
 * @param subject what the finding is about: a principal and resource, a role and table, an admin
 * @param fix     a command or step that repairs it, where one is known
 */
public record Finding(String stack, String account, Check check, String subject, String problem, Optional<String> fix) {
    public enum Check {
        /** The account could not be read with the stack's credentials. */
        ACCESS_TO_ACCOUNT,
        SETTINGS,
        IAM_ALLOWED_PRINCIPALS,
        GRANT_MISSING,
        GRANT_EXTRA,
        RESOURCE_LINK,
        QUERY,
        RAM_INVITATION
    }

    static Finding of(AccountExpectation account, Check check, String subject, String problem) {
        return new Finding(account.stack(), account.accountId(), check, subject, problem, Optional.empty());
    }

    Finding withFix(String command) {
        return new Finding(stack, account, check, subject, problem, Optional.of(command));
    }
}
