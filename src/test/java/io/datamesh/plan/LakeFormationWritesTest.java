package io.datamesh.plan;

import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.ResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LakeFormationWritesTest {
    private static final String GRANT = "aws:lakeformation/permissions:Permissions";
    private static final String TAG = "aws:lakeformation/resourceLfTag:ResourceLfTag";
    private static final String SETTINGS = "aws:lakeformation/dataLakeSettings:DataLakeSettings";
    private static final String DATABASE = "aws:glue/catalogDatabase:CatalogDatabase";

    private static PlannedResource resource(String name, String type, String... dependsOn) {
        return new PlannedResource(name, type, name, Optional.empty(), Map.of(),
                new ResourceOptions(List.of(dependsOn), true, false, false));
    }

    private static StackPlan plan(PlannedResource... resources) {
        return new StackPlan("central", "central", List.of(resources), Map.of(), List.of(), List.of(), List.of(), Map.of());
    }

    @Test
    void theLongestPathCountsOnlyLakeFormationWritesAndTakesTheLongerBranch() {
        var plan = plan(
                resource("settings", SETTINGS),
                resource("db", DATABASE, "settings"),
                resource("tag-1", TAG, "db", "settings"),
                resource("tag-2", TAG, "tag-1"),
                resource("tag-3", TAG, "tag-2"),
                resource("grant-a", GRANT, "settings"),
                resource("grant-b", GRANT, "grant-a", "tag-3", "outside-the-plan"));
        assertThat(LakeFormationWrites.count(plan)).isEqualTo(6);
        assertThat(LakeFormationWrites.longestChain(plan)).as("settings, three tags, grant-b; the database counts zero")
                .isEqualTo(5);
        assertThat(LakeFormationWrites.lanes(plan)).as("tag-1 and grant-a wait for no other grant or tag").isEqualTo(2);
    }

    @Test
    void aChainOfThousandsDoesNotOverflowTheStack() {
        var resources = IntStream.range(0, 20_000)
                .mapToObj(i -> i == 0 ? resource("w0", GRANT) : resource("w" + i, GRANT, "w" + (i - 1)))
                .toArray(PlannedResource[]::new);
        assertThat(LakeFormationWrites.longestChain(plan(resources))).isEqualTo(20_000);
        assertThat(LakeFormationWrites.lanes(plan(resources))).isEqualTo(1);
    }
}
