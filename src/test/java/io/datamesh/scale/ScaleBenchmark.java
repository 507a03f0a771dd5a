package io.datamesh.scale;

import io.datamesh.cli.DatameshCli;
import io.datamesh.account.LakeFormationLanes;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.LakeFormationWrites;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import io.datamesh.plan.StackRun;
import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Not a test: generates meshes with {@link MeshGenerator}, plans them in-process through
 * {@link MeshPlanner} and prints wall time, peak heap and resource counts. Run it with
 * {@code scripts/benchmark-scale.sh}; the numbers are in docs/benchmarks.md ("Scale").
 */
public final class ScaleBenchmark {
    private static final String PERMISSIONS = "aws:lakeformation/permissions:Permissions";
    private static final long SEED = 42;

    /** One planned mesh: the plan, its wall time, and the heap's peak while planning. */
    record Measurement(MeshShape shape, MeshPlan plan, Duration wall, long peakHeapBytes) {
        Map<String, Long> countsOf(String type) {
            return plan.stacks().stream().collect(Collectors.toMap(StackPlan::stack,
                    s -> s.resources().stream().filter(r -> r.type().equals(type)).count(), (a, b) -> a, TreeMap::new));
        }

        long sumOf(String role, String type) {
            return plan.stacks().stream().filter(s -> s.role().equals(role))
                    .mapToLong(s -> s.resources().stream().filter(r -> type == null || r.type().equals(type)).count()).sum();
        }

        Duration runTime(String role) {
            return plan.runs().stream().filter(r -> plan.settings().get(r.stack()).role().configValue().equals(role))
                    .map(StackRun::elapsed).reduce(Duration.ZERO, Duration::plus);
        }

        StackPlan stack(String name) {
            return plan.stacks().stream().filter(s -> s.stack().equals(name)).findFirst().orElseThrow();
        }
    }

    private static final HeapPeak HEAP_PEAK = new HeapPeak();

    /**
     * The most heap in use at any collection since the last reset. Per-pool peaks happen at
     * different moments, so their sum overstates; the usage before one GC is a real instant.
     */
    private static final class HeapPeak implements NotificationListener {
        private final AtomicLong peak = new AtomicLong();

        HeapPeak() {
            ManagementFactory.getGarbageCollectorMXBeans()
                    .forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(this, null, null));
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                var gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                peak.accumulateAndGet(gc.getMemoryUsageBeforeGc().values().stream().mapToLong(MemoryUsage::getUsed).sum(),
                        Math::max);
            }
        }

        void reset() {
            peak.set(0);
        }

        long peak() {
            return peak.get();
        }
    }

    public static void main(String[] args) throws Exception {
        DatameshCli.quietEngineLogs();
        System.out.printf("JVM %s, %d CPUs, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        measure(new MeshShape(2, 2, 5, 2, SEED), Set.of());

        System.out.println("\n## Permissions vs tables (full plan, every stack)");
        var base = new MeshShape(10, 2, 25, 5, SEED);
        var one = measure(base, Set.of());
        var ten = measure(base.withTables(10 * base.tables()), Set.of());
        System.out.println("| role | stacks | Permissions 1× | Permissions 10× | resources 1× | resources 10× |");
        System.out.println("|---|---|---|---|---|---|");
        for (String role : List.of("central", "producer", "consumer")) {
            System.out.printf("| %s | %d | %d | %d | %d | %d |%n", role,
                    one.plan().stacks().stream().filter(s -> s.role().equals(role)).count(),
                    one.sumOf(role, PERMISSIONS), ten.sumOf(role, PERMISSIONS), one.sumOf(role, null), ten.sumOf(role, null));
        }
        System.out.println("Permissions identical in every stack at 1× and 10× tables: "
                + one.countsOf(PERMISSIONS).equals(ten.countsOf(PERMISSIONS)));
        System.out.printf("wall time 1×: %s, 10×: %s, ratio %.2f; central run 1×: %s, 10×: %s, ratio %.2f%n",
                ms(one.wall()), ms(ten.wall()), ratio(ten.wall(), one.wall()),
                ms(one.runTime("central")), ms(ten.runTime("central")),
                ratio(ten.runTime("central"), one.runTime("central")));
        System.out.printf("peak heap 1×: %d MiB, 10×: %d MiB%n", one.peakHeapBytes() >> 20, ten.peakHeapBytes() >> 20);

        System.out.println("\n## Permissions vs consumers (full plan, " + base.tables() + " tables per domain)");
        System.out.println("| consumers | central grants (expressions) | central Permissions | Σ consumer Permissions |");
        System.out.println("|---|---|---|---|");
        for (int consumers : List.of(5, 10, 20)) {
            var m = consumers == base.consumers() ? one : measure(base.withConsumers(consumers), Set.of());
            long expressions = ((io.datamesh.config.CentralSettings) m.plan().settings().get(MeshGenerator.CENTRAL_STACK))
                    .grants().size();
            System.out.printf("| %d | %d | %d | %d |%n", consumers, expressions,
                    m.countsOf(PERMISSIONS).get(MeshGenerator.CENTRAL_STACK), m.sumOf("consumer", PERMISSIONS));
        }

        var big = new MeshShape(50, 20, 25, 10, SEED);
        System.out.println("\n## Central plan of " + big + " (central and the producer runs it reads)");
        var central = measure(big, Set.of(MeshGenerator.CENTRAL_STACK));
        System.out.printf("wall %s: central run %s, %d producer runs %s; peak heap %d MiB%n", ms(central.wall()),
                ms(central.runTime("central")), central.plan().runs().size() - 1, ms(central.runTime("producer")),
                central.peakHeapBytes() >> 20);
        printByType(central.stack(MeshGenerator.CENTRAL_STACK));
        printByType(central.stack(MeshGenerator.producerStack("d01")));
        printLakeFormationWrites(central.stack(MeshGenerator.CENTRAL_STACK));

        var quotaShape = new MeshShape(60, 20, 25, 10, SEED);
        System.out.println("\n## Quotas of " + quotaShape + " (central)");
        var quotas = measure(quotaShape, Set.of(MeshGenerator.CENTRAL_STACK)).stack(MeshGenerator.CENTRAL_STACK);
        quotas.errors().forEach(e -> System.out.println("error: " + e));
        quotas.warnings().stream().filter(w -> w.contains("datamesh:quotas") || w.contains("80%"))
                .forEach(w -> System.out.println("warning: " + w));
    }

    /**
     * The first deploy's critical path: the longest chain of Lake Formation writes times the time of
     * one write. AWS documents no latency for these calls; 1 s is the working assumption
     * (override with -Ddatamesh.lfWriteSeconds=…), and the provider's read-back after each grant is in it.
     */
    private static void printLakeFormationWrites(StackPlan stack) {
        double secondsPerWrite = Double.parseDouble(System.getProperty("datamesh.lfWriteSeconds", "1.0"));
        int chain = LakeFormationWrites.longestChain(stack);
        System.out.printf("%nLake Formation writes of %s: %d, longest chain %d, lanes %d (at most %d in flight);"
                        + " critical path at %.1f s a write: %.0f s%n", stack.stack(), LakeFormationWrites.count(stack),
                chain, LakeFormationWrites.lanes(stack), LakeFormationLanes.MAX_LANES, secondsPerWrite, chain * secondsPerWrite);
    }

    private static Measurement measure(MeshShape shape, Set<String> selected) throws Exception {
        Path dir = Files.createTempDirectory("datamesh-scale-");
        try {
            MeshGenerator.write(shape, dir);
            System.gc();
            HEAP_PEAK.reset();
            long start = System.nanoTime();
            MeshPlan plan = MeshPlanner.plan(dir, AccountState.TYPICAL, selected);
            var wall = Duration.ofNanos(System.nanoTime() - start);
            long peak = Math.max(HEAP_PEAK.peak(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            System.gc();
            long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("planned %s: %d runs, %d resources, %s, peak heap %d MiB, live after GC %d MiB%n", shape,
                    plan.runs().size(), plan.stacks().stream().mapToInt(s -> s.resources().size()).sum(), ms(wall),
                    peak >> 20, live >> 20);
            return new Measurement(shape, plan, wall, peak);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void printByType(StackPlan stack) {
        System.out.println("\n" + stack.stack() + " (" + stack.resources().size() + " resources):");
        stack.resources().stream().collect(Collectors.groupingBy(PlannedResource::type, TreeMap::new, Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
    }

    private static String ms(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static double ratio(Duration a, Duration b) {
        return (double) a.toNanos() / b.toNanos();
    }
}
