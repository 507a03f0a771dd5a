package io.datamesh.plan;

import io.datamesh.config.StackSettings;
import io.datamesh.scale.MeshGenerator;
import io.datamesh.scale.MeshShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeshPlannerWavesTest {

    @Test
    void theSampleOrderPlansInThreeWaves() throws InvalidMeshException {
        var plan = MeshPlanner.plan(Path.of("."), AccountState.TYPICAL);
        assertEquals(List.of(List.of("producer", "consumer"), List.of("central"), List.of("producer", "consumer")),
                MeshPlanner.waves(plan.deployOrder(), plan.settings()));
    }

    @Test
    void aStackNeverRunsTwiceInOneWave() throws InvalidMeshException {
        var settings = MeshPlanner.plan(Path.of("."), AccountState.TYPICAL).settings();
        assertEquals(List.of(List.of("producer"), List.of("producer", "consumer")),
                MeshPlanner.waves(List.of("producer", "producer", "consumer"), settings));
    }

    /**
     * More domains than processors: the first and last waves plan several stacks at once. The plan
     * must be the one a run after another gives, stack for stack and in the same order.
     */
    @Test
    void planningInWavesGivesThePlanOfOneRunAfterAnother(@TempDir Path dir) throws Exception {
        MeshGenerator.write(new MeshShape(4, 2, 4, 3, 7), dir);
        MeshPlan inWaves = MeshPlanner.plan(dir, AccountState.TYPICAL);

        Map<String, Map<String, Object>> deployed = new HashMap<>();
        Map<String, StackPlan> oneAfterAnother = new LinkedHashMap<>();
        for (String stack : inWaves.deployOrder()) {
            StackSettings settings = inWaves.settings().get(stack);
            StackPlan plan = MeshPlanner.run(stack, settings, dir, AccountState.TYPICAL, deployed);
            deployed.put(settings.identity().qualify(stack), plan.outputs());
            oneAfterAnother.remove(stack);
            oneAfterAnother.put(stack, plan);
        }
        List<StackPlan> expected = new ArrayList<>();
        inWaves.deployOrder().stream().distinct().forEach(s -> expected.add(oneAfterAnother.get(s)));

        assertEquals(inWaves.deployOrder(), inWaves.runs().stream().map(StackRun::stack).toList());
        assertEquals(AccountQuotas.annotate(expected, inWaves.settings()), inWaves.stacks());
    }
}
