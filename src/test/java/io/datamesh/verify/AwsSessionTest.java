package io.datamesh.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class AwsSessionTest {
    @TempDir
    Path home;

    /**
     * An IAM Identity Center profile, as `aws configure sso` writes it. Without a cached token the SSO
     * provider fails on loading it, which is as far as a test can go without a portal: far enough to
     * show the SDK chose the SSO provider, not that it refused the profile for a missing module.
     */
    @Test
    void anSsoProfileGetsTheSsoProvider() throws IOException {
        Path config = Files.writeString(home.resolve("config"), """
                [profile sso-dev]
                sso_session = corp
                sso_account_id = 333333333333
                sso_role_name = DatameshDeployer
                region = eu-west-1
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                sso_registration_scopes = sso:account:access
                """);
        Path credentials = Files.writeString(home.resolve("credentials"), "");
        var account = new AccountExpectation("consumer", "333333333333", "eu-west-1",
                new StackCredentials(Optional.of("sso-dev"), Optional.empty()), List.of(), 4, List.of(),
                new AccountExpectation.Scope(Set.of(), Set.of(), Set.of()), List.of(), List.of(), Set.of());
        String[] keys = {"aws.configFile", "aws.sharedCredentialsFile", "user.home"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("user.home", home.toString());
        try {
            Throwable failure = catchThrowable(() -> AwsSession.forStack(account, Optional.empty()).credentials().resolveCredentials());

            assertThat(failure).isNotNull();
            assertThat(failure.toString()).doesNotContain("class path").containsIgnoringCase("token");
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
    }
}
