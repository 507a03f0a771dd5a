package io.datamesh.central;

import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Test;

import static io.datamesh.central.CentralRuns.childrenOf;
import static org.assertj.core.api.Assertions.assertThat;

class TagOntologyTest {
    private final StackPlan plan = CentralRuns.nothingDeployed();

    @Test
    void oneTagPerOntologyKeyWithItsValuesEachAfterTheSettingsWrite() {
        var tags = childrenOf(plan, TagOntology.TYPE, "central-tags");
        assertThat(tags).extracting(r -> r.name() + " " + r.inputs().get("key") + " " + r.inputs().get("values"))
                .containsExactlyInAnyOrder("central-tag-domain domain [sales, marketing]",
                        "central-tag-classification classification [public, internal, confidential]",
                        "central-tag-pii pii [true, false]");
        assertThat(tags).allSatisfy(t -> {
            assertThat(t.inputs()).containsEntry("catalogId", CentralRuns.ACCOUNT);
            assertThat(t.options().dependsOn()).singleElement().asString().endsWith("::central-lake-settings");
        });
    }
}
