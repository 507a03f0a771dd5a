package io.datamesh.e2e.standin;

import io.datamesh.e2e.standin.AwsApiEndpoint.Answer;
import io.datamesh.e2e.standin.AwsApiEndpoint.ApiError;
import io.datamesh.e2e.standin.AwsApiEndpoint.Call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * STS GetCallerIdentity and IAM SimulatePrincipalPolicy in the AWS query protocol: a form-encoded
 * POST naming its Action, answered in XML ({@code <Action>Response/<Action>Result}, lists as
 * {@code member} elements, errors as {@code ErrorResponse/Error}), the shapes of the STS and IAM API
 * references that the AWS SDK for Java v2 parses.
 */
final class QueryApis {
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private QueryApis() {
    }

    static Answer answer(EmulatedAws aws, Call call) {
        Map<String, String> params = AwsApiEndpoint.form(call.body());
        String action = params.getOrDefault("Action", "");
        return switch (call.service() + ":" + action) {
            case "sts:GetCallerIdentity" -> ok(STS_NS, action, "<Arn>" + xml(call.callerArn()) + "</Arn><UserId>AROASTANDIN"
                    + call.account() + "</UserId><Account>" + call.account() + "</Account>");
            case "iam:SimulatePrincipalPolicy" -> simulatePrincipalPolicy(aws, call, params);
            default -> throw new ApiError(400, "InvalidAction", "the stand-in AWS API does not emulate " + call.service()
                    + " " + action);
        };
    }

    /**
     * Every action on every resource (default {@code *}) decided on the principal's identity policies,
     * with the request's context entries as condition keys; the caller may call the simulator only on
     * principals of its own account, and its deployer must be allowed iam:SimulatePrincipalPolicy.
     * The principal's policies: the deployer role's ({@link Deployers}), else an IAM role's inline
     * policies as the provider created them. All results come in one page (IsTruncated false).
     */
    private static Answer simulatePrincipalPolicy(EmulatedAws aws, Call call, Map<String, String> params) {
        AwsApiEndpoint.authorize(aws, call, "iam:SimulatePrincipalPolicy", 403, "AccessDenied");
        String principal = params.getOrDefault("PolicySourceArn", "");
        Map<String, String> policies;
        if (principal.equals(call.callerArn())) {
            policies = Deployers.of(aws, call.account());
        } else if (aws.roles.containsKey(principal) && call.account().equals(EmulatedAws.accountOf(principal))) {
            policies = aws.rolePolicies.getOrDefault(principal, Map.of());
        } else {
            throw new ApiError(404, "NoSuchEntity", "The principal " + principal + " cannot be found in account "
                    + call.account() + ".");
        }
        List<String> actions = members(params, "ActionNames");
        if (actions.isEmpty()) {
            throw new ApiError(400, "ValidationError", "1 validation error detected: Value null at 'actionNames' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        List<String> resources = members(params, "ResourceArns");
        Map<String, String> context = new LinkedHashMap<>();
        for (int i = 1; params.containsKey("ContextEntries.member." + i + ".ContextKeyName"); i++) {
            String prefix = "ContextEntries.member." + i + ".";
            List<String> values = members(params, prefix + "ContextKeyValues");
            if (!values.isEmpty()) {
                context.put(params.get(prefix + "ContextKeyName"), values.get(0));
            }
        }
        var results = new StringBuilder();
        for (String action : actions) {
            for (String resource : resources.isEmpty() ? List.of("*") : resources) {
                var evaluation = IamPolicy.evaluate(policies, new IamPolicy.Request(principal, action, resource, context));
                results.append("<member><EvalActionName>").append(xml(action)).append("</EvalActionName><EvalResourceName>")
                        .append(xml(resource)).append("</EvalResourceName><EvalDecision>").append(evaluation.decision().wire)
                        .append("</EvalDecision><MatchedStatements>");
                for (String policy : evaluation.matchedPolicies()) {
                    results.append("<member><SourcePolicyId>").append(xml(policy)).append("</SourcePolicyId><SourcePolicyType>")
                            .append(Deployers.managed(policy).isPresent() ? "aws-managed" : "role")
                            .append("</SourcePolicyType></member>");
                }
                results.append("</MatchedStatements><MissingContextValues/></member>");
            }
        }
        return ok(IAM_NS, "SimulatePrincipalPolicy", "<EvaluationResults>" + results + "</EvaluationResults>"
                + "<IsTruncated>false</IsTruncated>");
    }

    /** The values of a query-protocol list parameter: NAME.member.1, NAME.member.2, ... */
    private static List<String> members(Map<String, String> params, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; params.containsKey(name + ".member." + i); i++) {
            values.add(params.get(name + ".member." + i));
        }
        return values;
    }

    private static Answer ok(String namespace, String action, String result) {
        return new Answer(200, "text/xml", "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + result
                + "</" + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId>"
                + "</ResponseMetadata></" + action + "Response>", Map.of());
    }

    static Answer error(String service, ApiError e) {
        return new Answer(e.status, "text/xml", "<ErrorResponse xmlns=\"" + (service.equals("sts") ? STS_NS : IAM_NS)
                + "\"><Error><Type>Sender</Type><Code>" + xml(e.code) + "</Code><Message>" + xml(e.getMessage())
                + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>", Map.of());
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
