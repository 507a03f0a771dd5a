package io.datamesh.e2e.standin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.datamesh.e2e.standin.MeshFixture.ANALYST;
import static io.datamesh.e2e.standin.MeshFixture.CENTRAL;
import static io.datamesh.e2e.standin.MeshFixture.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;

/** The access in force, computed from the emulated AWS's state only. */
class AccessInForceTest {

    private static List<String> lines(MeshFixture mesh) {
        return AccessInForce.compute(mesh.aws).stream().map(AccessInForce.Access::line).toList();
    }

    @Test
    void withEverythingRightTheMarketingAnalystReadsOrdersAndCustomersWithoutPii() {
        assertThat(lines(MeshFixture.working())).containsExactly(
                "e2e: access in force: " + ANALYST + " sales.customers customer_id,country",
                "e2e: access in force: " + ANALYST + " sales.orders order_id,customer_id,amount,order_date");
    }

    @Test
    void aCentralDatabaseCreatedBeforeTheSettingsWriteKeepsIamAllowedPrincipalsAndDeniesCrossAccountReads() {
        var early = new MeshFixture();
        // The database first, on a fresh account; the settings write that empties the defaults after it.
        early.create(CENTRAL, LakeFormationEmulator.DATABASE, "sales", MeshFixture.map("catalogId", CENTRAL, "name", "sales"));
        early.settings(CENTRAL).settings(CONSUMER);
        early.create(CENTRAL, LakeFormationEmulator.LF_TAG, "tag-domain", MeshFixture.map("key", "domain", "values", List.of("sales")));
        early.create(CENTRAL, LakeFormationEmulator.LF_TAG, "tag-pii", MeshFixture.map("key", "pii", "values", List.of("true", "false")));
        early.table("orders", MeshFixture.ORDERS);
        early.tag("db-domain", MeshFixture.map("database", MeshFixture.map("catalogId", CENTRAL, "name", "sales")), "domain", "sales");
        early.tag("db-pii", MeshFixture.map("database", MeshFixture.map("catalogId", CENTRAL, "name", "sales")), "pii", "false");
        early.catalogPolicy(true).encryptedCatalog().shareWithConsumer().consumer(true).directGrantToAnalyst();

        assertThat(lines(early)).containsExactly("e2e: access denied: " + ANALYST + " sales.orders: IAM_ALLOWED_PRINCIPALS "
                + "holds [ALL] on " + CENTRAL + ".sales.orders: Lake Formation throws AccessDeniedException to cross-account callers");
    }

    @Test
    void anAnalystWithoutTheCatalogKeyStatementReadsNothing() {
        var mesh = new MeshFixture().settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(true)
                .encryptedCatalog().shareWithConsumer().consumer(false).directGrantToAnalyst();

        assertThat(lines(mesh)).hasSize(2).allMatch(l -> l.startsWith("e2e: access denied: " + ANALYST)
                && l.endsWith("its IAM policies do not allow kms:Decrypt on the catalog key " + mesh.keyArn()));
    }

    @Test
    void aKeyPolicyThatLeavesTheConsumerOutDeniesAsWellAsAMissingIamStatement() {
        var mesh = MeshFixture.working();
        mesh.aws.keyPolicies.put(mesh.keyArn(), "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + CENTRAL + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");

        assertThat(lines(mesh)).allMatch(l -> l.contains("the key policy of the catalog key " + mesh.keyArn()
                + " does not allow kms:Decrypt to it"));
    }

    @Test
    void outsideAnOrganizationTheShareIsPendingUntilTheConsumerAcceptsIt() {
        var mesh = new MeshFixture();
        mesh.organization = false;
        mesh.settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(true).encryptedCatalog()
                .shareWithConsumer().consumer(true).directGrantToAnalyst();
        String share = LakeFormationEmulator.shareArn(MeshFixture.REGION, CENTRAL, CONSUMER);
        assertThat(lines(mesh)).allMatch(l -> l.endsWith("the AWS RAM resource share " + share + " is PENDING in " + CONSUMER));

        mesh.create(CONSUMER, LakeFormationEmulator.SHARE_ACCEPTER, "accept", MeshFixture.map("shareArn", share));
        assertThat(lines(mesh)).allMatch(l -> l.startsWith("e2e: access in force: "));
    }

    @Test
    void withoutDescribeOnTheResourceLinkTheAnalystReadsNothing() {
        var mesh = MeshFixture.working();
        mesh.delete(CONSUMER, LakeFormationEmulator.PERMISSIONS, "describe-link", MeshFixture.map("catalogId", CONSUMER,
                "principal", ANALYST, "permissions", List.of("DESCRIBE"),
                "database", MeshFixture.map("catalogId", CONSUMER, "name", "sales_link")));

        assertThat(lines(mesh)).allMatch(l -> l.endsWith(": no DESCRIBE on the resource link " + CONSUMER + ".sales_link"));
    }

    @Test
    void aReGrantReadsOnlyWithinWhatTheAccountHoldsWithTheGrantOption() {
        var mesh = new MeshFixture().settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(true)
                .encryptedCatalog().shareWithConsumer().consumer(true);
        // The consumer's admin re-grants the expression it received, on the central catalog's tags.
        var regrant = MeshFixture.tagPolicyGrant(CONSUMER, ANALYST, List.of("SELECT"), List.of());
        assertThat(mesh.create(CONSUMER, LakeFormationEmulator.PERMISSIONS, "regrant", regrant))
                .isEqualTo(LakeFormationEmulator.READ_BACK_TIMEOUT);
        assertThat(lines(mesh)).allMatch(l -> l.endsWith(": no DESCRIBE on the target database " + CENTRAL
                + ".sales (across accounts it is never implied by a table grant)"));
        assertThat(mesh.create(CONSUMER, LakeFormationEmulator.PERMISSIONS, "regrant-database",
                MeshFixture.databaseGrant(CONSUMER, ANALYST, List.of()))).isEqualTo(LakeFormationEmulator.READ_BACK_TIMEOUT);

        assertThat(lines(mesh)).containsExactly(
                "e2e: access in force: " + ANALYST + " sales.customers customer_id,country",
                "e2e: access in force: " + ANALYST + " sales.orders order_id,customer_id,amount,order_date");
        // Without the account's grant option the re-grant reads nothing.
        mesh.aws.grants.values().stream().filter(g -> g.principal.equals(CONSUMER) && "TABLE".equals(g.resource.get("resourceType")))
                .forEach(g -> g.grantable.clear());
        assertThat(lines(mesh)).allMatch(l -> l.contains(": no SELECT on any column"));
    }
}
