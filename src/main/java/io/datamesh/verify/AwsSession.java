package io.datamesh.verify;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Credentials, region and endpoint for the clients of one account. Every client retries throttling
 * and transient errors with the SDK's standard strategy (exponential backoff with jitter), with more
 * attempts than the default because verify makes many Lake Formation calls in a row.
 *
 * @param endpoint one endpoint for every service (a local emulator), from DATAMESH_AWS_ENDPOINT
 */
public record AwsSession(Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
    public static final String ENDPOINT_ENV = "DATAMESH_AWS_ENDPOINT";
    static final int MAX_ATTEMPTS = 8;

    /** The stack's own credentials: its profile (or the default chain), then its role if it names one. */
    public static AwsSession forStack(AccountExpectation account, Optional<URI> endpoint) {
        return forStack(account.credentials(), account.region(), endpoint);
    }

    /** As {@link #forStack(AccountExpectation, Optional)}, for a stack's credentials and region. */
    public static AwsSession forStack(StackCredentials credentials, String region, Optional<URI> endpoint) {
        AwsCredentialsProvider base = credentials.profile()
                .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        return forStack(credentials, region, base, endpoint);
    }

    /** As {@link #forStack(AccountExpectation, Optional)}, starting from the given base credentials. */
    public static AwsSession forStack(AccountExpectation account, AwsCredentialsProvider base, Optional<URI> endpoint) {
        return forStack(account.credentials(), account.region(), base, endpoint);
    }

    /** As {@link #forStack(StackCredentials, String, Optional)}, starting from the given base credentials. */
    public static AwsSession forStack(StackCredentials credentials, String region, AwsCredentialsProvider base,
                                      Optional<URI> endpoint) {
        var session = new AwsSession(Region.of(region), base, endpoint);
        return credentials.assumeRole()
                .map(r -> session.assume(r.roleArn(), r.externalId(), r.sessionName().orElse("datamesh-verify")))
                .orElse(session);
    }

    /** {@value #ENDPOINT_ENV} of the environment, if set. */
    public static Optional<URI> endpoint(Function<String, String> environment) {
        return Optional.ofNullable(environment.apply(ENDPOINT_ENV)).filter(s -> !s.isBlank()).map(URI::create);
    }

    public AwsSession assume(String roleArn, Optional<String> externalId, String sessionName) {
        StsClient sts = client(StsClient.builder());
        var provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(roleArn).roleSessionName(sessionName);
                    externalId.ifPresent(r::externalId);
                })
                .build();
        return new AwsSession(region, provider, endpoint);
    }

    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        builder.region(region).credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
