package io.datamesh.deploy;

import com.pulumi.automation.OperationType;
import io.datamesh.plan.StackReads;
import io.datamesh.util.ShellQuote;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which stack operations a mesh run makes, in which order, and how to resume one that stopped. */
public final class Schedule {
    private Schedule() {
    }

    /**
     * The steps for the planner's deploy order, limited to {@code selected} (all if empty).
     * {@code up} follows the deploy order, a stack's later appearances being second runs;
     * {@code preview} shows each stack once, in first-deploy order; {@code destroy} runs each
     * stack once in reverse deploy order — a stack last deployed late goes first, as it read the others.
     */
    public static List<Step> steps(Operation operation, List<String> deployOrder, Set<String> selected) {
        List<String> order = switch (operation) {
            case UP -> deployOrder;
            case PREVIEW -> List.copyOf(new LinkedHashSet<>(deployOrder));
            case DESTROY -> List.copyOf(new LinkedHashSet<>(reversed(deployOrder)));
        };
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String stack : order) {
            boolean second = !seen.add(stack);
            if (selected.isEmpty() || selected.contains(stack)) {
                steps.add(new Step(steps.size() + 1, operation, stack, second));
            }
        }
        return steps;
    }

    /**
     * The steps cut into waves, in order: a wave runs at once, the next when it has succeeded. A step
     * starts a new wave when its stack is already in the current one, or reads (or is read by) one of
     * its stacks: it would read outputs still being written, or its own would be. A preview writes no
     * outputs, so every preview of a run is one wave.
     *
     * @param reads for each stack, the stacks whose outputs it reads ({@code MeshPlan.reads()})
     */
    public static List<List<Step>> waves(List<Step> steps, Map<String, Set<String>> reads) {
        return StackReads.waves(steps, (step, earlier) -> mustFollow(step, earlier, reads));
    }

    /** Whether steps of these waves run at once with {@code parallel}: then their lines carry their stack, and a table ends the run. */
    public static boolean runsAtOnce(List<List<Step>> waves, int parallel) {
        return parallel > 1 && waves.stream().anyMatch(wave -> wave.size() > 1);
    }

    private static boolean mustFollow(Step step, Step earlier, Map<String, Set<String>> reads) {
        // A preview writes no outputs: previews of different stacks never wait for each other.
        return step.stack().equals(earlier.stack())
                || step.operation() != Operation.PREVIEW && StackReads.dependent(step.stack(), earlier.stack(), reads);
    }

    /** The steps from number {@code from} on (1-based, as printed). */
    public static List<Step> from(List<Step> steps, int from) {
        if (from < 1 || from > steps.size()) {
            throw new IllegalArgumentException("--from " + from + ": the run has steps 1 to " + steps.size());
        }
        return steps.subList(from - 1, steps.size());
    }

    /** Steps that change nothing: a stack reference is read on every run. */
    private static final Set<OperationType> NO_CHANGE = Set.of(OperationType.SAME, OperationType.READ,
            OperationType.READ_DISCARD, OperationType.READ_REPLACEMENT);

    /**
     * A second run is made only when its preview plans a change, by the engine's own rule
     * (pulumi pkg/engine {@code ResourceChanges.HasChanges}, what {@code --expect-no-changes} checks).
     */
    public static boolean hasChanges(Map<OperationType, Integer> changes) {
        return changes.entrySet().stream().anyMatch(e -> !NO_CHANGE.contains(e.getKey()) && e.getValue() > 0);
    }

    /**
     * The command that resumes a run at the step that stopped it: the options of the run as given, each
     * value shell-quoted — a resumed run with fewer (a policy-pack config dropped) would be another run.
     *
     * @param options the run's options and their values as given, {@code --from} left out
     */
    public static String resumeCommand(Step stopped, List<String> options) {
        StringBuilder command = new StringBuilder("./datamesh " + stopped.operation().command());
        options.forEach(o -> command.append(' ').append(ShellQuote.quote(o)));
        return command.append(" --from ").append(stopped.number()).toString();
    }

    /** "3 created, 1 updated, 12 same": the engine's nonzero counts, changes first. */
    public static String counts(Map<OperationType, Integer> changes) {
        List<String> parts = new ArrayList<>();
        Set<OperationType> order = new LinkedHashSet<>(List.of(OperationType.CREATE, OperationType.UPDATE,
                OperationType.REPLACE, OperationType.DELETE));
        order.addAll(List.of(OperationType.values()));
        for (OperationType type : order) {
            int n = changes.getOrDefault(type, 0);
            if (n > 0) {
                parts.add(n + " " + pastTense(type));
            }
        }
        return parts.isEmpty() ? "no resources" : String.join(", ", parts);
    }

    private static String pastTense(OperationType type) {
        return switch (type) {
            case SAME -> "same";
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case REPLACE -> "replaced";
            case READ -> "read";
            default -> type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static List<String> reversed(List<String> order) {
        List<String> copy = new ArrayList<>(order);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
