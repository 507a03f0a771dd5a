package io.datamesh.preflight;

import io.datamesh.config.StackRole;
import io.datamesh.preflight.DeployerActions.RequiredAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeployerActionsTest {
    private static List<RequiredAction> of(StackRole role) {
        return DeployerActions.of(role, "111111111111", "eu-west-1", "datamesh");
    }

    /** role, action, resource, context, what grants it (a fragment): each row one line of the table. */
    static Stream<Arguments> table() {
        String key = "arn:aws:kms:eu-west-1:111111111111:key/*";
        String rulesets = "arn:aws:glue:eu-west-1:111111111111:dataQualityRuleset/datamesh-*";
        return Stream.of(
                Arguments.of(StackRole.PRODUCER, "lakeformation:PutDataLakeSettings", "*", Map.of(), "AWSLakeFormationDataAdmin denies it explicitly"),
                Arguments.of(StackRole.CONSUMER, "lakeformation:GrantPermissions", "*", Map.of(), "AWSLakeFormationDataAdmin"),
                Arguments.of(StackRole.CONSUMER, "lakeformation:RevokePermissions", "*", Map.of(), "AWSLakeFormationDataAdmin"),
                Arguments.of(StackRole.PRODUCER, "glue:PutResourcePolicy", "*", Map.of(), "AWSLakeFormationCrossAccountManager"),
                Arguments.of(StackRole.CENTRAL, "lakeformation:GetDataLakeSettings", "*", Map.of(), "AWSLakeFormationDataAdmin"),
                Arguments.of(StackRole.CENTRAL, "lakeformation:PutDataLakeSettings", "*", Map.of(), "do not attach that policy"),
                Arguments.of(StackRole.CENTRAL, "lakeformation:CreateLFTag", "*", Map.of(), "AWSLakeFormationDataAdmin"),
                Arguments.of(StackRole.CENTRAL, "lakeformation:AddLFTagsToResource", "*", Map.of(), "AWSLakeFormationDataAdmin"),
                Arguments.of(StackRole.CENTRAL, "glue:PutResourcePolicy", "*", Map.of(), "AWSLakeFormationCrossAccountManager"),
                Arguments.of(StackRole.CENTRAL, "kms:Encrypt", key, Map.of(), "kms:GenerateDataKey on"),
                Arguments.of(StackRole.CENTRAL, "glue:CreateDataQualityRuleset", rulesets, Map.of(), "AWSGlueConsoleFullAccess"),
                Arguments.of(StackRole.CENTRAL, "glue:GetDataQualityRuleset", rulesets, Map.of(), "AWSGlueConsoleFullAccess"),
                Arguments.of(StackRole.CENTRAL, "glue:UpdateDataQualityRuleset", rulesets, Map.of(), "AWSGlueConsoleFullAccess"),
                Arguments.of(StackRole.CENTRAL, "glue:DeleteDataQualityRuleset", rulesets, Map.of(), "AWSGlueConsoleFullAccess"),
                Arguments.of(StackRole.CENTRAL, "kms:Decrypt", key, Map.of(), "catalog key"),
                Arguments.of(StackRole.CENTRAL, "kms:GenerateDataKey", key, Map.of(), "catalog key"),
                Arguments.of(StackRole.CENTRAL, "iam:PassRole", "arn:aws:iam::111111111111:role/datamesh-crawler",
                        Map.of("iam:PassedToService", "glue.amazonaws.com"), "iam:PassRole on the role"),
                Arguments.of(StackRole.CENTRAL, "iam:PassRole", "arn:aws:iam::111111111111:role/datamesh-lf-registration",
                        Map.of("iam:PassedToService", "lakeformation.amazonaws.com"), "iam:PassRole on the role"),
                Arguments.of(StackRole.CENTRAL, "ram:CreateResourceShare", "*", Map.of("ram:RequestedResourceType", "glue:Database",
                        "ram:ResourceShareName", "LakeFormation-V4-datamesh"), "AWSLakeFormationCrossAccountManager"),
                Arguments.of(StackRole.CENTRAL, "ram:AssociateResourceShare", "*",
                        Map.of("ram:ResourceShareName", "LakeFormation-V4-datamesh"), "AWSLakeFormationCrossAccountManager"));
    }

    @ParameterizedTest(name = "{0} needs {1} on {2}")
    @MethodSource("table")
    void eachStackNeedsItsActionsNamingWhatGrantsThem(StackRole role, String action, String resource, Map<String, String> context,
                                                       String grantedBy) {
        assertThat(of(role)).filteredOn(a -> a.action().equals(action) && a.resource().equals(resource)).singleElement()
                .satisfies(a -> {
                    assertThat(a.context()).isEqualTo(context);
                    assertThat(a.grantedBy()).contains(grantedBy);
                });
    }

    @ParameterizedTest(name = "{0} does not need {1}")
    @CsvSource({"PRODUCER, lakeformation:CreateLFTag", "CONSUMER, lakeformation:AddLFTagsToResource", "PRODUCER, kms:Decrypt",
            "CONSUMER, iam:PassRole", "PRODUCER, ram:CreateResourceShare", "PRODUCER, glue:CreateDataQualityRuleset", "CONSUMER, ram:GetResourceShares"})
    void onlyCentralNeedsTheTagsKeyRolesAndShares(StackRole role, String action) {
        assertThat(of(role)).extracting(RequiredAction::action).doesNotContain(action);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "arn:aws:sts::111111111111:assumed-role/datamesh-deployer/alice, arn:aws:iam::111111111111:role/datamesh-deployer",
            "arn:aws:iam::111111111111:user/ci, arn:aws:iam::111111111111:user/ci",
            "arn:aws:iam::111111111111:root, ''",
            "arn:aws:sts::111111111111:federated-user/bob, ''"})
    void theSimulatorIsAskedAboutTheRoleOfASessionNeverTheRootOrAFederatedUser(String callerArn, String principal) {
        assertThat(new CallerIdentity("111111111111", callerArn).simulatedPrincipal().orElse("")).isEqualTo(principal);
    }
}
