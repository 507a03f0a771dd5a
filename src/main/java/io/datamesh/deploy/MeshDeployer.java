package io.datamesh.deploy;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.ConcurrentUpdateException;
import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.PreviewOptions;
import com.pulumi.automation.RefreshOptions;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.UpdateOptions;
import com.pulumi.automation.WorkspaceStack;
import com.pulumi.automation.events.EngineEvent;
import io.datamesh.util.Futures;
import io.datamesh.util.ShellQuote;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a schedule of stack operations through the Pulumi Automation API, driving the installed
 * {@code pulumi} CLI in the project directory: each stack's own file carries its credentials
 * ({@code aws:profile}, {@code aws:assumeRole}), so nothing is switched between stacks.
 *
 * <p>The steps come in waves (stacks that do not read each other's outputs, {@link Schedule#waves}); up to
 * {@link Settings#parallel()} steps of a wave run at once, each with a CLI of its own, and the next wave
 * starts when the whole wave succeeded. With one at a time the run is the plain sequence it always was.
 */
public final class MeshDeployer {
    /**
     * @param policyPacks       the packs' analyzers, absolute, passed as {@code --policy-pack}
     * @param policyPackConfigs one {@code --policy-pack-config} file per pack, or none
     * @param eventLogs         a directory to keep each operation's engine event log in, or null
     * @param parallel          how many steps of a wave may run at once (at least 1)
     * @param stacks            what settling an interrupted run's pending operations needs to know of each stack
     */
    public record Settings(Path dir, List<String> policyPacks, List<String> policyPackConfigs, Path eventLogs, int parallel,
                           Map<String, InterruptedRun.StackFacts> stacks) {
        public Settings {
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
            }
            stacks = Map.copyOf(stacks);
        }
    }

    /** How a step ended; a finished one is not run again by a resumed run's first wave. */
    public enum Result {
        DONE("done", true), SKIPPED("skipped", true), FAILED("FAILED", false), INTERRUPTED("interrupted", false),
        NOT_STARTED("not started", false);

        private final String text;
        private final boolean finished;

        Result(String text, boolean finished) {
            this.text = text;
            this.finished = finished;
        }

        public String text() {
            return text;
        }

        public boolean finished() {
            return finished;
        }
    }

    /**
     * @param counts             the engine's counts ("3 created, 12 same"), empty when it did not get that far
     * @param seconds            wall time of the step
     * @param mandatoryViolation a mandatory policy stopped it
     * @param leftLocked         the stack may be locked: the CLI was killed mid-operation, or found it locked
     */
    public record StepResult(Step step, Result result, String counts, long seconds, boolean mandatoryViolation,
                             boolean leftLocked) {
        static StepResult notStarted(Step step) {
            return new StepResult(step, Result.NOT_STARTED, "", 0, false, false);
        }
    }

    /**
     * How a run ended.
     *
     * @param results       every step given to the run, in order, with how it ended
     * @param interruptedBy  the signal (INT, TERM) that stopped the run
     * @param resourceErrors the stopped steps' error diagnostics by resource URN, as the engine reported them
     */
    public record Outcome(List<StepResult> results, Optional<String> interruptedBy, Map<String, String> resourceErrors) {
        public Outcome {
            results = List.copyOf(results);
            resourceErrors = Map.copyOf(resourceErrors);
        }

        /** The first step that did not finish: where a resumed run starts; empty when every step finished. */
        public Optional<Step> resumeAt() {
            return results.stream().filter(r -> !r.result().finished()).map(StepResult::step).findFirst();
        }

        /** The steps that failed or were interrupted while they ran. */
        public List<StepResult> stopped() {
            return results.stream().filter(r -> r.result() == Result.FAILED || r.result() == Result.INTERRUPTED).toList();
        }

        public boolean mandatoryViolation() {
            return results.stream().anyMatch(StepResult::mandatoryViolation);
        }
    }

    /** Most steps at once by default: beyond it the lines of the steps running at once stop being readable. */
    static final int DEFAULT_PARALLEL_CAP = 4;
    /** What one running step may take: the CLI, the language host, the program's JVM, the provider and two analyzers. */
    static final long MEMORY_PER_STEP = 2L << 30;

    /**
     * How many steps run at once unless {@code --parallel} says: one per processor (each step starts
     * four to five JVMs and a Go CLI, CPU-bound for seconds before it waits on AWS), one per
     * {@value #MEMORY_PER_STEP} bytes of memory, at most {@value #DEFAULT_PARALLEL_CAP}; at least 1.
     */
    public static int defaultParallel() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return defaultParallel(Runtime.getRuntime().availableProcessors(), memory);
    }

    static int defaultParallel(int processors, long memoryBytes) {
        return (int) Math.max(1, Math.min(DEFAULT_PARALLEL_CAP, Math.min(processors, memoryBytes / MEMORY_PER_STEP)));
    }

    /** One CLI and the workspace that drives it: a running step has one to itself, so a signal reaches every CLI. */
    private record Lane(InstalledCli cli, LocalWorkspace workspace) {
    }

    private final Settings settings;
    private final PrintWriter out;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Lane> idle = new LinkedBlockingQueue<>();
    // `pulumi stack select` rewrites the project's workspace file: one at a time (the operations name their stack).
    private final Object selecting = new Object();
    private volatile String interruptedBy;
    private volatile boolean failed;
    private final Map<String, String> resourceErrors = new ConcurrentHashMap<>();

    /**
     * @param environment the environment to find {@code pulumi} on (PATH) and run it with
     * @throws AutomationException no {@code pulumi} on PATH, or it does not answer its version
     */
    public MeshDeployer(Settings settings, PrintWriter out, Map<String, String> environment) throws AutomationException {
        this.settings = settings;
        this.out = out;
        idle.add(lane(InstalledCli.onPath(environment)));
    }

    private Lane lane(InstalledCli cli) throws AutomationException {
        var lane = new Lane(cli, LocalWorkspace.create(LocalWorkspaceOptions.builder()
                .workDir(settings.dir().toAbsolutePath().normalize()).pulumiCommand(cli).build()));
        lanes.add(lane);
        // Added before this look: a signal handled since then has either seen the lane or is seen here.
        if (interruptedBy != null) {
            cli.stop(false);
        }
        return lane;
    }

    /** An idle lane, or a new one when every lane is busy (the pool's threads bound how many there are). */
    private Lane takeLane() throws AutomationException {
        Lane lane = idle.poll();
        return lane != null ? lane : lane(lanes.get(0).cli().another());
    }

    /**
     * Runs {@code waves} of steps (of a schedule of {@code total}), each wave's steps up to
     * {@link Settings#parallel()} at once. A failure lets the steps of its wave that are running finish
     * and starts none after it; {@code afterDestroy} names what a destroyed stack left behind, and
     * {@code beforeWave} is told each wave before it starts (what the next wave needs done in between).
     */
    public Outcome run(List<List<Step>> waves, int total, Function<String, Optional<String>> afterDestroy,
                       Consumer<List<Step>> beforeWave) {
        // Lines of steps running at once would interleave: each then carries its stack.
        int width = !Schedule.runsAtOnce(waves, settings.parallel()) ? -1
                : waves.stream().flatMap(List::stream).mapToInt(s -> s.stack().length()).max().orElse(0);
        Map<Step, StepResult> results = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel(), r -> {
            Thread thread = new Thread(r, "datamesh-step");
            thread.setDaemon(true);
            return thread;
        });
        try (var signals = new Signals()) {
            for (List<Step> wave : waves) {
                beforeWave.accept(wave);
                List<Future<?>> running = new ArrayList<>();
                for (Step step : wave) {
                    running.add(pool.submit(() -> {
                        if (stopping()) {
                            return;
                        }
                        StepResult result = runStep(step, total, width, afterDestroy);
                        results.put(step, result);
                        if (!result.result().finished()) {
                            failed = true;
                        }
                    }));
                }
                awaitAll(running);
                if (stopping()) {
                    break;
                }
            }
        } finally {
            pool.shutdown();
        }
        return new Outcome(waves.stream().flatMap(List::stream).map(s -> results.getOrDefault(s, StepResult.notStarted(s)))
                .toList(), Optional.ofNullable(interruptedBy), resourceErrors);
    }

    private boolean stopping() {
        return failed || interruptedBy != null;
    }

    private static void awaitAll(List<Future<?>> running) {
        running.forEach(Futures::result);
    }

    /**
     * Creates every stack of {@code stacks} the backend lacks, before any step runs: a stack's first
     * run reads the others' outputs through stack references, and the engine fails a reference to a
     * stack that does not exist (an existing one without outputs reads as not deployed yet).
     *
     * @return whether every stack now exists; a failure is printed with the CLI's output
     */
    public boolean createMissing(List<String> stacks) {
        Lane lane;
        try {
            lane = takeLane();
        } catch (AutomationException e) {
            out.println("up: cannot run the Pulumi CLI: " + e.getMessage());
            out.flush();
            return false;
        }
        String current = "";
        try {
            for (String name : stacks) {
                current = name;
                try {
                    WorkspaceStack.select(name, lane.workspace());
                } catch (StackNotFoundException e) {
                    WorkspaceStack.create(name, lane.workspace());
                    out.println("up: stack " + name + " created in the backend");
                    out.flush();
                }
            }
            return true;
        } catch (AutomationException e) {
            // The SDK's message repeats the CLI's output: print that output once, then what failed.
            lane.cli().lastFailure().ifPresentOrElse(r -> (r.standardOutput() + r.standardError()).lines().forEach(out::println),
                    () -> out.println(e.getMessage()));
            out.println("up: could not select or create stack " + current + " (the Pulumi CLI's output is above); nothing"
                    + " was deployed. Fix it, then run the same command again.");
            out.flush();
            return false;
        } finally {
            idle.add(lane);
        }
    }

    /** @param width of the stack names that prefix each line, or -1 for no prefix */
    private StepResult runStep(Step step, int total, int width, Function<String, Optional<String>> afterDestroy) {
        String prefix = width < 0 ? "" : String.format("%-" + width + "s | ", step.stack());
        Consumer<String> say = line -> {
            out.println(prefix + line);
            out.flush();
        };
        Lane lane;
        try {
            lane = takeLane();
        } catch (AutomationException e) {
            say.accept(step.label(total) + " FAILED: " + e.getMessage());
            return new StepResult(step, Result.FAILED, "", 0, false, false);
        }
        try {
            return runStep(step, step.label(total), lane, say, afterDestroy);
        } finally {
            idle.add(lane);
        }
    }

    private StepResult runStep(Step step, String label, Lane lane, Consumer<String> say,
                               Function<String, Optional<String>> afterDestroy) {
        long start = System.nanoTime();
        var events = new Events();
        lane.cli().target(step.stack());
        WorkspaceStack stack;
        try {
            synchronized (selecting) {
                stack = WorkspaceStack.select(step.stack(), lane.workspace());
            }
        } catch (StackNotFoundException e) {
            // up made its stacks before the first step (createMissing); there is nothing to preview against or destroy.
            if (step.operation() == Operation.UP) {
                return failed(step, label, lane, say, e, events, true, start);
            }
            say.accept(label + ": no such stack" + (step.operation() == Operation.PREVIEW
                    ? " in the backend (./datamesh up creates it)" : "") + ", skipped");
            return new StepResult(step, Result.SKIPPED, "", seconds(start), false, false);
        } catch (AutomationException e) {
            return failed(step, label, lane, say, e, events, true, start);
        }
        // Settling is said again after a stale lock was removed: each of its lines once in the step.
        Set<String> said = ConcurrentHashMap.newKeySet();
        Consumer<String> prefixed = prefixed(label, say);
        Consumer<String> settling = line -> {
            if (said.add(line)) {
                prefixed.accept(line);
            }
        };
        for (boolean unlocked = false; ; unlocked = true) {
            try {
                return operate(step, label, stack, lane, say, settling, events, afterDestroy, start);
            } catch (ConcurrentUpdateException e) {
                // The lock is checked before anything changes: one the run can prove stale is removed, once.
                if (unlocked || !unlockIfStale(step.stack(), label, lane, say)) {
                    return failed(step, label, lane, say, e, events, true, start);
                }
            } catch (AutomationException e) {
                StepResult result = failed(step, label, lane, say, e, events, false, start);
                settleCutOff(step, label, stack, lane, say, events);
                return result;
            }
        }
    }

    private StepResult operate(Step step, String label, WorkspaceStack stack, Lane lane, Consumer<String> say,
                               Consumer<String> settling, Events events, Function<String, Optional<String>> afterDestroy,
                               long start) throws AutomationException {
        if (step.operation() != Operation.PREVIEW
                && !InterruptedRun.settle(step.stack(), step.operation(), facts(step.stack()), new StackCli(stack, lane, say),
                settling)) {
            say.accept(label + " FAILED: operations of an interrupted run need a person (above)");
            return new StepResult(step, Result.FAILED, "", seconds(start), false, false);
        }
        Map<OperationType, Integer> changes;
        if (step.operation() == Operation.DESTROY) {
            say.accept(label);
            changes = stack.destroy(options(DestroyOptions.builder(), step, "destroy", lane, say, events).build())
                    .summary().resourceChanges();
        } else if (step.operation() == Operation.PREVIEW || step.secondRun()) {
            say.accept(step.secondRun() && step.operation() == Operation.UP ? label + ": preview first" : label);
            changes = stack.preview(options(PreviewOptions.builder(), step, "preview", lane, say, events).build())
                    .changeSummary();
            if (step.operation() == Operation.UP) {
                if (!Schedule.hasChanges(changes)) {
                    say.accept(label + ": nothing to do (" + Schedule.counts(changes) + "), skipped");
                    return new StepResult(step, Result.SKIPPED, Schedule.counts(changes), seconds(start), false, false);
                }
                changes = stack.up(options(UpOptions.builder(), step, "up", lane, say, events).build()).summary()
                        .resourceChanges();
            }
        } else {
            say.accept(label);
            changes = stack.up(options(UpOptions.builder(), step, "up", lane, say, events).build()).summary().resourceChanges();
        }
        say.accept(String.format("%s: %s%s (%d s)", label, step.operation() == Operation.PREVIEW ? "plan: " : "",
                Schedule.counts(changes), seconds(start)));
        if (step.operation() == Operation.DESTROY) {
            afterDestroy.apply(step.stack()).ifPresent(say);
        }
        return new StepResult(step, Result.DONE, Schedule.counts(changes), seconds(start), false, false);
    }

    private static Consumer<String> prefixed(String label, Consumer<String> say) {
        return line -> say.accept(label + ": " + line);
    }

    private InterruptedRun.StackFacts facts(String stack) {
        return settings.stacks().getOrDefault(stack, new InterruptedRun.StackFacts("", "", Set.of()));
    }

    /**
     * Removes the stack's locks when every one was taken on this machine by a process that is gone
     * ({@link StaleLock}); says which and why. A lock of a live process, or of another machine, stays.
     */
    private boolean unlockIfStale(String stack, String label, Lane lane, Consumer<String> say) {
        var failure = lane.cli().lastFailure();
        List<StaleLock> locks = failure.map(r -> StaleLock.parse(r.standardOutput() + r.standardError())).orElse(List.of());
        String host = StaleLock.thisHost();
        if (locks.isEmpty() || !locks.stream().allMatch(l -> l.stale(host, StaleLock::commandOf))) {
            return false;
        }
        try {
            lane.cli().run(List.of("cancel", "--yes"), CommandRunOptions.builder().workingDir(workDir()).build());
        } catch (AutomationException e) {
            say.accept(label + ": cannot remove the stale lock: " + e.getMessage());
            return false;
        }
        locks.forEach(l -> say.accept(label + ": " + stack + " was left locked by a run that is gone (" + l.describe()
                + "; no such process runs on " + host + "): unlocked with pulumi cancel"));
        return true;
    }

    /** An up whose provider died mid-create: the creates AWS may have made are imported, or named for a person. */
    private void settleCutOff(Step step, String label, WorkspaceStack stack, Lane lane, Consumer<String> say, Events events) {
        List<Checkpoint.Pending> inDoubt = events.inDoubtCreates();
        if (step.operation() != Operation.UP || inDoubt.isEmpty()) {
            return;
        }
        try {
            InterruptedRun.settleCutOff(inDoubt, facts(step.stack()), new StackCli(stack, lane, say),
                    prefixed(label, say));
        } catch (AutomationException e) {
            say.accept(label + ": could not settle the creates the provider may have made (" + e.getMessage()
                    + "): the next up may meet them as already existing; docs/real-engine.md, \"Interrupted runs\"");
        }
    }

    private Path workDir() {
        return settings.dir().toAbsolutePath().normalize();
    }

    /** The commands settling takes, through the step's own CLI. */
    private final class StackCli implements InterruptedRun.Cli {
        private final WorkspaceStack stack;
        private final Lane lane;
        private final Consumer<String> say;

        StackCli(WorkspaceStack stack, Lane lane, Consumer<String> say) {
            this.stack = stack;
            this.lane = lane;
            this.say = say;
        }

        @Override
        public Map<String, Object> export() throws AutomationException {
            return lane.workspace().exportStack(stack.name()).deployment();
        }

        @Override
        public boolean importResource(String importFile, String id, boolean protect) throws AutomationException {
            Path file;
            try {
                file = Files.createTempFile("datamesh-import-", ".json");
                Files.writeString(file, importFile);
            } catch (java.io.IOException e) {
                throw new AutomationException("cannot write an import file: " + e.getMessage(), e);
            }
            try {
                // Its output lists every resource of the stack: shown only when it fails.
                lane.cli().run(List.of("import", "--file", file.toString(), "--yes", "--skip-preview", "--generate-code=false",
                        "--protect=" + protect, "--stack", stack.name()), CommandRunOptions.builder().workingDir(workDir()).build());
                return true;
            } catch (AutomationException e) {
                // The engine's words when the provider's read found nothing (step.go, ImportStep.Apply).
                if (lane.cli().lastFailure().map(r -> r.standardOutput() + r.standardError())
                        .filter(out -> out.contains("resource '" + id + "' does not exist")).isPresent()) {
                    return false;
                }
                throw shown(e);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    // a temporary file left behind harms nothing
                }
            }
        }

        @Override
        public void refreshClearingPendingCreates() throws AutomationException {
            try {
                stack.refresh(RefreshOptions.builder().clearPendingCreates(true).build());
            } catch (AutomationException e) {
                throw shown(e);
            }
        }

        /** The CLI's output of a failed command run quietly, printed; a lock's refusal is left to the caller. */
        private AutomationException shown(AutomationException e) {
            if (!(e instanceof ConcurrentUpdateException)) {
                lane.cli().lastFailure().ifPresent(r -> (r.standardOutput() + r.standardError()).lines().forEach(say));
            }
            return e;
        }

        @Override
        public String command(String command) {
            return "pulumi -C " + ShellQuote.quote(settings.dir().toString()) + " " + command + " --stack "
                    + ShellQuote.quote(stack.name());
        }
    }

    private static long seconds(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    /** Sets one key of a stack's configuration in its Pulumi.&lt;stack&gt;.yaml ({@code pulumi config set --path}). */
    public void setConfig(String stack, String path, String value) throws AutomationException {
        Lane lane = takeLane();
        try {
            lane.workspace().setConfig(stack, path, new ConfigValue(value, false), true);
        } finally {
            idle.add(lane);
        }
    }

    /**
     * Says why the step failed. The operations stream the CLI's output as it comes; the commands the SDK
     * runs around them (stack select, stack init) do not, so their output is printed here.
     */
    private StepResult failed(Step step, String label, Lane lane, Consumer<String> say, AutomationException e, Events events,
                              boolean unshownOutput, long start) {
        Optional<CommandResult> result = lane.cli().lastFailure();
        if (unshownOutput) {
            result.ifPresent(r -> (r.standardOutput() + r.standardError()).lines().forEach(say));
        }
        int signal = result.map(r -> r.code() > 128 && r.code() <= 128 + 64 ? r.code() - 128 : 0).orElse(0);
        boolean interrupted = interruptedBy != null;
        if (!interrupted) {
            say.accept(label + " FAILED" + (events.mandatory ? " (a mandatory policy is violated)" : "") + ": "
                    + result.map(r -> reason(r, signal)).orElse(String.valueOf(e.getMessage())));
        }
        resourceErrors.putAll(events.errors);
        return new StepResult(step, interrupted ? Result.INTERRUPTED : Result.FAILED, "", seconds(start), events.mandatory,
                signal != 0 || e instanceof ConcurrentUpdateException);
    }

    /** The CLI's own last error line, or how it ended when it wrote none. */
    private static String reason(CommandResult result, int signal) {
        return (result.standardOutput() + result.standardError()).lines().map(String::strip)
                .filter(l -> l.startsWith("error:")).reduce((a, b) -> b)
                .orElse(signal != 0 ? "the pulumi CLI was killed (signal " + signal + ")"
                        : "the pulumi CLI exited " + result.code() + " without an error line");
    }

    private <B extends UpdateOptions.Builder<B>> B options(B builder, Step step, String command, Lane lane, Consumer<String> say,
                                                           Events events) {
        if (settings.eventLogs() != null) {
            lane.cli().keepNextEventLog(settings.eventLogs().resolve(step.number() + "-" + command + "-" + step.stack() + ".events.jsonl"));
        }
        // `pulumi destroy` runs no policy packs (it has no --policy-pack flag).
        if (step.operation() != Operation.DESTROY) {
            builder.policyPacks(settings.policyPacks());
            if (!settings.policyPackConfigs().isEmpty()) {
                builder.policyPackConfigs(settings.policyPackConfigs());
            }
        }
        return builder.onEvent(events).onStandardOutput(say).onStandardError(say);
    }

    /**
     * Engine events of a step: a mandatory policy violation decides the exit code, and the resources' errors
     * let the caller tell why a step failed (the read-back of a central grant, {@link GrantReadBack}).
     */
    private static final class Events implements Consumer<EngineEvent> {
        private volatile boolean mandatory;
        private final Map<String, String> errors = new java.util.LinkedHashMap<>();
        private final Map<String, Checkpoint.Pending> failedCreates = new java.util.LinkedHashMap<>();

        /** The failed creates whose error says the provider went away mid-call: AWS may have made them. */
        synchronized List<Checkpoint.Pending> inDoubtCreates() {
            return failedCreates.values().stream().filter(c -> errors.containsKey(c.urn())
                    && InterruptedRun.PROVIDER_GONE.matcher(errors.get(c.urn())).find()).toList();
        }

        @Override
        public synchronized void accept(EngineEvent event) {
            if (event.policyEvent() != null && "mandatory".equals(event.policyEvent().enforcementLevel())) {
                mandatory = true;
            }
            var failedOperation = event.resourceOperationFailedEvent();
            if (failedOperation != null && failedOperation.metadata().op() == OperationType.CREATE
                    && failedOperation.metadata().new_() != null) {
                var created = failedOperation.metadata().new_();
                failedCreates.put(failedOperation.metadata().urn(), new Checkpoint.Pending("creating",
                        failedOperation.metadata().urn(), failedOperation.metadata().type(),
                        created.inputs() == null ? Map.of() : created.inputs(), created.parent() == null ? "" : created.parent(),
                        created.provider() == null ? "" : created.provider()));
            }
            var diagnostic = event.diagnosticEvent();
            if (diagnostic != null && "error".equals(diagnostic.severity()) && diagnostic.urn() != null
                    && !diagnostic.urn().isEmpty()) {
                errors.merge(diagnostic.urn(), diagnostic.message(), (a, b) -> a + b);
            }
        }
    }

    /**
     * While a run lasts, SIGINT and SIGTERM stop it through the CLI instead of ending the JVM under it:
     * every running CLI is asked to cancel (as by ^C), and the run stops when they have, saying how to resume.
     */
    private final class Signals implements AutoCloseable {
        private final Map<Signal, SignalHandler> previous = new HashMap<>();

        Signals() {
            for (String name : List.of("INT", "TERM")) {
                var signal = new Signal(name);
                try {
                    previous.put(signal, Signal.handle(signal, s -> {
                        if (interruptedBy == null) {
                            interruptedBy = s.getName();
                        }
                        lanes.forEach(lane -> lane.cli().stop(s.getName().equals("INT")));
                    }));
                } catch (IllegalArgumentException e) {
                    // the JVM keeps this signal (-Xrs): it ends the run as it always did
                }
            }
        }

        @Override
        public void close() {
            previous.forEach(Signal::handle);
        }
    }
}
