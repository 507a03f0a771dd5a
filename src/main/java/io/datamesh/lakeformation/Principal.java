package io.datamesh.lakeformation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a Lake Formation grant is made to: a whole AWS account (its LF admin may re-grant what it
 * received) or an IAM role of an account.
 */
public record Principal(String account, Optional<String> role) {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):role/(?:.*/)?([^/]+)");

    public static Principal account(String accountId) {
        return new Principal(accountId, Optional.empty());
    }

    public static Principal role(String accountId, String roleName) {
        return new Principal(accountId, Optional.of(roleName));
    }

    /** A 12-digit account id or an IAM role ARN; anything else (groups, users, organizations) is not modelled. */
    public static Optional<Principal> parse(String principal) {
        if (ACCOUNT_ID.matcher(principal).matches()) {
            return Optional.of(account(principal));
        }
        var arn = ROLE_ARN.matcher(principal);
        return arn.matches() ? Optional.of(role(arn.group(1), arn.group(2))) : Optional.empty();
    }

    public boolean isAccount() {
        return role.isEmpty();
    }

    /** The principal as Lake Formation names it: the account id or the role ARN. */
    public String lakeFormationId() {
        return role.map(r -> "arn:aws:iam::" + account + ":role/" + r).orElse(account);
    }

    @Override
    public String toString() {
        return role.map(r -> r + " (" + account + ")").orElse("account " + account);
    }
}
