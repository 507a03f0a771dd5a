package io.datamesh.policy.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.resource.Props;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an IAM/S3/KMS/Glue policy document the rules reason about, parsed once (with
 * Jackson, as IAM reads the grammar: single values or lists, {@code Not*} elements, boolean and
 * number condition values) so every rule reads principals, actions and conditions the same way.
 * A document that is not a valid policy parses to no statements and an {@link #error()}, which
 * the rules report as a violation instead of failing.
 */
public record PolicyDocument(String source, List<Statement> statements, Optional<String> error) {
    /** Duplicate keys are refused: Jackson would keep the last one, so a second harmless Statement could hide the first. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern ACCOUNT = Pattern.compile("^(?:arn:aws[a-z-]*:iam::)?(\\d{12})(?::.*)?$");
    private static final List<String> PRINCIPAL_ARN_OPERATORS = List.of("ArnEquals", "ArnLike", "StringEquals", "StringLike");

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

    /** One operator applied to one key; {@code values} are the listed values as strings (any one may match). */
    public record Condition(String operator, String key, List<String> values) {
    }

    /**
     * One statement. {@code notPrincipals}, {@code notActions} and {@code notResources} hold the
     * {@code Not*} elements: in an Allow they grant everything except what they list.
     */
    public record Statement(boolean allow, List<Principal> principals, List<Principal> notPrincipals,
                            List<String> actions, List<String> notActions, List<String> resources,
                            List<String> notResources, List<Condition> conditions) {
        /** Whether the statement names the action, directly or by a wildcard (NotAction counts as every action but those). */
        public boolean allowsAction(String action) {
            return actions.stream().anyMatch(a -> IamPatterns.matches(a, action))
                    || (!notActions.isEmpty() && notActions.stream().noneMatch(a -> IamPatterns.matches(a, action)));
        }

        public boolean hasWildcardPrincipal() {
            return principals.stream().anyMatch(Principal::isWildcard);
        }

        /** An Allow with NotPrincipal admits every principal it does not list, anonymous ones included. */
        public boolean allowsAllButListedPrincipals() {
            return allow && !notPrincipals.isEmpty();
        }

        /** The violation text for {@link #allowsAllButListedPrincipals()}, ending in what that means for the rule. */
        public String notPrincipalProblem(String consequence) {
            return "Allow statement with NotPrincipal " + notPrincipals.stream().map(Principal::id).toList()
                    + " admits every other principal" + consequence;
        }

        /** The {@code Not*} elements this Allow statement uses (each makes it grant everything else); empty for a Deny. */
        public List<String> negations() {
            if (!allow) {
                return List.of();
            }
            List<String> used = new ArrayList<>();
            if (!notPrincipals.isEmpty()) {
                used.add("NotPrincipal " + notPrincipals.stream().map(Principal::id).toList());
            }
            if (!notActions.isEmpty()) {
                used.add("NotAction " + notActions);
            }
            if (!notResources.isEmpty()) {
                used.add("NotResource " + notResources);
            }
            return used;
        }

        /**
         * The values of every {@code aws:PrincipalArn} condition with an ARN or string
         * equals/like operator: the principals this statement narrows its principals to.
         */
        public List<String> principalArnValues() {
            return conditions.stream()
                    .filter(c -> PRINCIPAL_ARN_OPERATORS.stream().anyMatch(c.operator()::equalsIgnoreCase)
                            && c.key().equalsIgnoreCase("aws:PrincipalArn"))
                    .flatMap(c -> c.values().stream()).toList();
        }

        /**
         * Whether some condition tests {@code key} with one of {@code operators} and every value it
         * lists is {@code value} (case-insensitive throughout). Operators are matched exactly, so
         * {@code StringNotEquals} or an {@code …IfExists} variant does not count for {@code StringEquals}.
         */
        public boolean hasCondition(List<String> operators, String key, String value) {
            return conditions.stream().anyMatch(c -> operators.stream().anyMatch(c.operator()::equalsIgnoreCase)
                    && c.key().equalsIgnoreCase(key)
                    && !c.values().isEmpty() && c.values().stream().allMatch(value::equalsIgnoreCase));
        }

        /**
         * Whether this Allow grants every action of {@code service} (e.g. {@code s3}) on every
         * resource of it: an action pattern that covers {@code service:*} ({@code *}, {@code s3:*},
         * {@code S3*}, …) or a NotAction that does not exclude the whole service, on a resource that
         * matches all of the service's resources ({@code *}, {@code arn:aws:s3:::*}, …) or a NotResource.
         */
        public boolean allowsServiceWildcardOnAllResources(String service) {
            boolean everyAction = actions.stream().anyMatch(a -> IamPatterns.coversService(a, service))
                    || (!notActions.isEmpty() && notActions.stream().noneMatch(a -> IamPatterns.coversService(a, service)));
            return allow && everyAction && onAllResources(service);
        }

        /** Whether this Allow grants every action (pattern {@code *}, {@code *:*}, or any NotAction) on every resource. */
        public boolean allowsEverything() {
            boolean everyAction = !notActions.isEmpty() || actions.stream().anyMatch(IamPatterns::coversEveryAction);
            return allow && everyAction && onAllResources("*");
        }

        private boolean onAllResources(String service) {
            return !notResources.isEmpty() || resources.stream().anyMatch(r -> IamPatterns.isAllResources(r, service));
        }
    }

    /** The policy document in {@code key} of these inputs, if the resource sets one. */
    public static Optional<PolicyDocument> read(Props inputs, String key) {
        return inputs.string(key).filter(s -> !s.isBlank()).map(json -> parse(key, json));
    }

    /** The identity policies a role or role policy carries: its {@code policy} and its {@code inlinePolicies}. */
    public static List<PolicyDocument> identityPolicies(Props inputs) {
        List<PolicyDocument> documents = new ArrayList<>();
        read(inputs, "policy").ifPresent(documents::add);
        List<Props> inline = inputs.objects("inlinePolicies");
        for (int i = 0; i < inline.size(); i++) {
            String source = "inlinePolicies[" + i + "].policy";
            inline.get(i).string("policy").filter(s -> !s.isBlank()).ifPresent(json -> documents.add(parse(source, json)));
        }
        return documents;
    }

    /** Parses a policy; never throws: a malformed one has no statements and an {@link #error()}. */
    public static PolicyDocument parse(String source, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new Invalid("not a JSON object");
            }
            JsonNode statement = root.get("Statement");
            if (statement == null || !(statement.isObject() || statement.isArray())) {
                throw new Invalid("Statement must be an object or a list of objects");
            }
            List<Statement> statements = new ArrayList<>();
            for (JsonNode s : statement.isArray() ? statement : List.of(statement)) {
                statements.add(statement(s));
            }
            return new PolicyDocument(source, List.copyOf(statements), Optional.empty());
        } catch (JsonProcessingException e) {
            return invalid(source, e.getOriginalMessage());
        } catch (Invalid e) {
            return invalid(source, e.getMessage());
        }
    }

    /** The violation a malformed document gives, naming where it is; empty for a valid one. */
    public Optional<String> problem() {
        return error.map(e -> source + " is not a valid IAM policy: " + e);
    }

    public List<Statement> allowStatements() {
        return statements.stream().filter(Statement::allow).toList();
    }

    /** What a rule finds: the document's own problem if it is malformed, then {@code check} of each Allow. */
    public List<String> allowProblems(Function<Statement, Stream<String>> check) {
        return Stream.concat(problem().stream(), allowStatements().stream().flatMap(check)).toList();
    }

    private static PolicyDocument invalid(String source, String error) {
        return new PolicyDocument(source, List.of(), Optional.of(error));
    }

    private static Statement statement(JsonNode s) {
        if (!s.isObject()) {
            throw new Invalid("a statement is not an object");
        }
        String effect = s.path("Effect").asText("");
        if (!s.path("Effect").isTextual() || !(effect.equals("Allow") || effect.equals("Deny"))) {
            throw new Invalid("Effect must be \"Allow\" or \"Deny\", got " + s.path("Effect"));
        }
        return new Statement(effect.equals("Allow"), principals(s, "Principal"), principals(s, "NotPrincipal"),
                strings(s, "Action"), strings(s, "NotAction"), strings(s, "Resource"), strings(s, "NotResource"),
                conditions(s));
    }

    private static List<Principal> principals(JsonNode statement, String element) {
        JsonNode node = statement.get(element);
        if (node == null) {
            return List.of();
        }
        if (node.isTextual() && node.asText().equals("*")) {
            return List.of(new Principal("*", "*"));
        }
        if (!node.isObject()) {
            throw new Invalid(element + " must be \"*\" or an object of principal types");
        }
        List<Principal> principals = new ArrayList<>();
        for (Map.Entry<String, JsonNode> type : node.properties()) {
            for (String id : stringOrList(type.getValue(), element + "." + type.getKey())) {
                principals.add(new Principal(type.getKey(), id));
            }
        }
        return principals;
    }

    private static List<String> strings(JsonNode statement, String element) {
        JsonNode node = statement.get(element);
        return node == null ? List.of() : stringOrList(node, element);
    }

    private static List<String> stringOrList(JsonNode node, String element) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : node) {
                if (!v.isTextual()) {
                    throw new Invalid(element + " must be a string or a list of strings");
                }
                values.add(v.asText());
            }
            return values;
        }
        throw new Invalid(element + " must be a string or a list of strings");
    }

    private static List<Condition> conditions(JsonNode statement) {
        JsonNode node = statement.get("Condition");
        if (node == null) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new Invalid("Condition must be an object of operators");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operator : node.properties()) {
            if (!operator.getValue().isObject()) {
                throw new Invalid("Condition." + operator.getKey() + " must be an object of keys");
            }
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                List<String> values = new ArrayList<>();
                for (JsonNode v : key.getValue().isArray() ? key.getValue() : List.of(key.getValue())) {
                    if (!v.isValueNode() || v.isNull()) {
                        throw new Invalid("Condition." + operator.getKey() + "." + key.getKey()
                                + " must be a string, boolean or number, or a list of them");
                    }
                    values.add(v.asText());
                }
                conditions.add(new Condition(operator.getKey(), key.getKey(), List.copyOf(values)));
            }
        }
        return conditions;
    }

    /** A structural problem found while parsing; becomes {@link #error()}. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }
}
