package io.datamesh.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import io.datamesh.MeshProgram;
import io.datamesh.config.InvalidConfigException;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.SampleData;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackConfigParser;
import io.datamesh.config.StackIdentity;
import io.datamesh.config.StackRole;
import io.datamesh.config.StackSettings;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.ResourceOptions;
import io.datamesh.util.Futures;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Plans every stack of a mesh directory offline: each stack runs through the Pulumi SDK's mock
 * engine in deploy order, and each stack's outputs are fed to the stacks that reference it. Runs that
 * read nothing from each other plan at the same time, one a processor; the plan is the same as one
 * after another, in the same order.
 */
public final class MeshPlanner {
    /**
     * The SDK's mock engine logs every stack error and warning to the console through this logger;
     * the plan reports them itself (a StackPlan's errors and warnings), once, so the console copy only
     * alarms: a test that expects a stack to stop printed SEVERE blocks. Held, as JUL keeps loggers weakly.
     */
    private static final Logger MOCK_ENGINE_LOG = Logger.getLogger("com.pulumi.test.internal.PulumiTestInternal");

    static {
        MOCK_ENGINE_LOG.setUseParentHandlers(false);
    }

    private record TimedRun(StackPlan plan, StackRun run) {
    }

    private MeshPlanner() {
    }

    public static MeshPlan plan(Path dir, AccountState account) throws InvalidMeshException {
        return plan(dir, account, Set.of());
    }

    /**
     * Plans only the {@code selected} stacks (all if empty) and the runs they depend on: the deploy
     * order up to the last run of a selected stack, without the consumers no selected stack is.
     */
    public static MeshPlan plan(Path dir, AccountState account, Set<String> selected) throws InvalidMeshException {
        return plan(validate(dir, selected), account, selected);
    }

    /**
     * Reads and validates every stack file of {@code dir}: every problem at once, each file's own
     * problems first, then those between the files that parsed.
     *
     * @param selected the stacks a plan will be asked for (all if empty): each must have a file
     */
    public static ValidatedMesh validate(Path dir, Set<String> selected) throws InvalidMeshException {
        Map<String, RawStackConfig> configs = new LinkedHashMap<>();
        Map<String, StackSettings> settings = new LinkedHashMap<>();
        Map<String, List<SampleData.Upload>> uploads = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        StackFiles.Project project = StackFiles.read(dir, problems);
        for (RawStackConfig raw : project.stacks().values()) {
            configs.put(raw.stack(), raw);
            try {
                settings.put(raw.stack(), StackConfigParser.parse(raw, dir));
            } catch (InvalidConfigException e) {
                problems.addAll(e.lines());
            }
        }
        settings.forEach((stack, parsed) -> {
            if (parsed instanceof ProducerSettings producer) {
                try {
                    uploads.put(stack, SampleData.resolve(dir, producer, configs.get(stack).source()));
                } catch (InvalidConfigException e) {
                    problems.addAll(e.lines());
                }
            }
        });
        var references = new MeshReferences(project, configs, settings);
        problems.addAll(references.problems());
        if (configs.isEmpty() && problems.isEmpty()) {
            problems.add(dir + ": no Pulumi.<stack>.yaml files");
        }
        List<String> unknown = selected.stream().filter(s -> !configs.containsKey(s)).sorted().toList();
        if (!unknown.isEmpty() && !configs.isEmpty()) {
            problems.add("no stack file for " + unknown + " in " + dir + " (found " + configs.keySet() + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidMeshException(problems);
        }
        return new ValidatedMesh(dir, configs, settings, uploads, references.notes());
    }

    /** Plans a validated mesh: the {@code selected} stacks (all if empty) and the runs they depend on. */
    public static MeshPlan plan(ValidatedMesh mesh, AccountState account, Set<String> selected) {
        Path dir = mesh.dir();
        Map<String, StackSettings> settings = mesh.settings();
        List<String> order = deployOrder(settings);
        Map<String, Map<String, Object>> deployed = new HashMap<>();
        Map<String, StackPlan> converged = new LinkedHashMap<>();
        List<StackRun> runs = new ArrayList<>();
        ExecutorService planners = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            for (List<String> wave : waves(runsFor(order, selected), settings)) {
                // Every run of a wave sees the outputs as they were when the wave started: the same
                // a run one after another sees, since none reads another's.
                Map<String, Map<String, Object>> before = Map.copyOf(deployed);
                List<Future<TimedRun>> planned = new ArrayList<>();
                for (String stack : wave) {
                    planned.add(planners.submit(() -> {
                        long start = System.nanoTime();
                        StackPlan plan = run(stack, settings.get(stack), dir, account, before);
                        return new TimedRun(plan, new StackRun(stack, Duration.ofNanos(System.nanoTime() - start)));
                    }));
                }
                for (Future<TimedRun> run : planned) {
                    TimedRun done = Futures.result(run);
                    String stack = done.run().stack();
                    runs.add(done.run());
                    deployed.put(settings.get(stack).identity().qualify(stack), done.plan().outputs());
                    converged.remove(stack);
                    converged.put(stack, done.plan());
                }
            }
        } finally {
            planners.shutdownNow();
        }
        // Report in first-deploy order, each stack once, with the plan of its last run.
        List<StackPlan> stacks = new ArrayList<>();
        order.stream().distinct().filter(converged::containsKey).forEach(s -> stacks.add(converged.get(s)));
        return new MeshPlan(AccountQuotas.annotate(stacks, settings), order, runs, mesh.configs(), settings, mesh.notes());
    }

    /** Every run up to the last one of a selected stack: each may read the outputs of any before it. */
    private static List<String> runsFor(List<String> order, Set<String> selected) {
        if (selected.isEmpty()) {
            return order;
        }
        int last = IntStream.range(0, order.size()).filter(i -> selected.contains(order.get(i))).max().orElse(-1);
        return order.subList(0, last + 1);
    }

    /**
     * The runs cut into waves that may plan at the same time: no run of a wave reads another's
     * outputs ({@link StackReads}), and a stack never runs twice in one.
     */
    static List<List<String>> waves(List<String> runs, Map<String, StackSettings> settings) {
        Map<String, Set<String>> reads = StackReads.of(settings);
        return StackReads.waves(runs, (run, earlier) -> StackReads.dependent(run, earlier, reads));
    }

    /**
     * Domains first (their data and query roles), central (catalog and the grants to those roles),
     * then the domains again, once central shares with them (their resource links).
     */
    static List<String> deployOrder(Map<String, StackSettings> settings) {
        List<String> domains = new ArrayList<>(byRole(settings, StackRole.PRODUCER));
        domains.addAll(byRole(settings, StackRole.CONSUMER));
        List<String> centrals = byRole(settings, StackRole.CENTRAL);
        List<String> order = new ArrayList<>(domains);
        order.addAll(centrals);
        if (!centrals.isEmpty()) {
            order.addAll(domains);
        }
        return order;
    }

    private static List<String> byRole(Map<String, StackSettings> settings, StackRole role) {
        return settings.entrySet().stream().filter(e -> e.getValue().role() == role).map(Map.Entry::getKey).toList();
    }

    static StackPlan run(String stack, StackSettings settings, Path dir, AccountState account,
                         Map<String, Map<String, Object>> deployed) {
        return run(stack, settings.identity(), settings.role().configValue(), account, deployed,
                ctx -> MeshProgram.define(ctx, settings, dir));
    }

    /**
     * Any program as the offline plan runs a stack's: the mesh's stacks, and single components in
     * their tests.
     *
     * @param program defines the resources and answers its warnings
     */
    public static StackPlan run(String stack, StackIdentity identity, String role, AccountState account,
                                Map<String, Map<String, Object>> deployed, Function<Context, List<String>> program) {
        var recorder = new StackRecorder(stack, identity.project());
        var mocks = new PlanMocks(identity.accountId(), identity.region(), account, deployed);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try {
            var result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder()
                            .organizationName(identity.org()).projectName(identity.project()).stackName(stack)
                            .preview(false).resourceTransformations(List.of(recorder)).build())
                    .runTest(ctx -> warnings.addAll(program.apply(ctx)));
            List<String> errors = result.exceptions().stream().map(MeshPlanner::userMessage).distinct().toList();
            Map<String, Object> outputs = new LinkedHashMap<>();
            if (errors.isEmpty()) {
                result.outputs().forEach((name, output) -> outputs.put(name, plain(output)));
            }
            List<PlannedResource> resources = new ArrayList<>();
            List<String> retained = new ArrayList<>();
            Map<String, List<String>> dependsOn = new LinkedHashMap<>();
            for (var r : recorder.registrations()) {
                List<String> dependencies = r.dependsOn().stream().map(recorder::urnOf).flatMap(Optional::stream).toList();
                if (!dependencies.isEmpty()) {
                    dependsOn.put(r.urn(), dependencies);
                }
                resources.add(new PlannedResource(r.urn(), r.type(), r.name(), r.parentUrn(),
                        PlanValues.normalize(mocks.inputs(r.type(), r.name())),
                        new ResourceOptions(dependencies, r.deleteBeforeReplace(), r.retainOnDelete(), r.protect(),
                                r.aliases())));
                if (r.retainOnDelete()) {
                    retained.add(r.urn());
                }
            }
            return new StackPlan(stack, role, resources, outputs, warnings, errors, retained,
                    dependsOn);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static Object plain(Output<?> output) {
        return PlanValues.normalizeValue(PulumiTest.extractValue(output));
    }

    /** The message a user needs: a RunException's text, else the innermost cause's. */
    static String userMessage(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof RunException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }
}
