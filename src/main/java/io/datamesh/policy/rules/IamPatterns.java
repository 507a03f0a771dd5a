package io.datamesh.policy.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM's wildcard semantics for actions and resources ({@code *} any run of characters, {@code ?}
 * one), and how wide a pattern is: what the policy-document rules ask before calling a statement
 * too broad or broad enough.
 */
public final class IamPatterns {
    /** A run of {@code *} and {@code ?} holding at least one {@code *}: matches every non-empty string. */
    private static final String ALL_WILDCARD = "[*?]*\\*[*?]*";
    private static final Pattern WILDCARD_TAIL = Pattern.compile(ALL_WILDCARD + "$");
    private static final Pattern STAR_TAIL = Pattern.compile("\\*+$");
    /** arn:partition:service:region:account:resource, the resource part possibly holding more colons. */
    private static final Pattern ARN = Pattern.compile("^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$");

    private IamPatterns() {
    }

    /**
     * Whether an IAM action pattern covers every action of {@code service}: it ends in a run of
     * wildcards holding at least one {@code *} ({@code ?} there matches one character, and no action
     * name is empty, so {@code ?*} is as wide as {@code *}) and what precedes that run matches a
     * prefix of {@code service:} ({@code *}, {@code s3:*}, {@code s3*}, {@code *:*}, {@code s3:?*},
     * {@code ?*:?*}); {@code s3:Get*} or {@code s3:*Object} do not.
     */
    public static boolean coversService(String pattern, String service) {
        return coversPrefix(pattern, service + ":", true);
    }

    /**
     * Whether a pattern ends in a wildcard run and what precedes that run matches a prefix of
     * {@code prefix}: it then matches every (non-empty) value that starts with {@code prefix}.
     * With {@code questionMarks} the run may mix {@code ?} with at least one {@code *} (right for
     * checks that flag what is too wide); without, only {@code *} (for checks that accept a
     * statement as wide enough, e.g. a Deny).
     */
    public static boolean coversPrefix(String pattern, String prefix, boolean questionMarks) {
        Matcher tail = (questionMarks ? WILDCARD_TAIL : STAR_TAIL).matcher(pattern);
        if (!tail.find()) {
            return false;
        }
        String head = pattern.substring(0, tail.start());
        for (int k = 0; k <= prefix.length(); k++) {
            if (matches(head, prefix.substring(0, k))) {
                return true;
            }
        }
        return false;
    }

    /** {@code *}, {@code *:*}, {@code ?*:?*} and the like: patterns that match every action of every service. */
    public static boolean coversEveryAction(String pattern) {
        return pattern.matches(ALL_WILDCARD + "(:" + ALL_WILDCARD + ")?");
    }

    /**
     * Whether a Resource entry matches every resource of {@code service} ({@code *} for any
     * service): {@code *}, or an ARN whose service is that one (or a wildcard) and whose region,
     * account and resource parts are all wildcards ({@code arn:aws:s3:::*}, the same with
     * {@code /*} for every object, {@code arn:aws:glue:*:*:*}); {@code ?} counts as a wildcard in
     * the resource part as long as it holds a {@code *} ({@code arn:aws:s3:::?*}).
     */
    public static boolean isAllResources(String resource, String service) {
        if (resource.matches(ALL_WILDCARD)) {
            return true;
        }
        Matcher arn = ARN.matcher(resource);
        if (!arn.matches()) {
            return false;
        }
        String arnService = arn.group(2);
        boolean serviceCovered = arnService.matches(ALL_WILDCARD) || (!service.equals("*") && matches(arnService, service));
        return serviceCovered && arn.group(1).matches("[a-z-]*|\\*+")
                && arn.group(3).matches("\\**") && arn.group(4).matches("\\**")
                && arn.group(5).contains("*") && arn.group(5).matches("[*?/:]+");
    }

    /** IAM wildcard matching: {@code *} any run of characters, {@code ?} one character, case-insensitive. */
    public static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }
}
