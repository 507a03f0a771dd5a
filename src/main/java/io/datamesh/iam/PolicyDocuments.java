package io.datamesh.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.Collection;
import java.util.List;

/** The IAM documents the mesh writes more than once, built with AWS's iam-policy-builder. */
public final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    public static String trustService(String service) {
        return json(IamPolicy.builder().addStatement(s -> s.effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.SERVICE, service)
                .addAction("sts:AssumeRole")).build());
    }

    /**
     * Trust by named principals of the account: its root principal with an {@code aws:PrincipalArn}
     * condition, not the role ARNs themselves. A trust policy naming a role that does not exist is
     * rejected, and one naming a role that is later recreated silently stops matching it (IAM
     * stores the old role's unique id); the condition has neither problem, and ArnLike lets SSO
     * permission-set roles, whose ARNs carry a generated suffix, be named by pattern.
     */
    public static String trustPrincipalsOf(String accountId, Collection<String> principalArns) {
        if (principalArns.isEmpty()) {
            throw new IllegalArgumentException("a role must trust at least one principal of account " + accountId);
        }
        return json(IamPolicy.builder().addStatement(s -> s.sid("NamedPrincipalsOfTheAccount").effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.AWS, accountRoot(accountId))
                .addAction("sts:AssumeRole")
                .addConditions("ArnLike", "aws:PrincipalArn", List.copyOf(principalArns))).build());
    }

    public static String accountRoot(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }

    /**
     * Lets the account's own IAM administer a key: without it a key policy locks the account out.
     */
    public static IamStatement keyAdministration(String accountId) {
        return IamStatement.builder().sid("AccountAdministersKey").effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.AWS, accountRoot(accountId))
                .addAction("kms:*").addResource("*").build();
    }

    /**
     * Allows named roles of another account in through that account's root principal with an
     * {@code aws:PrincipalArn} condition: a policy naming a role ARN that does not exist yet is
     * rejected with "Invalid principal", this form is not, and it still admits only those roles.
     */
    public static IamStatement.Builder rolesOfAccount(String sid, String accountId, Collection<String> roleArns) {
        return IamStatement.builder().sid(sid).effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.AWS, accountRoot(accountId))
                .addConditions("ArnEquals", "aws:PrincipalArn", List.copyOf(roleArns));
    }

    /** Denies every request that does not use TLS. */
    public static IamStatement denyInsecureTransport(String bucketArn) {
        return IamStatement.builder().sid("DenyInsecureTransport").effect(IamEffect.DENY)
                .addPrincipal(IamPrincipal.ALL)
                .addAction("s3:*")
                .addResource(bucketArn).addResource(bucketArn + "/*")
                .addCondition("Bool", "aws:SecureTransport", "false").build();
    }

    public static String policy(List<IamStatement> statements) {
        var builder = IamPolicy.builder();
        statements.forEach(builder::addStatement);
        return json(builder.build());
    }

    /**
     * The policy's JSON with {@code Statement} always a list. The builder writes a single statement
     * as an object: valid IAM, but scanners that iterate statements (checkov's CKV_AWS_61, for one)
     * then silently skip the document.
     */
    private static String json(IamPolicy policy) {
        try {
            var root = (ObjectNode) JSON.readTree(policy.toJson());
            var statement = root.get("Statement");
            if (statement != null && statement.isObject()) {
                root.putArray("Statement").add(statement);
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the IAM policy builder wrote invalid JSON", e);
        }
    }
}
