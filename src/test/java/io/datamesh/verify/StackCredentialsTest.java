package io.datamesh.verify;

import io.datamesh.config.ConfigProblem;
import io.datamesh.config.RawStackConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StackCredentialsTest {
    private static final String SECRET_EXTERNAL_ID = "{\"roleArn\":\"arn:aws:iam::333333333333:role/datamesh-deployer\","
            + "\"externalId\":{\"secure\":\"v1:AAAAbase64\"}}";

    private static StackCredentials parse(Map<String, String> values, List<ConfigProblem> problems) {
        return parse(values, Map.of(), problems);
    }

    private static StackCredentials parse(Map<String, String> values, Map<String, String> env, List<ConfigProblem> problems) {
        return StackCredentials.parse(new RawStackConfig("Pulumi.consumer.yaml", "o", "p", "consumer", values), env::get, problems);
    }

    @Test
    void readsTheProfileAndTheRoleToAssume() {
        List<ConfigProblem> problems = new ArrayList<>();
        var credentials = parse(Map.of("aws:profile", "marketing", "aws:assumeRole",
                "{\"roleArn\":\"arn:aws:iam::333333333333:role/datamesh-deployer\",\"externalId\":\"x-1\"}"), problems);

        assertThat(problems).isEmpty();
        assertThat(credentials).isEqualTo(new StackCredentials(Optional.of("marketing"), Optional.of(new StackCredentials.AssumeRole(
                "arn:aws:iam::333333333333:role/datamesh-deployer", Optional.of("x-1"), Optional.empty()))));
    }

    @Test
    void reportsEveryProblemWithItsKey() {
        List<ConfigProblem> problems = new ArrayList<>();
        parse(Map.of("aws:assumeRole", "{\"roleArn\":\"deployer\",\"duration\":\"1h\"}"), problems);

        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "aws:assumeRole.roleArn: must be an IAM role ARN, got 'deployer'",
                "aws:assumeRole.duration: is not supported by datamesh verify (roleArn, externalId, sessionName)");
    }

    @Test
    void aRoleArnAloneIsNotAnObject() {
        List<ConfigProblem> problems = new ArrayList<>();
        parse(Map.of("aws:assumeRole", "arn:aws:iam::333333333333:role/datamesh-deployer"), problems);

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("aws:assumeRole");
    }

    @Test
    void aSecretExternalIdIsReportedWithHowToProvideIt() {
        List<ConfigProblem> problems = new ArrayList<>();
        // How a stack file's `externalId: {secure: v1:...}` reaches verify, which reads the file without the Pulumi CLI.
        parse(Map.of("aws:assumeRole", SECRET_EXTERNAL_ID), problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("aws:assumeRole.externalId");
            assertThat(p.toString()).contains("is a Pulumi secret (secure:)").contains("DATAMESH_VERIFY_EXTERNAL_ID_CONSUMER")
                    .contains("pulumi config get --path aws:assumeRole.externalId -s consumer");
        });
    }

    @Test
    void aSecretExternalIdIsReadFromTheStacksVariable() {
        List<ConfigProblem> problems = new ArrayList<>();
        var credentials = parse(Map.of("aws:assumeRole", SECRET_EXTERNAL_ID), Map.of("DATAMESH_VERIFY_EXTERNAL_ID_CONSUMER", "x-1"), problems);

        assertThat(problems).isEmpty();
        assertThat(credentials.assumeRole()).map(StackCredentials.AssumeRole::externalId).contains(Optional.of("x-1"));
    }

    @Test
    void anyOtherSecretInTheCredentialKeysIsNamed() {
        List<ConfigProblem> problems = new ArrayList<>();
        parse(Map.of("aws:profile", "{\"secure\":\"v1:AAAA\"}",
                "aws:assumeRole", "{\"roleArn\":{\"secure\":\"v1:AAAA\"}}"), problems);

        assertThat(problems).extracting(ConfigProblem::key).containsExactlyInAnyOrder("aws:profile", "aws:assumeRole.roleArn");
        assertThat(problems).allSatisfy(p -> assertThat(p.toString()).contains("is a Pulumi secret (secure:)"));
    }
}
