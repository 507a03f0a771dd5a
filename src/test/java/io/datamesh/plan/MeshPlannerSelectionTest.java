package io.datamesh.plan;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeshPlannerSelectionTest {
    private static final Path SAMPLE = Path.of(".");

    private static List<String> runs(MeshPlan plan) {
        return plan.runs().stream().map(StackRun::stack).toList();
    }

    @Test
    void centralNeedsTheDomainsBeforeIt() throws InvalidMeshException {
        var plan = MeshPlanner.plan(SAMPLE, AccountState.TYPICAL, Set.of("central"));
        assertEquals(List.of("producer", "consumer", "central"), runs(plan));
        assertEquals(List.of("producer", "consumer", "central", "producer", "consumer"), plan.deployOrder());
    }

    @Test
    void aProducerRunsAgainAfterCentralWithoutTheConsumersSecondRun() throws InvalidMeshException {
        var plan = MeshPlanner.plan(SAMPLE, AccountState.TYPICAL, Set.of("producer"));
        assertEquals(List.of("producer", "consumer", "central", "producer"), runs(plan));
    }

    @Test
    void unknownStackIsAConfigurationProblem() {
        var e = assertThrows(InvalidMeshException.class,
                () -> MeshPlanner.plan(SAMPLE, AccountState.TYPICAL, Set.of("nope")));
        assertTrue(e.problems().get(0).startsWith("no stack file for [nope]"), e.getMessage());
    }
}
