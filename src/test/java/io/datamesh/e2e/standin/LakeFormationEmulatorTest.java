package io.datamesh.e2e.standin;

import io.datamesh.e2e.standin.EmulatedAws.Share;

import io.datamesh.e2e.standin.LakeFormationEmulator.Refused;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.datamesh.e2e.standin.LakeFormationEmulator.DATABASE;
import static io.datamesh.e2e.standin.LakeFormationEmulator.PERMISSIONS;
import static io.datamesh.e2e.standin.LakeFormationEmulator.RESOURCE_LF_TAG;
import static io.datamesh.e2e.standin.LakeFormationEmulator.RESOURCE_POLICY;
import static io.datamesh.e2e.standin.LakeFormationEmulator.SETTINGS;
import static io.datamesh.e2e.standin.LakeFormationEmulator.SHARE_ACCEPTER;
import static io.datamesh.e2e.standin.MeshFixture.ANALYST;
import static io.datamesh.e2e.standin.MeshFixture.CENTRAL;
import static io.datamesh.e2e.standin.MeshFixture.CONSUMER;
import static io.datamesh.e2e.standin.MeshFixture.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each AWS or provider behaviour the emulator enforces, one test each (docs/aws-behaviours.md). */
class LakeFormationEmulatorTest {
    private static final Map<String, Object> IAM_ONLY = map("permissions", List.of("ALL"), "principal", "IAM_ALLOWED_PRINCIPALS");

    private static boolean iamAllowedOnTable(MeshFixture mesh, String database, String table) {
        var resource = new TreeMap<String, Object>(map("type", "table", "catalogId", CENTRAL, "databaseName", database, "name", table));
        return mesh.aws.grants.containsKey(EmulatedAws.Grant.key(CENTRAL, "IAM_ALLOWED_PRINCIPALS", resource));
    }

    @Test
    void aFreshAccountHasIamOnlyDefaultsAndEachSettingsWriteReplacesTheWhole() {
        var mesh = new MeshFixture();
        var fresh = mesh.as(CENTRAL).dataLakeSettings(mesh.aws, CENTRAL);
        assertThat(fresh.get("createDatabaseDefaultPermissions")).isEqualTo(List.of(IAM_ONLY));
        assertThat(fresh.get("createTableDefaultPermissions")).isEqualTo(List.of(IAM_ONLY));
        assertThat(fresh.get("admins")).isEqualTo(List.of());
        assertThat(mesh.aws.crossAccountVersion(CENTRAL)).isEqualTo(1);

        mesh.settings(CENTRAL);
        assertThat(mesh.aws.crossAccountVersion(CENTRAL)).isEqualTo(4);
        // A write that omits the admins and parameters drops them: version back to 1.
        mesh.create(CENTRAL, SETTINGS, "lake", map("createTableDefaultPermissions", List.of()));
        var after = mesh.as(CENTRAL).dataLakeSettings(mesh.aws, CENTRAL);
        assertThat(after.get("admins")).isEqualTo(List.of());
        assertThat(after.get("createDatabaseDefaultPermissions")).isEqualTo(List.of());
        assertThat(mesh.aws.crossAccountVersion(CENTRAL)).isEqualTo(1);
    }

    @Test
    void theProvidersSettingsWriteCannotClearIamOnlyDefaultsButTheCliCallCan() throws Exception {
        var mesh = new MeshFixture();
        mesh.create(CENTRAL, SETTINGS, "lake", map("admins", List.of(MeshFixture.deployer(CENTRAL)),
                "createDatabaseDefaultPermissions", List.of(), "createTableDefaultPermissions", List.of(),
                "parameters", map("CROSS_ACCOUNT_VERSION", "4")));
        var written = mesh.as(CENTRAL).dataLakeSettings(mesh.aws, CENTRAL);
        assertThat(written.get("createDatabaseDefaultPermissions")).isEqualTo(List.of(IAM_ONLY));
        assertThat(written.get("createTableDefaultPermissions")).isEqualTo(List.of(IAM_ONLY));
        assertThat(written.get("admins")).isEqualTo(List.of(MeshFixture.deployer(CENTRAL)));

        var request = LakeFormationShapes.settingsFromApi(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"DataLakeAdmins\":"
                + "[{\"DataLakePrincipalIdentifier\":\"" + MeshFixture.deployer(CENTRAL) + "\"}],"
                + "\"CreateDatabaseDefaultPermissions\":[],\"CreateTableDefaultPermissions\":[],"
                + "\"Parameters\":{\"CROSS_ACCOUNT_VERSION\":\"4\"}}"));
        LakeFormationEmulator.putDataLakeSettings(mesh.aws, CENTRAL, request);
        var cleared = mesh.as(CENTRAL).dataLakeSettings(mesh.aws, CENTRAL);
        assertThat(cleared.get("createDatabaseDefaultPermissions")).isEqualTo(List.of());
        assertThat(cleared.get("createTableDefaultPermissions")).isEqualTo(List.of());
        assertThat(cleared.get("admins")).isEqualTo(List.of(MeshFixture.deployer(CENTRAL)));
        assertThat(mesh.aws.crossAccountVersion(CENTRAL)).isEqualTo(4);
    }

    @Test
    void aDatabaseCopiesTheAccountsDefaultsWhenCreatedAndItsTablesCopyTheDatabases() {
        var early = new MeshFixture();
        early.create(CENTRAL, DATABASE, "sales", map("catalogId", CENTRAL, "name", "sales"));
        early.settings(CENTRAL);
        early.table("orders", MeshFixture.ORDERS);
        assertThat(iamAllowedOnTable(early, "sales", "orders")).isTrue();

        var ordered = new MeshFixture().settings(CENTRAL);
        ordered.create(CENTRAL, DATABASE, "sales", map("catalogId", CENTRAL, "name", "sales"));
        ordered.table("orders", MeshFixture.ORDERS);
        assertThat(iamAllowedOnTable(ordered, "sales", "orders")).isFalse();

        // A non-empty default in the request wins over the account's; the provider never sends an empty one.
        var explicit = new MeshFixture().settings(CENTRAL);
        explicit.create(CENTRAL, DATABASE, "sales", map("catalogId", CENTRAL, "name", "sales",
                "createTableDefaultPermissions", List.of(map("permissions", List.of("ALL"),
                        "principal", map("dataLakePrincipalIdentifier", "IAM_ALLOWED_PRINCIPALS")))));
        explicit.table("orders", MeshFixture.ORDERS);
        assertThat(iamAllowedOnTable(explicit, "sales", "orders")).isTrue();
    }

    @Test
    void aResourceLinkIsADatabaseOfTheReceivingAccountAndCopiesItsDefaults() {
        var mesh = new MeshFixture();
        mesh.create(CONSUMER, DATABASE, "link", map("catalogId", CONSUMER, "name", "sales_link",
                "targetDatabase", map("catalogId", CENTRAL, "databaseName", "sales")));
        var resource = new TreeMap<String, Object>(map("type", "database", "catalogId", CONSUMER, "name", "sales_link"));
        assertThat(mesh.aws.grants).containsKey(EmulatedAws.Grant.key(CONSUMER, "IAM_ALLOWED_PRINCIPALS", resource));
        assertThat(mesh.aws.databases.get(CONSUMER + "/sales_link").targetCatalogId).isEqualTo(CENTRAL);
    }

    @Test
    void aGrantNeedsACallerThatIsADataLakeAdministrator() {
        var mesh = new MeshFixture().centralCatalog();
        assertThatThrownBy(() -> mesh.create(CENTRAL, PERMISSIONS, "g", MeshFixture.tagPolicyGrant(CENTRAL, CONSUMER,
                List.of("SELECT"), List.of("SELECT"))))
                .isInstanceOf(Refused.class)
                .hasMessageStartingWith("creating Lake Formation Permissions (input: ")
                .hasMessageContaining("): creating Lake Formation Permissions: AccessDeniedException: Insufficient Lake "
                        + "Formation permission(s)");
    }

    @Test
    void aGrantOnAnUnknownTagKeyOrValueIsRefused() {
        var mesh = new MeshFixture().settings(CENTRAL).centralCatalog();
        var grant = MeshFixture.tagPolicyGrant(CENTRAL, CONSUMER, List.of("SELECT"), List.of());
        ((Map<String, Object>) grant.get("lfTagPolicy")).put("expressions",
                List.of(map("key", "domain", "values", List.of("marketing"))));
        assertThatThrownBy(() -> mesh.create(CENTRAL, PERMISSIONS, "g", grant))
                .isInstanceOf(Refused.class).hasMessageContaining("InvalidInputException: Tag value marketing");
        ((Map<String, Object>) grant.get("lfTagPolicy")).put("expressions",
                List.of(map("key", "owner", "values", List.of("x"))));
        assertThatThrownBy(() -> mesh.create(CENTRAL, PERMISSIONS, "g", grant))
                .isInstanceOf(Refused.class).hasMessageContaining("EntityNotFoundException: Tag key owner");
        assertThat(mesh.aws.grants.values()).noneMatch(g -> g.principal.equals(CONSUMER));
    }

    @Test
    void aCrossAccountGrantIsRefusedWhenTheCatalogPolicyLacksTheRamStatement() {
        var mesh = new MeshFixture().settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(false);
        assertThatThrownBy(mesh::shareWithConsumer).isInstanceOf(Refused.class)
                .hasMessageContaining("does not allow glue:ShareResource to ram.amazonaws.com");
        assertThat(mesh.aws.shares).isEmpty();

        var fixed = new MeshFixture().settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(true)
                .shareWithConsumer();
        assertThat(fixed.aws.shares.get(LakeFormationEmulator.shareArn(MeshFixture.REGION, CENTRAL, CONSUMER)).status)
                .isEqualTo("ACTIVE");
        // Without any catalog policy the grant needs none.
        new MeshFixture().settings(CENTRAL).centralCatalog().shareWithConsumer();
    }

    @Test
    void aConsumerReGrantOnTheCentralTagPolicyFailsTheProviderReadBackAlthoughAwsGranted() {
        var mesh = new MeshFixture().settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(true)
                .shareWithConsumer();
        String error = mesh.create(CONSUMER, PERMISSIONS, "regrant",
                MeshFixture.tagPolicyGrant(CONSUMER, ANALYST, List.of("SELECT"), List.of()));
        assertThat(error).isEqualTo("reading Lake Formation permissions: timeout while waiting for state to become "
                + "'AVAILABLE' (last state: 'NOT FOUND', timeout: 1m0s)");
        assertThat(mesh.aws.grants.values()).anyMatch(g -> g.principal.equals(ANALYST) && g.catalogId.equals(CONSUMER));
    }

    @Test
    void aReGrantBeyondWhatTheAccountHoldsWithTheGrantOptionIsRefused() {
        var mesh = new MeshFixture().settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(true)
                .shareWithConsumer();
        var wider = MeshFixture.tagPolicyGrant(CONSUMER, ANALYST, List.of("SELECT"), List.of());
        ((Map<String, Object>) wider.get("lfTagPolicy")).put("expressions",
                List.of(map("key", "domain", "values", List.of("sales"))));
        assertThatThrownBy(() -> mesh.create(CONSUMER, PERMISSIONS, "regrant", wider)).isInstanceOf(Refused.class)
                .hasMessageContaining("holding them with the grant option");
    }

    @Test
    void aGrantReplacedCreateThenDeleteRevokesItselfWhileDeleteThenCreateKeepsIt() {
        var grant = MeshFixture.tagPolicyGrant(CENTRAL, ANALYST, List.of("SELECT", "DESCRIBE"), List.of());
        var createFirst = new MeshFixture().settings(CENTRAL).centralCatalog();
        createFirst.create(CENTRAL, PERMISSIONS, "old", grant);
        createFirst.create(CENTRAL, PERMISSIONS, "new", grant);
        createFirst.delete(CENTRAL, PERMISSIONS, "old", grant);
        assertThat(createFirst.aws.grants.values()).noneMatch(g -> g.principal.equals(ANALYST));

        var deleteFirst = new MeshFixture().settings(CENTRAL).centralCatalog();
        deleteFirst.create(CENTRAL, PERMISSIONS, "old", grant);
        deleteFirst.delete(CENTRAL, PERMISSIONS, "old", grant);
        deleteFirst.create(CENTRAL, PERMISSIONS, "new", grant);
        assertThat(deleteFirst.aws.grants.values()).anyMatch(g -> g.principal.equals(ANALYST)
                && g.permissions.containsAll(List.of("SELECT", "DESCRIBE")));
    }

    @Test
    void aRevokeRemovesOnlyThePermissionsTheResourceListed() {
        var mesh = new MeshFixture().settings(CENTRAL).centralCatalog();
        mesh.create(CENTRAL, PERMISSIONS, "both", MeshFixture.tagPolicyGrant(CENTRAL, ANALYST, List.of("SELECT", "DESCRIBE"), List.of()));
        var describe = MeshFixture.tagPolicyGrant(CENTRAL, ANALYST, List.of("DESCRIBE"), List.of());
        mesh.create(CENTRAL, PERMISSIONS, "describe", describe);
        mesh.delete(CENTRAL, PERMISSIONS, "describe", describe);
        assertThat(mesh.aws.grants.values()).anyMatch(g -> g.principal.equals(ANALYST)
                && g.permissions.equals(new java.util.TreeSet<>(List.of("SELECT"))));
    }

    @Test
    void aTagAssignmentReplacedCreateThenDeleteRemovesTheTag() {
        var mesh = new MeshFixture().settings(CENTRAL).centralCatalog();
        var resource = map("database", map("catalogId", CENTRAL, "name", "sales"));
        var assignment = mesh.tag("db-domain-2", resource, "domain", "sales");
        mesh.delete(CENTRAL, RESOURCE_LF_TAG, "db-domain", assignment);
        assertThat(mesh.aws.tagAssignments.get(CENTRAL + "/sales")).doesNotContainKey("domain");
    }

    @Test
    void aTagCanOnlyBeAssignedWithADefinedValueToAResourceThatExists() {
        var mesh = new MeshFixture().settings(CENTRAL).centralCatalog();
        assertThatThrownBy(() -> mesh.tag("x", map("database", map("catalogId", CENTRAL, "name", "sales")), "domain", "hr"))
                .isInstanceOf(Refused.class).hasMessageStartingWith("creating Lake Formation Resource LF Tag (domain=hr)");
        assertThatThrownBy(() -> mesh.tag("y", map("table", map("catalogId", CENTRAL, "databaseName", "sales",
                "name", "invoices")), "domain", "sales"))
                .isInstanceOf(Refused.class).hasMessageContaining(CENTRAL + "/sales/invoices does not exist");
    }

    @Test
    void outsideAnOrganizationAShareIsAnInvitationTheConsumerAcceptsAndInsideOneThereIsNone() {
        var outside = new MeshFixture();
        outside.organization = false;
        outside.settings(CENTRAL).centralCatalog().shareWithConsumer();
        String arn = LakeFormationEmulator.shareArn(MeshFixture.REGION, CENTRAL, CONSUMER);
        assertThat(outside.aws.shares.get(arn).status).isEqualTo("PENDING");
        assertThatThrownBy(() -> outside.create(CENTRAL, SHARE_ACCEPTER, "a", map("shareArn", arn)))
                .isInstanceOf(Refused.class);
        outside.create(CONSUMER, SHARE_ACCEPTER, "a", map("shareArn", arn));
        assertThat(outside.aws.shares.get(arn).status).isEqualTo("ACTIVE");

        var inside = new MeshFixture().settings(CENTRAL).centralCatalog().shareWithConsumer();
        assertThatThrownBy(() -> inside.create(CONSUMER, SHARE_ACCEPTER, "a", map("shareArn", arn)))
                .isInstanceOf(Refused.class)
                .hasMessage("No pending RAM Resource Share (" + arn + ") invitation found\n\nNOTE: If both AWS accounts "
                        + "are in the same AWS Organization and RAM Sharing with AWS Organizations is enabled, this "
                        + "resource is not necessary");
    }

    @Test
    void withRoleInvitationsAGrantToARoleOfAnotherAccountIsAnInvitationEvenInsideAnOrganization() {
        var roles = new MeshFixture();
        roles.roleInvitations = true;
        roles.settings(CENTRAL).centralCatalog();
        assertThat(roles.create(CENTRAL, PERMISSIONS, "grant-analyst", MeshFixture.tagPolicyGrant(CENTRAL, MeshFixture.ANALYST,
                List.of("SELECT"), List.of()))).isNull();
        Share share = roles.aws.shares.get(LakeFormationEmulator.shareArn(MeshFixture.REGION, CENTRAL, CONSUMER));
        assertThat(share.status).isEqualTo("PENDING");
        assertThat(share.invitation).isEqualTo("PENDING");

        var accounts = new MeshFixture();
        accounts.roleInvitations = true;
        accounts.settings(CENTRAL).centralCatalog().shareWithConsumer();
        assertThat(accounts.aws.shares.get(LakeFormationEmulator.shareArn(MeshFixture.REGION, CENTRAL, CONSUMER)).invitation).isNull();
    }

    @Test
    void aCatalogPolicyWrittenAfterRamGrantsNeedsEnableHybrid() {
        var mesh = new MeshFixture().settings(CENTRAL).settings(CONSUMER).centralCatalog().catalogPolicy(true)
                .shareWithConsumer();
        assertThatThrownBy(() -> mesh.catalogPolicy(true)).isInstanceOf(Refused.class)
                .hasMessageStartingWith("putting policy request: ");
        mesh.create(CENTRAL, RESOURCE_POLICY, "catalog-policy", map("policy", "{\"Statement\":[]}", "enableHybrid", "TRUE"));
        assertThat(mesh.aws.catalogPolicies.get(CENTRAL)).isEqualTo("{\"Statement\":[]}");
    }

    @Test
    void destroyingTheSettingsResetsThemToVersionOneWithoutAdmins() {
        var mesh = new MeshFixture().settings(CENTRAL);
        mesh.delete(CENTRAL, SETTINGS, "lake", map("admins", List.of(MeshFixture.deployer(CENTRAL))));
        assertThat(mesh.aws.admins(CENTRAL)).isEmpty();
        assertThat(mesh.aws.crossAccountVersion(CENTRAL)).isEqualTo(1);
    }
}
