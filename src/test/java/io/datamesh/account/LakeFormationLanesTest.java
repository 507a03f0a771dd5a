package io.datamesh.account;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.lakeformation.PermissionsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.datamesh.config.StackIdentity;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One run: 33 keys of one write each through the account's lanes, the first two through a child's view. */
class LakeFormationLanesTest {
    private static StackPlan plan;

    @Test
    void aViewPlacesItsWritesUnderItsComponentAliasedButKeepsTheAccountsLanes() {
        var viaChild = named("grant-0");
        assertThat(viaChild.parent()).hasValueSatisfying(p -> assertThat(p).endsWith("test:index:Child::child"));
        assertThat(viaChild.options().aliases()).containsExactly(
                "urn:pulumi:central::datamesh::test:index:Account$aws:lakeformation/permissions:Permissions::grant-0");
        var sameKey = named("grant-0-again");
        assertThat(sameKey.parent()).hasValueSatisfying(p -> assertThat(p).endsWith("test:index:Account::account"));
        assertThat(sameKey.options().aliases()).isEmpty();
        assertThat(sameKey.options().dependsOn()).containsExactly(viaChild.urn());
        assertThat(List.of(viaChild, sameKey)).allSatisfy(w -> assertThat(w.options().deleteBeforeReplace()).isTrue());
    }

    @Test
    void aNewKeyStartsALaneAfterTheFirstWriteUntilAllLanesAreTakenThenJoinsTheLeastBusy() {
        for (int i = 1; i < LakeFormationLanes.MAX_LANES; i++) {
            assertThat(named("grant-" + i).options().dependsOn()).singleElement().asString().endsWith("::settings");
        }
        // Lane 0 holds two writes, the others one: the 33rd key takes lane 1.
        assertThat(named("grant-" + LakeFormationLanes.MAX_LANES).options().dependsOn()).containsExactly(named("grant-1").urn());
    }

    private static PlannedResource named(String name) {
        return plan().resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static synchronized StackPlan plan() {
        if (plan == null) {
            var identity = new StackIdentity("organization", "datamesh", "central", "111111111111", "eu-west-1", "mesh", 4,
                    List.of(), Map.of());
            plan = MeshPlanner.run("central", identity, "central", AccountState.TYPICAL, Map.of(), ctx -> {
                var account = new Component("test:index:Account", "account", ComponentResourceOptions.Empty);
                var child = new Component("test:index:Child", "child", ChildOf.componentUnder(account));
                var first = new Key("settings", KeyArgs.builder().build(), ChildOf.of(account).child());
                var lanes = new LakeFormationLanes(account, first);
                lanes.placing(ChildOf.movedFrom(child, account)).grant("key-0", "grant-0", grant());
                lanes.grant("key-0", "grant-0-again", grant());
                for (int i = 1; i <= LakeFormationLanes.MAX_LANES; i++) {
                    lanes.grant("key-" + i, "grant-" + i, grant());
                }
                return List.of();
            });
            assertThat(plan.errors()).isEmpty();
        }
        return plan;
    }

    private static PermissionsArgs grant() {
        return PermissionsArgs.builder().principal("arn:aws:iam::111111111111:role/r").permissions("DESCRIBE")
                .catalogResource(true).build();
    }

    private static final class Component extends ComponentResource {
        Component(String type, String name, ComponentResourceOptions options) {
            super(type, name, options);
        }
    }
}
