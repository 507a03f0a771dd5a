package io.datamesh.e2e.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small, deliberately partial IAM policy evaluator for the emulator: Allow and Deny statements
 * with {@code Action} and {@code Resource} (a string or a list, {@code *} and {@code ?} globs, case
 * -insensitive actions), {@code Principal} for resource and key policies, and the few condition keys
 * the mesh's policies use. A Deny that matches wins; otherwise a matching Allow allows; otherwise
 * the request is implicitly denied (IAM user guide, "Policy evaluation logic"). Statements using
 * {@code NotAction}, {@code NotResource}, {@code NotPrincipal} or any other condition key never
 * match: the emulator does not guess what they mean, and says so in docs/aws-behaviours.md.
 */
final class IamPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamPolicy() {
    }

    /** The request: who asks, for what, on what, with which condition context. */
    record Request(String principalArn, String action, String resource, Map<String, String> context) {
        static Request of(String principalArn, String action, String resource) {
            return new Request(principalArn, action, resource, Map.of());
        }
    }

    /** Identity policies (no Principal element): do they allow the request? */
    static boolean identityAllows(List<String> policies, Request request) {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        for (int i = 0; i < policies.size(); i++) {
            named.put(String.valueOf(i), policies.get(i));
        }
        return evaluate(named, request).decision() == Decision.ALLOWED;
    }

    /** IAM's three outcomes, spelled as the policy simulator's EvalDecision. */
    enum Decision {
        ALLOWED("allowed"), EXPLICIT_DENY("explicitDeny"), IMPLICIT_DENY("implicitDeny");

        final String wire;

        Decision(String wire) {
            this.wire = wire;
        }
    }

    /**
     * The decision on named identity policies, and the policies whose statements decided it (the
     * denying ones for an explicit deny, the allowing ones for an allow), as the policy simulator
     * reports them in MatchedStatements.
     */
    record Evaluation(Decision decision, List<String> matchedPolicies) {
    }

    static Evaluation evaluate(Map<String, String> namedPolicies, Request request) {
        List<String> allowing = new ArrayList<>();
        List<String> denying = new ArrayList<>();
        namedPolicies.forEach((name, policy) -> {
            for (JsonNode statement : statements(policy)) {
                if (matches(statement, request, false)) {
                    List<String> into = "Deny".equals(statement.path("Effect").asText()) ? denying : allowing;
                    if (!into.contains(name)) {
                        into.add(name);
                    }
                }
            }
        });
        if (!denying.isEmpty()) {
            return new Evaluation(Decision.EXPLICIT_DENY, denying);
        }
        return allowing.isEmpty() ? new Evaluation(Decision.IMPLICIT_DENY, List.of())
                : new Evaluation(Decision.ALLOWED, allowing);
    }

    /** A resource or key policy (statements name principals): does it allow the request? */
    static boolean resourceAllows(String policy, Request request) {
        return decide(statements(policy), request, true);
    }

    private static boolean decide(List<JsonNode> statements, Request request, boolean withPrincipal) {
        boolean allowed = false;
        for (JsonNode statement : statements) {
            if (matches(statement, request, withPrincipal)) {
                if ("Deny".equals(statement.path("Effect").asText())) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    private static List<JsonNode> statements(String policy) {
        try {
            JsonNode root = JSON.readTree(policy);
            JsonNode s = root.path("Statement");
            var list = new ArrayList<JsonNode>();
            if (s.isArray()) {
                s.forEach(list::add);
            } else if (s.isObject()) {
                list.add(s);
            }
            return list;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON policy document: " + policy, e);
        }
    }

    private static boolean matches(JsonNode statement, Request request, boolean withPrincipal) {
        if (statement.has("NotAction") || statement.has("NotResource") || statement.has("NotPrincipal")) {
            return false;
        }
        if (strings(statement.path("Action")).stream().noneMatch(a -> glob(a, request.action(), true))) {
            return false;
        }
        List<String> resources = strings(statement.path("Resource"));
        if (!resources.isEmpty() && resources.stream().noneMatch(r -> glob(r, request.resource(), false))) {
            return false;
        }
        if (resources.isEmpty() && !withPrincipal) {
            return false;
        }
        if (withPrincipal && !principalMatches(statement.path("Principal"), request.principalArn())) {
            return false;
        }
        return conditionsHold(statement.path("Condition"), request);
    }

    private static boolean principalMatches(JsonNode principal, String who) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        String account = EmulatedAws.accountOf(who);
        for (String p : strings(principal.path("AWS"))) {
            if (p.equals("*") || p.equals(who) || (account != null
                    && (p.equals(account) || p.equals("arn:aws:iam::" + account + ":root")))) {
                return true;
            }
        }
        return strings(principal.path("Service")).contains(who);
    }

    /**
     * The condition keys the emulator understands. kms:ViaService carries the service that calls
     * KMS for the caller (Glue, for an encrypted catalog); the others describe the caller.
     */
    private static boolean conditionsHold(JsonNode condition, Request request) {
        var fields = condition.fields();
        while (fields.hasNext()) {
            var operator = fields.next();
            String op = operator.getKey().replace("IfExists", "");
            var keys = operator.getValue().fields();
            while (keys.hasNext()) {
                var entry = keys.next();
                String actual = contextValue(entry.getKey(), request);
                if (actual == null) {
                    return false;
                }
                List<String> expected = strings(entry.getValue());
                boolean hit = switch (op) {
                    case "StringEquals", "ArnEquals", "StringEqualsIgnoreCase" ->
                            expected.stream().anyMatch(e -> e.equalsIgnoreCase(actual));
                    case "StringLike", "ArnLike" -> expected.stream().anyMatch(e -> glob(e, actual, false));
                    default -> false;
                };
                if (!hit) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String contextValue(String key, Request request) {
        return switch (key.toLowerCase()) {
            case "aws:principalarn" -> request.principalArn();
            case "aws:principalaccount", "kms:calleraccount" -> EmulatedAws.accountOf(request.principalArn());
            default -> request.context().get(key);
        };
    }

    static List<String> strings(JsonNode node) {
        var list = new ArrayList<String>();
        if (node.isTextual()) {
            list.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        }
        return list;
    }

    /** IAM's glob: {@code *} any run of characters, {@code ?} one character, nothing else special. */
    static boolean glob(String pattern, String value, boolean ignoreCase) {
        var regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL)
                .matcher(value).matches();
    }
}
