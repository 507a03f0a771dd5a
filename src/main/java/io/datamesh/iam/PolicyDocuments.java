package io.datamesh.iam;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.Collection;
import java.util.List;

/** The IAM documents the mesh writes more than once, built with AWS's iam-policy-builder. */
public final class PolicyDocuments {
    private PolicyDocuments() {
    }

    public static String trustService(String service) {
        return IamPolicy.builder().addStatement(s -> s.effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.SERVICE, service)
                .addAction("sts:AssumeRole")).build().toJson();
    }

    /** Trust by the account itself: its IAM admins decide who may assume the role. */
    public static String trustAccount(String accountId) {
        return IamPolicy.builder().addStatement(s -> s.effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipalType.AWS, accountRoot(accountId))
                .addAction("sts:AssumeRole")).build().toJson();
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
        return builder.build().toJson();
    }
}
