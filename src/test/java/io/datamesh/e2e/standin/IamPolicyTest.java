package io.datamesh.e2e.standin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's small IAM evaluator: globs, lists, explicit Deny, principals and the conditions it knows. */
class IamPolicyTest {
    private static final String ROLE = "arn:aws:iam::333333333333:role/analyst";

    @Test
    void actionAndResourceGlobsMatchAndAnExplicitDenyWins() {
        String allow = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"glue:Get*\",\"athena:StartQuery?xecution\"],"
                + "\"Resource\":\"arn:aws:glue:us-east-1:111111111111:table/*/*\"}}";
        var getTable = IamPolicy.Request.of(ROLE, "glue:GetTable", "arn:aws:glue:us-east-1:111111111111:table/sales/orders");
        assertThat(IamPolicy.identityAllows(List.of(allow), getTable)).isTrue();
        assertThat(IamPolicy.identityAllows(List.of(allow), IamPolicy.Request.of(ROLE, "GLUE:gettable",
                "arn:aws:glue:us-east-1:111111111111:table/sales/orders"))).isTrue();
        assertThat(IamPolicy.identityAllows(List.of(allow), IamPolicy.Request.of(ROLE, "glue:GetTable",
                "arn:aws:glue:us-east-1:222222222222:table/sales/orders"))).isFalse();
        assertThat(IamPolicy.identityAllows(List.of(allow), IamPolicy.Request.of(ROLE, "glue:DeleteTable",
                "arn:aws:glue:us-east-1:111111111111:table/sales/orders"))).isFalse();

        String deny = "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"glue:*\",\"Resource\":\"*\"}]}";
        assertThat(IamPolicy.identityAllows(List.of(allow, deny), getTable)).isFalse();
    }

    @Test
    void resourcePoliciesMatchPrincipalsAndOnlyTheConditionsTheEmulatorKnows() {
        String keyPolicy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"333333333333\"]},"
                + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"kms:ViaService\":\"glue.us-east-1.amazonaws.com\"}}}]}";
        var viaGlue = new IamPolicy.Request(ROLE, "kms:Decrypt", "arn:aws:kms:us-east-1:111111111111:key/k",
                Map.of("kms:ViaService", "glue.us-east-1.amazonaws.com"));
        assertThat(IamPolicy.resourceAllows(keyPolicy, viaGlue)).isTrue();
        assertThat(IamPolicy.resourceAllows(keyPolicy, IamPolicy.Request.of(ROLE, "kms:Decrypt", "k"))).isFalse();
        assertThat(IamPolicy.resourceAllows(keyPolicy, new IamPolicy.Request("arn:aws:iam::444444444444:role/x",
                "kms:Decrypt", "k", viaGlue.context()))).isFalse();

        String unknownCondition = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";
        assertThat(IamPolicy.resourceAllows(unknownCondition, viaGlue)).isFalse();
        String service = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ram.amazonaws.com\"},"
                + "\"Action\":\"glue:ShareResource\",\"Resource\":\"arn:aws:glue:us-east-1:111111111111:*\"}]}";
        assertThat(IamPolicy.resourceAllows(service, IamPolicy.Request.of("ram.amazonaws.com", "glue:ShareResource",
                "arn:aws:glue:us-east-1:111111111111:catalog"))).isTrue();
    }
}
