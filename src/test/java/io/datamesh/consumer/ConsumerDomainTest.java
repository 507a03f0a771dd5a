package io.datamesh.consumer;

import com.pulumi.test.PulumiTest;
import io.datamesh.account.Diagnostics;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.domain.CentralShare;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.stackref.DomainShare;
import io.datamesh.stackref.MeshOutputs;
import io.datamesh.stackref.StackOutputs;
import io.datamesh.testing.RecordedRun;
import io.datamesh.testing.SampleStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.datamesh.plan.SampleMesh.json;
import static io.datamesh.resource.ResourceTypes.GLUE_DATABASE;
import static io.datamesh.resource.ResourceTypes.IAM_ROLE;
import static io.datamesh.resource.ResourceTypes.IAM_ROLE_POLICY;
import static io.datamesh.resource.ResourceTypes.LF_PERMISSIONS;
import static io.datamesh.resource.ResourceTypes.LF_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample consumer reading central's outputs, in one run: {@code marketing} receives a share;
 * {@code nothing} is a domain central grants nothing; {@code undeployed} reads a central stack that
 * has no outputs yet; {@code invited} reads a central that shares through RAM invitations.
 */
class ConsumerDomainTest {
    private static final String OWN = "333333333333";
    private static final String CENTRAL = "111111111111";
    private static final String CATALOG_KEY = "arn:aws:kms:eu-west-1:" + CENTRAL + ":key/catalog";
    private static final DomainShare SHARE = new DomainShare(List.of(), List.of("sales"), List.of(
            new DomainShare.Table("sales", "customers", List.of("customer_id"), false, List.of(LfPermission.SELECT))));
    private static final Map<String, List<String>> WARNINGS = new LinkedHashMap<>();
    private static RecordedRun run;

    private static Map<String, Object> central(String ramSharing) {
        return Map.of(MeshOutputs.SHARES, StackOutputs.toOutput(Map.of("marketing", SHARE)),
                MeshOutputs.CATALOG_KEY_ARN, CATALOG_KEY, MeshOutputs.RAM_SHARING, ramSharing);
    }

    @BeforeAll
    static void defineTheVariants() {
        Map<String, ConsumerSettings> variants = new LinkedHashMap<>();
        variants.put("marketing", SampleStacks.settings("consumer", Map.of()));
        variants.put("nothing", SampleStacks.settings("consumer", Map.of("domain", "finance")));
        variants.put("undeployed", SampleStacks.settings("consumer", Map.of("centralStack", "central-undeployed")));
        variants.put("invited", SampleStacks.settings("consumer", Map.of("centralStack", "central-invitations")));
        run = RecordedRun.of(OWN, "eu-west-1", Map.of("organization/datamesh/central", central("organization"),
                "organization/datamesh/central-invitations", central("invitations")), ctx ->
                variants.forEach((name, settings) -> {
                    var diagnostics = new Diagnostics(ctx);
                    var central = new StackOutputs("central-" + name, settings.access().centralStack(), null);
                    var shared = CentralShare.read(central, settings.domain(), settings.access(), diagnostics);
                    new ConsumerDomain(name, new ConsumerDomainArgs(settings, shared.share(), shared.catalogKeyArn(),
                            SampleStacks.lakeSettings(OWN)));
                    WARNINGS.put(name, diagnostics.warnings());
                })).succeeded();
    }

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    private static List<String> names(String component, String type) {
        return run.under(component).stream().filter(s -> s.type().equals(type)).map(RecordedRun.Sent::name).toList();
    }

    @Test
    void aConsumerReceivingAShareLinksItAndLetsItsAnalystDescribeTheLink() {
        assertThat(names("marketing", GLUE_DATABASE)).containsExactly("marketing-access-link-sales");
        assertThat(names("marketing", LF_PERMISSIONS)).containsExactly("marketing-access-analyst-describe-link-sales");
        assertThat(json(run.named(IAM_ROLE_POLICY, "marketing-access-analyst-query").inputs().get("policy"))
                .toString()).contains(CATALOG_KEY);
        assertThat(WARNINGS.get("marketing")).isEmpty();
    }

    @Test
    void theAccountsLakeFormationAdminsAreWrittenMergedBeforeTheLinks() {
        assertThat(run.named(LF_SETTINGS, "marketing-lake-settings").inputs())
                .containsEntry("admins", List.of("arn:aws:iam::" + OWN + ":role/datamesh-deployer"));
        assertThat(run.named(GLUE_DATABASE, "marketing-access-link-sales").dependsOn()).contains("marketing-lake-settings");
    }

    @Test
    void aConsumerThatReceivesNothingIsToldWhichGrantIsMissingAndGetsNoLinksOrGrants() {
        assertThat(WARNINGS.get("nothing")).singleElement().asString()
                .contains("grants nothing to domain 'finance'").contains("`to: finance`");
        assertThat(names("nothing", GLUE_DATABASE)).isEmpty();
        assertThat(names("nothing", LF_PERMISSIONS)).isEmpty();
        assertThat(names("nothing", LF_SETTINGS)).containsExactly("nothing-lake-settings");
        assertThat(names("nothing", IAM_ROLE)).containsExactly("nothing-access-analyst");
    }

    @Test
    void beforeCentralIsDeployedTheWarningNamesTheDeployOrder() {
        assertThat(WARNINGS.get("undeployed")).singleElement().asString()
                .contains("central stack organization/datamesh/central-undeployed is not deployed yet")
                .contains(MeshOutputs.DEPLOY_ORDER);
        assertThat(names("undeployed", GLUE_DATABASE)).isEmpty();
    }

    @Test
    void sharesArrivingAsInvitationsNameTheCommandThatFindsThem() {
        assertThat(WARNINGS.get("invited")).singleElement().asString()
                .contains("aws ram get-resource-share-invitations").contains(CENTRAL).contains("datamesh:ramShareArns");
        assertThat(names("invited", GLUE_DATABASE)).containsExactly("invited-access-link-sales");
    }
}
