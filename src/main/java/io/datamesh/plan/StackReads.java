package io.datamesh.plan;

import io.datamesh.config.CentralSettings;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.DomainAccount;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.StackSettings;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which stacks of a directory read the outputs of which others, through the stack references their
 * files name: central reads the domains it lists, a domain reads its central. Stacks named outside
 * the directory are left out: nothing here deploys them.
 */
final class StackReads {
    private StackReads() {
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
