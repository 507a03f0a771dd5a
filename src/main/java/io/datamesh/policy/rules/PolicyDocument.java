package io.datamesh.policy.rules;

import io.datamesh.policy.engine.Props;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.policybuilder.iam.IamValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an IAM/S3/KMS/Glue policy document the rules reason about, parsed once by the AWS
 * SDK's policy builder so every rule reads principals, actions and conditions the same way.
 */
public record PolicyDocument(List<Statement> statements) {
    private static final Pattern ACCOUNT = Pattern.compile("^(?:arn:aws[a-z-]*:iam::)?(\\d{12})(?::.*)?$");

    /** A principal as written: type {@code AWS}, {@code Service}, … or {@code *}, and its id. */
    public record Principal(String type, String id) {
        public boolean isWildcard() {
            return id.equals("*");
        }

        public boolean isService() {
            return type.equalsIgnoreCase("Service");
        }

        /** The account of an account id, account root or IAM ARN principal. */
        public Optional<String> account() {
            Matcher m = ACCOUNT.matcher(id);
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    public record Condition(String operator, String key, String value) {
    }

    public record Statement(boolean allow, List<Principal> principals, List<String> actions,
                            List<String> resources, List<Condition> conditions) {
        public boolean hasWildcardPrincipal() {
            return principals.stream().anyMatch(Principal::isWildcard);
        }

        /** Whether some condition tests {@code key} (any operator) against {@code value}, case-insensitively. */
        public boolean hasCondition(String key, String value) {
            return conditions.stream().anyMatch(c -> c.key().equalsIgnoreCase(key) && c.value().equalsIgnoreCase(value));
        }

        public boolean allowsActionOnAllResources(String action) {
            return allow && resources.contains("*")
                    && actions.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(action));
        }
    }

    /** The policy document in {@code key} of these inputs, if the resource sets one. */
    public static Optional<PolicyDocument> read(Props inputs, String key) {
        return inputs.string(key).filter(s -> !s.isBlank()).map(PolicyDocument::parse);
    }

    /** The identity policies a role or role policy carries: its {@code policy} and its {@code inlinePolicies}. */
    public static List<PolicyDocument> identityPolicies(Props inputs) {
        List<PolicyDocument> documents = new ArrayList<>();
        read(inputs, "policy").ifPresent(documents::add);
        inputs.objects("inlinePolicies").forEach(inline -> read(inline, "policy").ifPresent(documents::add));
        return documents;
    }

    public static PolicyDocument parse(String json) {
        return new PolicyDocument(IamPolicy.fromJson(json).statements().stream().map(PolicyDocument::statement).toList());
    }

    public List<Statement> allowStatements() {
        return statements.stream().filter(Statement::allow).toList();
    }

    private static Statement statement(IamStatement s) {
        return new Statement(IamEffect.ALLOW.equals(s.effect()),
                s.principals().stream().map(p -> new Principal(p.type().value(), p.id())).toList(),
                s.actions().stream().map(IamValue::value).toList(),
                s.resources().stream().map(IamValue::value).toList(),
                s.conditions().stream().map(c -> new Condition(c.operator().value(), c.key().value(), c.value())).toList());
    }
}
