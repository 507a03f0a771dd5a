package io.datamesh.plan;

import io.datamesh.config.CentralSettings;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.DomainAccount;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.StackSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Which stacks of a directory read the outputs of which others, through the stack references their
 * files name: central reads the domains it lists, a domain reads its central. Stacks named outside
 * the directory are left out: nothing here deploys them.
 */
public final class StackReads {
    private StackReads() {
    }

    /**
     * {@code runs} in order, cut into waves that may run at the same time: a run starts a new wave
     * when {@code mustFollow} it one already in the current wave. The plan and {@code up} cut the same
     * way, so the waves the plan prints are the ones that run.
     */
    public static <T> List<List<T>> waves(List<T> runs, BiPredicate<T, T> mustFollow) {
        List<List<T>> waves = new ArrayList<>();
        List<T> wave = new ArrayList<>();
        for (T run : runs) {
            if (wave.stream().anyMatch(earlier -> mustFollow.test(run, earlier))) {
                waves.add(List.copyOf(wave));
                wave = new ArrayList<>();
            }
            wave.add(run);
        }
        if (!wave.isEmpty()) {
            waves.add(List.copyOf(wave));
        }
        return waves;
    }

    /** Whether two runs of these stacks must not overlap: the same stack, or one reads the other's outputs. */
    public static boolean dependent(String stack, String other, Map<String, Set<String>> reads) {
        return stack.equals(other) || reads.getOrDefault(stack, Set.of()).contains(other)
                || reads.getOrDefault(other, Set.of()).contains(stack);
    }

    static Map<String, Set<String>> of(Map<String, StackSettings> settings) {
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        settings.forEach((stack, s) -> {
            Set<String> read = new LinkedHashSet<>();
            named(s).map(s.identity()::qualify).map(q -> local(q, settings)).flatMap(Optional::stream).forEach(read::add);
            reads.put(stack, Set.copyOf(read));
        });
        return reads;
    }

    private static Stream<String> named(StackSettings s) {
        if (s instanceof CentralSettings central) {
            return Stream.concat(central.producers().stream(), central.consumers().stream()).map(DomainAccount::stack);
        }
        return Stream.of((s instanceof ProducerSettings p ? p.access() : ((ConsumerSettings) s).access()).centralStack());
    }

    private static Optional<String> local(String qualified, Map<String, StackSettings> settings) {
        return settings.entrySet().stream().filter(e -> e.getValue().identity().qualify(e.getKey()).equals(qualified))
                .map(Map.Entry::getKey).findFirst();
    }
}
