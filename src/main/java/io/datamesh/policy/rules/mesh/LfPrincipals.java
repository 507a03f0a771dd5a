package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.StackResources;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How Lake Formation names principals, and who the stack makes a data lake administrator. */
public final class LfPrincipals {
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern IAM_PRINCIPAL = Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):.+$");
    private static final Pattern ORGANIZATION_OR_OU =
            Pattern.compile("^arn:aws[a-z-]*:organizations::\\d{12}:(organization|ou)/.+$");

    private LfPrincipals() {
    }

    public static boolean isAccount(String principal) {
        return ACCOUNT_ID.matcher(principal).matches();
    }

    /** Principals that may hold a grant option: a whole account, organization or OU re-grants internally. */
    public static boolean isAccountOrOrganization(String principal) {
        return isAccount(principal) || ORGANIZATION_OR_OU.matcher(principal).matches();
    }

    /**
     * Whether an allow-list admits a principal: listed itself, or an IAM principal of a listed
     * account (central grants the roles of a domain account, and an allow-list names the account).
     */
    public static boolean allowed(String principal, List<String> allowList) {
        if (allowList.contains(principal)) {
            return true;
        }
        var iam = IAM_PRINCIPAL.matcher(principal);
        return iam.matches() && allowList.contains(iam.group(1));
    }

    /**
     * Whether a role, by ARN or by name (crawlers and IAM roles are often named, admins are always
     * ARNs: {@code ...:role/<path/>name}), is one of the admins.
     */
    public static boolean isAdminRole(Set<String> admins, String roleNameOrArn) {
        if (roleNameOrArn.isEmpty()) {
            return false;
        }
        if (roleNameOrArn.startsWith("arn:")) {
            return admins.contains(roleNameOrArn);
        }
        return admins.stream().anyMatch(a -> a.contains(":role/") && a.endsWith("/" + roleNameOrArn));
    }

    /** The admins every DataLakeSettings in the stack lists. */
    public static Set<String> admins(StackResources stack) {
        return stack.ofType(ResourceTypes.LF_SETTINGS).stream()
                .flatMap(s -> s.inputs().strings("admins").stream())
                .collect(Collectors.toSet());
    }
}
