package io.datamesh.account;

import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import io.datamesh.MeshProgram;
import io.datamesh.config.StackConfigParser;
import io.datamesh.plan.SampleMesh;
import io.datamesh.plan.StackFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials of the wrong account must stop the program before it registers anything there. */
class LakeFormationAdminsTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void credentialsOfAnotherAccountStopTheProducerBeforeAnyResourceIsRegistered() throws Exception {
        var settings = StackConfigParser.parse(StackFiles.load(SampleMesh.ROOT, "datamesh", "producer"));
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        Mocks otherAccount = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                registered.add(args.type + "::" + args.name);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), args.inputs));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return CompletableFuture.completedFuture(Map.of("accountId", "999999999999", "id", "999999999999",
                        "userId", "AIDA", "arn", "arn:aws:iam::999999999999:user/someone"));
            }
        };

        var result = PulumiTest.withMocks(otherAccount)
                .withOptions(TestOptions.builder().projectName("datamesh").stackName("producer").build())
                .runTest(ctx -> MeshProgram.define(ctx, settings, SampleMesh.ROOT));

        assertThat(result.exceptions()).isNotEmpty().allSatisfy(e -> assertThat(e).hasMessageContaining(
                "credentials are for account 999999999999 but datamesh:accountId is 222222222222"));
        assertThat(registered).isEmpty();
    }
}
