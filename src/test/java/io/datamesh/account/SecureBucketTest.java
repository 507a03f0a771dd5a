package io.datamesh.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import io.datamesh.config.StackIdentity;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Map;

import static io.datamesh.plan.SampleMesh.json;
import static io.datamesh.plan.SampleMesh.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Two buckets of one run: a retained, versioned data bucket with a policy statement, and a disposable one. */
class SecureBucketTest {
    private static final String OWNER = "test:index:Owner";
    private static StackPlan plan;

    @Nested
    class RetainedAndVersioned {
        private final List<PlannedResource> guards = childrenOf("data");

        @Test
        void theBucketAndEveryGuardAreItsChildrenAndAreRetained() {
            assertThat(guards).extracting(PlannedResource::name).containsExactlyInAnyOrder("data", "data-public-access",
                    "data-encryption", "data-ownership", "data-versioning", "data-policy");
            assertThat(guards).allSatisfy(g -> assertThat(g.options().retainOnDelete()).isTrue());
            assertThat(named("data").inputs()).containsEntry("forceDestroy", false).containsEntry("bucket", "mesh-data-bucket")
                    .containsEntry("tags", Map.of("datamesh:purpose", "data"));
        }

        @Test
        void eachGuardIsAliasedToItsUrnDirectlyUnderTheCaller() {
            assertThat(guards).allSatisfy(g -> assertThat(g.options().aliases())
                    .contains("urn:pulumi:producer::datamesh::" + OWNER + "$" + g.type() + "::" + g.name()));
        }

        @Test
        void encryptedWithTheCustomerKeyBlockedOwnedAndVersioned() {
            var rule = map(((List<?>) named("data-encryption").inputs().get("rules")).get(0));
            assertThat(rule).containsEntry("bucketKeyEnabled", true);
            assertThat(map(rule.get("applyServerSideEncryptionByDefault"))).containsEntry("sseAlgorithm", "aws:kms")
                    .hasEntrySatisfying("kmsMasterKeyId", k -> assertThat(k).asString().startsWith("arn:aws:kms:"));
            assertThat(named("data-public-access").inputs()).containsEntry("blockPublicAcls", true)
                    .containsEntry("blockPublicPolicy", true).containsEntry("ignorePublicAcls", true)
                    .containsEntry("restrictPublicBuckets", true);
            assertThat(map(named("data-ownership").inputs().get("rule"))).containsEntry("objectOwnership", "BucketOwnerEnforced");
            assertThat(map(named("data-versioning").inputs().get("versioningConfiguration"))).containsEntry("status", "Enabled");
        }

        @Test
        void thePolicyDeniesPlainHttpBeforeTheCallersStatementsAndWaitsForThePublicAccessBlock() {
            var policy = named("data-policy");
            JsonNode document = json(policy.inputs().get("policy"));
            assertThat(document.findValuesAsText("Sid")).containsExactly("DenyInsecureTransport", "ReadProducts");
            assertThat(policy.options().dependsOn()).containsExactly(named("data").urn(), named("data-public-access").urn());
        }
    }

    @Nested
    class Disposable {
        @Test
        void unversionedEmptiedOnDestroyAndNotRetained() {
            var guards = childrenOf("results");
            assertThat(guards).extracting(PlannedResource::name).containsExactlyInAnyOrder("results", "results-public-access",
                    "results-encryption", "results-ownership", "results-policy");
            assertThat(guards).allSatisfy(g -> assertThat(g.options().retainOnDelete()).isFalse());
            assertThat(named("results").inputs()).containsEntry("forceDestroy", true);
            assertThat(json(named("results-policy").inputs().get("policy")).findValuesAsText("Sid"))
                    .containsExactly("DenyInsecureTransport");
        }
    }

    /** Not in a static initializer: the program's lambdas run on the engine's threads and would wait for it. */
    private static synchronized StackPlan plan() {
        if (plan == null) {
            plan = run();
        }
        return plan;
    }

    private static List<PlannedResource> childrenOf(String bucket) {
        return plan().resources().stream().filter(r -> r.parent().orElse("").endsWith(SecureBucket.TYPE + "::" + bucket))
                .toList();
    }

    private static PlannedResource named(String name) {
        return plan().resources().stream().filter(r -> r.name().equals(name) && !r.type().equals(SecureBucket.TYPE))
                .findFirst().orElseThrow();
    }

    private static StackPlan run() {
        var identity = new StackIdentity("organization", "datamesh", "producer", "222222222222", "eu-west-1", "mesh", 4,
                List.of(), Map.of());
        StackPlan plan = MeshPlanner.run("producer", identity, "producer", AccountState.TYPICAL, Map.of(), ctx -> {
            var owner = new Owner();
            var key = new Key("key", KeyArgs.builder().build(), CustomResourceOptions.builder().parent(owner).build());
            new SecureBucket("data", new SecureBucketArgs("mesh-data-bucket", "data", key, true, true, List.of(
                    IamStatement.builder().sid("ReadProducts").effect(IamEffect.ALLOW).addPrincipal(IamPrincipalType.AWS, "arn:aws:iam::111111111111:root")
                            .addAction("s3:GetObject").addResource("arn:aws:s3:::mesh-data-bucket/*").build())), owner);
            new SecureBucket("results", new SecureBucketArgs("mesh-results-bucket", "athena-results", key, false, false,
                    List.of()), owner);
            return List.of();
        });
        assertThat(plan.errors()).isEmpty();
        return plan;
    }

    private static final class Owner extends ComponentResource {
        Owner() {
            super(OWNER, "owner");
        }
    }
}
