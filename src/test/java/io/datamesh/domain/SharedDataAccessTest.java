package io.datamesh.domain;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.test.PulumiTest;
import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.stackref.DomainShare;
import io.datamesh.stackref.StackOutputs;
import io.datamesh.testing.RecordedRun;
import io.datamesh.testing.SampleStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.datamesh.plan.SampleMesh.json;
import static io.datamesh.plan.SampleMesh.map;
import static io.datamesh.resource.ResourceTypes.ATHENA_WORKGROUP;
import static io.datamesh.resource.ResourceTypes.GLUE_DATABASE;
import static io.datamesh.resource.ResourceTypes.IAM_ROLE;
import static io.datamesh.resource.ResourceTypes.IAM_ROLE_POLICY;
import static io.datamesh.resource.ResourceTypes.LF_PERMISSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A domain's access to shared data, two variants in one run: {@code full} receives a share, accepts
 * two RAM invitations and has analysts narrowed to different producer domains; {@code nothing}
 * receives no share and no catalog key yet (central not deployed, or granting it nothing).
 */
class SharedDataAccessTest {
    private static final String OWN = "333333333333";
    private static final String CENTRAL = "111111111111";
    private static final String CATALOG_KEY = "arn:aws:kms:eu-west-1:" + CENTRAL + ":key/catalog";
    private static final String ACCEPTER = "aws:ram/resourceShareAccepter:ResourceShareAccepter";
    private static final String QUERY = "aws:athena/namedQuery:NamedQuery";
    private static final List<String> RAM_SHARES = List.of("arn:aws:ram:eu-west-1:" + CENTRAL + ":resource-share/a",
            "arn:aws:ram:eu-west-1:" + CENTRAL + ":resource-share/b");
    private static final DomainShare SHARE = new DomainShare(List.of(), List.of("sales"), List.of(
            new DomainShare.Table("sales", "customers", List.of("customer_id", "country"), false,
                    List.of(LfPermission.SELECT, LfPermission.DESCRIBE)),
            new DomainShare.Table("sales", "orders", List.of(), false, List.of(LfPermission.DESCRIBE)),
            new DomainShare.Table("hr", "staff", List.of("id"), true, List.of(LfPermission.SELECT))));
    private static RecordedRun run;

    @BeforeAll
    static void defineBothVariants() {
        ConsumerSettings full = SampleStacks.settings("consumer", Map.of(
                "analysts", "[{\"name\": \"analyst\", \"domains\": [\"sales\"]}, {\"name\": \"auditor\", \"domains\": [\"hr\"]},"
                        + " {\"name\": \"lead\"}]",
                "ramShareArns", "[\"" + String.join("\", \"", RAM_SHARES) + "\"]"));
        ConsumerSettings nothing = SampleStacks.settings("consumer", Map.of());
        run = RecordedRun.of(OWN, "eu-west-1", Map.of(), ctx -> {
            var parent = new ComponentResource("test:index:Domain", "marketing");
            var lakeSettings = LakeFormationAdmins.write("lake-settings", SampleStacks.lakeSettings(OWN), parent, List.of());
            var withShare = new SharedDataAccess("full", new SharedDataAccessArgs(full.identity(), full.domain(),
                    full.access(), Optional.of(SHARE), Optional.of(CATALOG_KEY)), lakeSettings, parent);
            var without = new SharedDataAccess("nothing", new SharedDataAccessArgs(nothing.identity(), nothing.domain(),
                    nothing.access(), Optional.empty(), Optional.empty()), lakeSettings, parent);
            ctx.export("fullQueryRoles", withShare.queryRoles().applyValue(StackOutputs::toOutput));
            ctx.export("nothingQueryRoles", without.queryRoles().applyValue(StackOutputs::toOutput));
            ctx.export("fullLinks", Output.of(withShare.resourceLinks()));
        }).succeeded();
    }

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void everySharedDatabaseGetsOneLinkIntoTheCentralCatalogAfterTheSettingsWrite() {
        assertThat(run.names(GLUE_DATABASE)).containsExactlyInAnyOrder("full-link-sales", "full-link-hr");
        var link = run.named(GLUE_DATABASE, "full-link-hr");
        assertThat(link.inputs()).containsEntry("catalogId", OWN).containsEntry("name", "shared_hr");
        assertThat(map(link.inputs().get("targetDatabase"))).containsEntry("catalogId", CENTRAL)
                .containsEntry("databaseName", "hr").containsEntry("region", "eu-west-1");
        assertThat(link.dependsOn()).contains("lake-settings");
        assertThat(run.output("fullLinks")).isEqualTo(List.of("shared_sales", "shared_hr"));
    }

    @Test
    void anAnalystNarrowedAwayFromADomainGetsNoDescribeOnItsLink() {
        assertThat(run.names(LF_PERMISSIONS)).containsExactlyInAnyOrder("full-analyst-describe-link-sales",
                "full-auditor-describe-link-hr", "full-lead-describe-link-sales", "full-lead-describe-link-hr");
        var describe = run.named(LF_PERMISSIONS, "full-auditor-describe-link-hr").inputs();
        assertThat(describe).containsEntry("principal", "arn:aws:iam::" + OWN + ":role/datamesh-marketing-auditor")
                .containsEntry("permissions", List.of("DESCRIBE")).containsEntry("catalogId", OWN);
        assertThat(map(describe.get("database"))).containsEntry("catalogId", OWN).containsEntry("name", "shared_hr");
    }

    @Test
    void ramInvitationsAreAcceptedBeforeTheGrantsOnTheLinksThatStandOnThem() {
        assertThat(run.ofType(ACCEPTER)).extracting(s -> s.inputs().get("shareArn")).containsExactlyElementsOf(RAM_SHARES);
        assertThat(run.named(LF_PERMISSIONS, "full-analyst-describe-link-sales").dependsOn())
                .contains("full-ram-share-0", "full-ram-share-1", "full-link-sales");
    }

    @Test
    void previewQueriesOnlyForTablesWithSelectReadingOnlyTheSharedColumns() {
        assertThat(run.names(QUERY)).containsExactlyInAnyOrder("full-query-sales-customers", "full-query-hr-staff");
        assertThat(run.named(QUERY, "full-query-sales-customers").inputs()).containsEntry("database", "shared_sales")
                .containsEntry("query", "SELECT \"customer_id\", \"country\" FROM \"shared_sales\".\"customers\" LIMIT 10;");
    }

    @Test
    void queryRolesPublishTheDomainsEachRoleMayQuery() {
        var roles = (List<?>) map(run.output("fullQueryRoles")).get("roles");
        assertThat(roles).extracting(r -> map(r).get("name")).containsExactly("analyst", "auditor", "lead");
        assertThat(roles).extracting(r -> map(r).get("domains")).containsExactly(List.of("sales"), List.of("hr"), List.of());
        assertThat(map(roles.get(0))).containsEntry("arn", "arn:aws:iam::" + OWN + ":role/datamesh-marketing-analyst");
    }

    @Test
    void theRolesReadTheCatalogKeyOnlyOnceCentralHasPublishedIt() {
        var withKey = json(run.named(IAM_ROLE_POLICY, "full-analyst-query").inputs().get("policy"));
        var withoutKey = json(run.named(IAM_ROLE_POLICY, "nothing-analyst-query").inputs().get("policy"));
        assertThat(withKey.toString()).contains("EncryptedCentralCatalog").contains(CATALOG_KEY);
        assertThat(withoutKey.toString()).doesNotContain("EncryptedCentralCatalog");
    }

    @Test
    void aDomainThatReceivesNothingHasNoLinksGrantsOrQueriesButStillPublishesItsRoles() {
        assertThat(run.under("nothing")).extracting(RecordedRun.Sent::type).doesNotContain(GLUE_DATABASE, LF_PERMISSIONS, QUERY, ACCEPTER)
                .contains(IAM_ROLE, ATHENA_WORKGROUP);
        assertThat((List<?>) map(run.output("nothingQueryRoles")).get("roles")).extracting(r -> map(r).get("name"))
                .containsExactly("analyst");
    }
}
