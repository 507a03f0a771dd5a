package io.datamesh.preflight;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.plan.SampleMesh;
import io.datamesh.verify.StackCredentials;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Preflight under {@code up --clear-iam-defaults}: IAM-only defaults are said, not a problem; the other blockers stay. */
class PreflightClearedDefaultsTest {
    private static AccountProbe probe(AccountSettings settings) {
        return new AccountProbe() {
            @Override
            public CallerIdentity callerIdentity() {
                return new CallerIdentity("111111111111", "arn:aws:sts::111111111111:assumed-role/datamesh-deployer/s");
            }

            @Override
            public AccountSettings settings() {
                return settings;
            }

            @Override
            public List<Decision> simulate(String principalArn, List<DeployerActions.RequiredAction> actions) {
                return actions.stream().map(a -> new Decision(a, true, Optional.empty())).toList();
            }

            @Override
            public void close() {
            }
        };
    }

    private static AccountSettings iamOnly(Map<String, String> parameters) {
        return new AccountSettings(List.of(), List.of(), List.of("IAM_ALLOWED_PRINCIPALS"), parameters, List.of(), false,
                List.of(), List.of(), false);
    }

    private static List<Preflight.Finding> central(AccountSettings settings, boolean defaultsCleared, List<String> progress) {
        var target = new Preflight.Target("central", SampleMesh.plan().settings().get("central"),
                new StackCredentials(Optional.empty(), Optional.empty()));
        return Preflight.accounts(List.of(target), (credentials, region) -> probe(settings), defaultsCleared, progress::add);
    }

    @Test
    void iamOnlyDefaultsStopPreflightUnlessTheRunClearsThem() {
        var settings = iamOnly(Map.of("CROSS_ACCOUNT_VERSION", "1"));
        assertThat(central(settings, false, new ArrayList<>())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("IAM-only defaults").contains("put-data-lake-settings"));

        List<String> progress = new ArrayList<>();
        assertThat(central(settings, true, progress)).isEmpty();
        assertThat(progress).contains("central: IAM-only default permissions [IAM_ALLOWED_PRINCIPALS], which --clear-iam-defaults"
                + " clears before the first step");
    }

    @Test
    void aBlockerBesidesTheDefaultsStillStopsIt() {
        assertThat(central(iamOnly(Map.of("CROSS_ACCOUNT_VERSION", "5")), true, new ArrayList<>())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("datamesh:crossAccountVersion: 5"));
    }
}
