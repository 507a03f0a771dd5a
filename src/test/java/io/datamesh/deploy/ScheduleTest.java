package io.datamesh.deploy;

import com.pulumi.automation.OperationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScheduleTest {
    /** The planner's deploy order of the sample mesh. */
    private static final List<String> ORDER = List.of("producer", "consumer", "central", "producer", "consumer");

    static Stream<Arguments> schedules() {
        return Stream.of(
                Arguments.of(Operation.UP, Set.of(), List.of("[1/5] up producer", "[2/5] up consumer", "[3/5] up central",
                        "[4/5] up producer (second run)", "[5/5] up consumer (second run)")),
                Arguments.of(Operation.UP, Set.of("producer"), List.of("[1/2] up producer", "[2/2] up producer (second run)")),
                Arguments.of(Operation.UP, Set.of("central"), List.of("[1/1] up central")),
                Arguments.of(Operation.PREVIEW, Set.of(), List.of("[1/3] preview producer", "[2/3] preview consumer",
                        "[3/3] preview central")),
                // A stack goes before every stack it read on its last run: the consumer read central and the producer.
                Arguments.of(Operation.DESTROY, Set.of(), List.of("[1/3] destroy consumer", "[2/3] destroy producer",
                        "[3/3] destroy central")),
                Arguments.of(Operation.DESTROY, Set.of("producer"), List.of("[1/1] destroy producer")));
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void stepsFollowTheDeployOrderPerOperation(Operation operation, Set<String> selected, List<String> expected) {
        List<Step> steps = Schedule.steps(operation, ORDER, selected);
        assertEquals(expected, steps.stream().map(s -> s.label(steps.size())).toList());
    }

    @Test
    void aDeployOrderWithoutCentralHasNoSecondRuns() {
        assertEquals(List.of(false, false), Schedule.steps(Operation.UP, List.of("producer", "consumer"), Set.of())
                .stream().map(Step::secondRun).toList());
    }

    /** What the sample's stack files reference: central lists both domains, each domain names central. */
    private static final Map<String, Set<String>> READS = Map.of("producer", Set.of("central"), "consumer", Set.of("central"),
            "central", Set.of("producer", "consumer"));

    static Stream<Arguments> waves() {
        return Stream.of(
                Arguments.of(Operation.UP, 1, List.of(List.of(1, 2), List.of(3), List.of(4, 5))),
                // A resumed run keeps the waves of the steps it has left.
                Arguments.of(Operation.UP, 2, List.of(List.of(2), List.of(3), List.of(4, 5))),
                Arguments.of(Operation.UP, 5, List.of(List.of(5))),
                // A preview writes no outputs: nothing waits.
                Arguments.of(Operation.PREVIEW, 1, List.of(List.of(1, 2, 3))),
                // Both domains read central: they go before it, together.
                Arguments.of(Operation.DESTROY, 1, List.of(List.of(1, 2), List.of(3))));
    }

    @ParameterizedTest
    @MethodSource("waves")
    void aWaveHoldsConsecutiveStepsWhoseStacksDoNotReadEachOther(Operation operation, int from, List<List<Integer>> expected) {
        var waves = Schedule.waves(Schedule.from(Schedule.steps(operation, ORDER, Set.of()), from), READS);
        assertEquals(expected, waves.stream().map(w -> w.stream().map(Step::number).toList()).toList());
    }

    @Test
    void stepsRunAtOnceOnlyWhenAWaveHasSeveralAndMoreThanOneMayRun() {
        var all = Schedule.waves(Schedule.steps(Operation.UP, ORDER, Set.of()), READS);
        assertEquals(true, Schedule.runsAtOnce(all, 2));
        assertEquals(false, Schedule.runsAtOnce(all, 1));
        // One stack's two runs: one step a wave, nothing to tell apart, as before waves.
        assertEquals(false, Schedule.runsAtOnce(Schedule.waves(Schedule.steps(Operation.UP, ORDER, Set.of("producer")), READS), 4));
    }

    @Test
    void aStackReadingNothingStillWaitsForItsOwnEarlierRun() {
        var waves = Schedule.waves(Schedule.steps(Operation.UP, List.of("a", "b", "a"), Set.of()), Map.of());
        assertEquals(List.of(List.of("a", "b"), List.of("a")), waves.stream().map(w -> w.stream().map(Step::stack).toList()).toList());
    }

    @Test
    void stacksOutsideTheReadsOfEachOtherShareAWaveWhateverTheirRole() {
        // Ten domains, then central: one wave of ten, central alone, the ten again.
        List<String> domains = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "d" + i).toList();
        List<String> order = new java.util.ArrayList<>(domains);
        order.add("central");
        order.addAll(domains);
        Map<String, Set<String>> reads = new java.util.HashMap<>();
        domains.forEach(d -> reads.put(d, Set.of("central")));
        reads.put("central", Set.copyOf(domains));
        assertEquals(List.of(10, 1, 10), Schedule.waves(Schedule.steps(Operation.UP, order, Set.of()), reads).stream()
                .map(List::size).toList());
    }

    static Stream<Arguments> resumes() {
        return Stream.of(
                Arguments.of(1, List.of("producer", "consumer", "central", "producer", "consumer")),
                Arguments.of(4, List.of("producer", "consumer")),
                Arguments.of(5, List.of("consumer")));
    }

    @ParameterizedTest
    @MethodSource("resumes")
    void fromStartsAtTheNumberedStep(int from, List<String> expected) {
        var steps = Schedule.from(Schedule.steps(Operation.UP, ORDER, Set.of()), from);
        assertEquals(expected, steps.stream().map(Step::stack).toList());
        assertEquals(from, steps.get(0).number());
    }

    @ParameterizedTest
    @MethodSource("outOfRange")
    void fromOutsideTheRunIsRefused(int from) {
        var steps = Schedule.steps(Operation.UP, ORDER, Set.of());
        var e = assertThrows(IllegalArgumentException.class, () -> Schedule.from(steps, from));
        assertEquals("--from " + from + ": the run has steps 1 to 5", e.getMessage());
    }

    static Stream<Integer> outOfRange() {
        return Stream.of(0, 6, -1);
    }

    static Stream<Arguments> previews() {
        return Stream.of(
                Arguments.of(Map.of(), false),
                Arguments.of(Map.of(OperationType.SAME, 31), false),
                Arguments.of(Map.of(OperationType.SAME, 31, OperationType.CREATE, 0), false),
                Arguments.of(Map.of(OperationType.SAME, 31, OperationType.READ, 1), false),
                Arguments.of(Map.of(OperationType.READ_DISCARD, 1, OperationType.READ_REPLACEMENT, 1), false),
                Arguments.of(Map.of(OperationType.SAME, 29, OperationType.CREATE, 2), true),
                Arguments.of(Map.of(OperationType.UPDATE, 1), true),
                Arguments.of(Map.of(OperationType.DELETE, 1), true),
                Arguments.of(Map.of(OperationType.REPLACE, 1), true));
    }

    @ParameterizedTest
    @MethodSource("previews")
    void aSecondRunRunsOnlyWhenItsPreviewPlansAChange(Map<OperationType, Integer> changes, boolean runs) {
        assertEquals(runs, Schedule.hasChanges(changes));
    }

    static Stream<Arguments> resumeCommands() {
        return Stream.of(
                Arguments.of(List.of(), "./datamesh up --from 2"),
                Arguments.of(List.of("--dir", "meshes/prod"), "./datamesh up --dir meshes/prod --from 2"),
                Arguments.of(List.of("--stack", "consumer", "--stack", "central"), "./datamesh up --stack consumer --stack central --from 2"),
                // Until issue 22 the policy-pack options were dropped: the resumed run enforced other levels.
                Arguments.of(List.of("--policy-pack-config", "aws.json", "--policy-pack-config", "gov.json", "--event-log-dir", "logs"),
                        "./datamesh up --policy-pack-config aws.json --policy-pack-config gov.json --event-log-dir logs --from 2"),
                Arguments.of(List.of("--no-policy-packs"), "./datamesh up --no-policy-packs --from 2"),
                Arguments.of(List.of("--dir", "my mesh's", "--event-log-dir", "$HOME/logs"),
                        "./datamesh up --dir 'my mesh'\\''s' --event-log-dir '$HOME/logs' --from 2"));
    }

    @ParameterizedTest
    @MethodSource("resumeCommands")
    void theResumeCommandRepeatsEveryOptionOfTheRunQuotedFromTheStoppedStep(List<String> options, String expected) {
        assertEquals(expected, Schedule.resumeCommand(new Step(2, Operation.UP, "consumer", false), options));
    }

    @Test
    void countsNameChangesFirstAndOmitZeros() {
        assertEquals("2 created, 1 deleted, 27 same", Schedule.counts(
                Map.of(OperationType.SAME, 27, OperationType.CREATE, 2, OperationType.DELETE, 1, OperationType.UPDATE, 0)));
        assertEquals("no resources", Schedule.counts(Map.of()));
    }
}
