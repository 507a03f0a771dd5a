package io.datamesh.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDocumentsTest {
    private static final String ACCOUNT = "222222222222";

    private static JsonNode json(String document) throws Exception {
        return new ObjectMapper().readTree(document);
    }

    @Test
    void trustNamesTheAccountRootAndMatchesThePrincipalsByArnPattern() throws Exception {
        String sso = "arn:aws:iam::" + ACCOUNT + ":role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Analyst_*";
        JsonNode statement = json(PolicyDocuments.trustPrincipalsOf(ACCOUNT, List.of(sso))).get("Statement").get(0);
        assertThat(statement.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(statement.at("/Condition/ArnLike/aws:PrincipalArn").asText()).isEqualTo(sso);
    }

    @Test
    void aTrustWithoutPrincipalsIsRefusedRatherThanWrittenOpen() {
        assertThatThrownBy(() -> PolicyDocuments.trustPrincipalsOf(ACCOUNT, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ACCOUNT);
    }

    @Test
    void rolesOfAnotherAccountComeInThroughItsRootWithAnExactArnCondition() throws Exception {
        var roles = List.of("arn:aws:iam::111111111111:role/datamesh-crawler", "arn:aws:iam::111111111111:role/datamesh-lf-registration");
        JsonNode statement = json(PolicyDocuments.policy(List.of(PolicyDocuments.rolesOfAccount("Central", "111111111111", roles)
                .addAction("s3:GetObject").addResource("arn:aws:s3:::bucket/*").build()))).get("Statement").get(0);
        assertThat(statement.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::111111111111:root");
        assertThat(statement.at("/Condition/ArnEquals/aws:PrincipalArn")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(roles);
    }

    @Test
    void aSingleStatementIsStillWrittenAsAList() throws Exception {
        JsonNode policy = json(PolicyDocuments.policy(List.of(PolicyDocuments.keyAdministration(ACCOUNT))));
        assertThat(policy.get("Statement").isArray()).isTrue();
        assertThat(policy.get("Statement")).hasSize(1);
        assertThat(json(PolicyDocuments.trustService("glue.amazonaws.com")).get("Statement").isArray()).isTrue();
    }

    @Test
    void insecureTransportIsDeniedOnTheBucketAndItsObjects() throws Exception {
        JsonNode statement = json(PolicyDocuments.policy(List.of(PolicyDocuments.denyInsecureTransport("arn:aws:s3:::b"))))
                .get("Statement").get(0);
        assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
        assertThat(statement.get("Resource")).extracting(JsonNode::asText).containsExactlyInAnyOrder("arn:aws:s3:::b", "arn:aws:s3:::b/*");
        assertThat(statement.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void keyAdministrationKeepsTheAccountInCharge() throws Exception {
        JsonNode statement = json(PolicyDocuments.policy(List.of(PolicyDocuments.keyAdministration(ACCOUNT)))).get("Statement").get(0);
        assertThat(statement.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(statement.get("Action").asText()).isEqualTo("kms:*");
    }
}
