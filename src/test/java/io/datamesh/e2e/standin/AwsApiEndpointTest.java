package io.datamesh.e2e.standin;

import io.datamesh.e2e.standin.EmulatedAws.Grant;
import io.datamesh.e2e.standin.EmulatedAws.Share;
import io.datamesh.verify.AwsSession;
import io.datamesh.verify.StackCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.AccessDeniedException;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.ram.RamClient;
import software.amazon.awssdk.services.ram.model.ResourceShareInvitationAlreadyAcceptedException;
import software.amazon.awssdk.services.ram.model.ResourceShareInvitationStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.datamesh.e2e.standin.MeshFixture.CENTRAL;
import static io.datamesh.e2e.standin.MeshFixture.CONSUMER;
import static io.datamesh.e2e.standin.MeshFixture.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each API {@link AwsApiEndpoint} serves, called through the AWS SDK for Java v2 clients as the
 * product builds them ({@link AwsSession}, endpoint override), on a state file the test seeds as the
 * provider would have left it.
 */
class AwsApiEndpointTest {
    private static final String REGION = "eu-west-1";
    @TempDir
    Path dir;
    private Path state;
    private AwsApiEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        state = dir.resolve("emulated-aws.json");
        endpoint = AwsApiEndpoint.start(state, REGION);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private AwsSession as(String accessKeyId, String region) {
        return AwsSession.forStack(new StackCredentials(Optional.empty(), Optional.empty()), region,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "stand-in")), Optional.of(endpoint.uri()));
    }

    private AwsSession as(String account) {
        return as(account, REGION);
    }

    private void deployerOf(String account, Map<String, String> policies) {
        EmulatedAws.transact(state, aws -> aws.deployerPolicies.put(account, policies));
    }

    @Test
    void stsNamesTheAccountOfTheAccessKeyIdAndRefusesAnotherRegionOrAKeyThatIsNoAccount() {
        try (StsClient sts = as(CENTRAL).client(StsClient.builder())) {
            var identity = sts.getCallerIdentity();
            assertThat(identity.account()).isEqualTo(CENTRAL);
            assertThat(identity.arn()).isEqualTo(LakeFormationEmulator.callerArn(CENTRAL));
        }
        try (StsClient sts = as(CENTRAL, "us-west-2").client(StsClient.builder())) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(StsException.class)
                    .hasMessageContaining("the emulated AWS is in eu-west-1");
        }
        try (StsClient sts = as("AKIAEXAMPLE").client(StsClient.builder())) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(StsException.class)
                    .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void theSimulatorDecidesOnTheDeployersPoliciesWithAnExplicitDenyNamingItsPolicy() {
        deployerOf(CENTRAL, Map.of("AWSLakeFormationDataAdmin", Deployers.managed("AWSLakeFormationDataAdmin").orElseThrow(),
                "simulate", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:SimulatePrincipalPolicy\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                        + "{\"iam:PassedToService\":\"glue.amazonaws.com\"}}}]}"));
        try (IamClient iam = as(CENTRAL).client(IamClient.builder())) {
            List<EvaluationResult> results = iam.simulatePrincipalPolicy(r -> r.policySourceArn(LakeFormationEmulator.callerArn(CENTRAL))
                    .actionNames("lakeformation:PutDataLakeSettings", "lakeformation:GrantPermissions", "glue:PutResourcePolicy"))
                    .evaluationResults();
            assertThat(results).extracting(EvaluationResult::evalActionName, EvaluationResult::evalDecision).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("lakeformation:PutDataLakeSettings", PolicyEvaluationDecisionType.EXPLICIT_DENY),
                    org.assertj.core.groups.Tuple.tuple("lakeformation:GrantPermissions", PolicyEvaluationDecisionType.ALLOWED),
                    org.assertj.core.groups.Tuple.tuple("glue:PutResourcePolicy", PolicyEvaluationDecisionType.IMPLICIT_DENY));
            assertThat(results.get(0).matchedStatements()).singleElement()
                    .satisfies(s -> assertThat(s.sourcePolicyId()).isEqualTo("AWSLakeFormationDataAdmin"));
            var passRole = iam.simulatePrincipalPolicy(r -> r.policySourceArn(LakeFormationEmulator.callerArn(CENTRAL))
                    .actionNames("iam:PassRole").resourceArns("arn:aws:iam::" + CENTRAL + ":role/crawler")
                    .contextEntries(ContextEntry.builder().contextKeyName("iam:PassedToService")
                            .contextKeyType(ContextKeyTypeEnum.STRING).contextKeyValues("glue.amazonaws.com").build()));
            assertThat(passRole.evaluationResults().get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
            assertThat(passRole.isTruncated()).isFalse();
        }
        deployerOf(CENTRAL, Map.of("AWSLakeFormationDataAdmin", Deployers.managed("AWSLakeFormationDataAdmin").orElseThrow()));
        try (IamClient iam = as(CENTRAL).client(IamClient.builder())) {
            assertThatThrownBy(() -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(LakeFormationEmulator.callerArn(CENTRAL))
                    .actionNames("glue:PutResourcePolicy")))
                    .isInstanceOf(IamException.class).satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void lakeFormationSettingsAreTheProvidersAndOnlyADeployerAllowedToWriteThemMay() {
        try (LakeFormationClient lf = as(CENTRAL).client(LakeFormationClient.builder())) {
            var fresh = lf.getDataLakeSettings(r -> { }).dataLakeSettings();
            assertThat(fresh.createDatabaseDefaultPermissions()).singleElement()
                    .satisfies(p -> assertThat(p.principal().dataLakePrincipalIdentifier()).isEqualTo("IAM_ALLOWED_PRINCIPALS"));
            lf.putDataLakeSettings(r -> r.dataLakeSettings(s -> s.dataLakeAdmins(DataLakePrincipal.builder()
                    .dataLakePrincipalIdentifier(LakeFormationEmulator.callerArn(CENTRAL)).build())
                    .createDatabaseDefaultPermissions(List.of()).createTableDefaultPermissions(List.of())
                    .parameters(Map.of("CROSS_ACCOUNT_VERSION", "4"))));
        }
        EmulatedAws aws = EmulatedAws.transact(state, a -> a);
        assertThat(aws.admins(CENTRAL)).containsExactly(LakeFormationEmulator.callerArn(CENTRAL));
        assertThat(aws.settingsOf(CENTRAL).get("createTableDefaultPermissions")).isEqualTo(List.of());
        assertThat(aws.crossAccountVersion(CENTRAL)).isEqualTo(4);

        deployerOf(CENTRAL, Map.of("AWSLakeFormationDataAdmin", Deployers.managed("AWSLakeFormationDataAdmin").orElseThrow()));
        try (LakeFormationClient lf = as(CENTRAL).client(LakeFormationClient.builder())) {
            assertThat(lf.getDataLakeSettings(r -> { }).dataLakeSettings().dataLakeAdmins()).hasSize(1);
            assertThatThrownBy(() -> lf.putDataLakeSettings(r -> r.dataLakeSettings(s -> s.dataLakeAdmins(List.of()))))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("with an explicit deny");
            assertThatThrownBy(() -> lf.getDataLakeSettings(r -> r.catalogId(CONSUMER))).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void listPermissionsFiltersTheCatalogsGrantsByResource() {
        var database = grant(map("database", map("catalogId", CENTRAL, "name", "sales")));
        var tagPolicy = grant(map("lfTagPolicy", map("catalogId", CENTRAL, "resourceType", "TABLE",
                "expressions", List.of(map("key", "pii", "values", List.of("false")), map("key", "domain", "values", List.of("sales"))))));
        EmulatedAws.transact(state, aws -> {
            aws.grants.put(database.key(), database);
            aws.grants.put(tagPolicy.key(), tagPolicy);
            return null;
        });
        try (LakeFormationClient lf = as(CENTRAL).client(LakeFormationClient.builder())) {
            assertThat(lf.listPermissions(r -> { }).principalResourcePermissions()).hasSize(2);
            var byTags = lf.listPermissions(r -> r.resource(x -> x.lfTagPolicy(p -> p.resourceType("TABLE")
                    .expression(e -> e.tagKey("domain").tagValues("sales"), e -> e.tagKey("pii").tagValues("false")))))
                    .principalResourcePermissions();
            assertThat(byTags).singleElement().satisfies(p -> {
                assertThat(p.principal().dataLakePrincipalIdentifier()).isEqualTo(MeshFixture.ANALYST);
                assertThat(p.resource().lfTagPolicy().expression()).hasSize(2);
                assertThat(p.permissionsAsStrings()).containsExactly("DESCRIBE", "SELECT");
            });
            assertThat(lf.listPermissions(r -> r.resource(x -> x.database(d -> d.name("sales")))).principalResourcePermissions())
                    .extracting(PrincipalResourcePermissions::resource).singleElement()
                    .satisfies(res -> assertThat(res.database().name()).isEqualTo("sales"));
        }
    }

    private Grant grant(Map<String, Object> inputs) {
        var g = new Grant();
        g.catalogId = CENTRAL;
        g.principal = MeshFixture.ANALYST;
        g.resource = new TreeMap<>(new LakeFormationEmulator(CENTRAL, REGION, new RamSharing(true, false)).resourceOf(inputs));
        g.permissions = new TreeSet<>(List.of("SELECT", "DESCRIBE"));
        return g;
    }

    @Test
    void theReceiverSeesAndAcceptsItsInvitationAndTheProvidersAccepterThenFindsNoneToAccept() {
        String shareArn = LakeFormationEmulator.shareArn(REGION, CENTRAL, CONSUMER);
        EmulatedAws.transact(state, aws -> {
            var share = new Share();
            share.region = REGION;
            share.owner = CENTRAL;
            share.receiver = CONSUMER;
            share.status = "PENDING";
            share.invitation = "PENDING";
            return aws.shares.put(shareArn, share);
        });
        try (RamClient central = as(CENTRAL).client(RamClient.builder())) {
            assertThat(central.getResourceShareInvitations(r -> { }).resourceShareInvitations()).isEmpty();
        }
        try (RamClient ram = as(CONSUMER).client(RamClient.builder())) {
            var invitation = ram.getResourceShareInvitations(r -> { }).resourceShareInvitations();
            assertThat(invitation).singleElement().satisfies(i -> {
                assertThat(i.status()).isEqualTo(ResourceShareInvitationStatus.PENDING);
                assertThat(i.senderAccountId()).isEqualTo(CENTRAL);
                assertThat(i.resourceShareArn()).isEqualTo(shareArn);
            });
            String invitationArn = invitation.get(0).resourceShareInvitationArn();
            assertThat(ram.acceptResourceShareInvitation(r -> r.resourceShareInvitationArn(invitationArn))
                    .resourceShareInvitation().status()).isEqualTo(ResourceShareInvitationStatus.ACCEPTED);
            assertThatThrownBy(() -> ram.acceptResourceShareInvitation(r -> r.resourceShareInvitationArn(invitationArn)))
                    .isInstanceOf(ResourceShareInvitationAlreadyAcceptedException.class);
        }
        EmulatedAws aws = EmulatedAws.transact(state, a -> a);
        assertThat(aws.shares.get(shareArn).status).isEqualTo("ACTIVE");
        assertThatThrownBy(() -> new LakeFormationEmulator(CONSUMER, REGION, new RamSharing(false, false)).create(aws,
                LakeFormationEmulator.SHARE_ACCEPTER, map("shareArn", shareArn), Map.of()))
                .isInstanceOf(LakeFormationEmulator.Refused.class).hasMessageStartingWith("No pending RAM Resource Share");
    }
}
