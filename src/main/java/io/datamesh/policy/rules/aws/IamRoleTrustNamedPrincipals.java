package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A trust policy naming an account (its root, or its bare id) lets whoever that account's IAM
 * allows to assume roles take the role — for a Lake Formation admin role, anyone there could grant
 * themselves the PII columns. The account may be named only with an {@code aws:PrincipalArn}
 * condition that names roles or users; {@code *} only with such a condition as well.
 */
public final class IamRoleTrustNamedPrincipals extends ResourceRule {
    private static final Pattern ACCOUNT = Pattern.compile("(arn:aws[a-z-]*:iam::)?\\d{12}(:root)?");
    /** An IAM role or user ARN (or pattern) whose name part is more than wildcards and slashes. */
    private static final Pattern NAMED = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.*[^*?/].*");

    public IamRoleTrustNamedPrincipals() {
        super("iam-role-trust-named-principals", EnforcementLevel.MANDATORY,
                "Role trust policies name principals, or an account only with an aws:PrincipalArn condition naming roles or users.",
                ResourceTypes.IAM_ROLE);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return PolicyDocument.read(inputs, "assumeRolePolicy").map(doc -> doc.allowProblems(s -> {
            if (s.allowsAllButListedPrincipals()) {
                return Stream.of(s.notPrincipalProblem(" to assume the role"));
            }
            boolean named = namesPrincipals(s);
            return s.principals().stream()
                    .filter(p -> !p.isService() && (p.isWildcard() || ACCOUNT.matcher(p.id()).matches()))
                    .filter(p -> !named)
                    .map(p -> "trusts " + p.id() + " without an aws:PrincipalArn condition naming roles or users:"
                            + " every principal allowed to assume roles there may assume this one");
        })).orElse(List.of());
    }

    /** aws:PrincipalArn conditions whose every value names a role or user. */
    private static boolean namesPrincipals(PolicyDocument.Statement statement) {
        List<String> values = statement.principalArnValues();
        return !values.isEmpty() && values.stream().allMatch(v -> NAMED.matcher(v).matches());
    }
}
