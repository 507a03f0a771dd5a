package io.datamesh.deploy;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.ConcurrentUpdateException;
import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.PreviewOptions;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.UpdateOptions;
import com.pulumi.automation.WorkspaceStack;
import com.pulumi.automation.events.EngineEvent;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a schedule of stack operations through the Pulumi Automation API, driving the installed
 * {@code pulumi} CLI in the project directory: each stack's own file carries its credentials
 * ({@code aws:profile}, {@code aws:assumeRole}), so nothing is switched between stacks.
 */
public final class MeshDeployer {
    /**
     * @param policyPacks       the packs' analyzers, absolute, passed as {@code --policy-pack}
     * @param policyPackConfigs one {@code --policy-pack-config} file per pack, or none
     * @param eventLogs         a directory to keep each operation's engine event log in, or null
     */
    public record Settings(Path dir, List<String> policyPacks, List<String> policyPackConfigs, Path eventLogs) {
    }

    /**
     * How a run ended.
     *
     * @param failed             the step that failed or was interrupted; empty when every step succeeded
     * @param mandatoryViolation a mandatory policy stopped it
     * @param interruptedBy      the signal (INT, TERM) that stopped the run
     * @param leftLocked         the stack may be locked: the CLI was killed mid-operation, or found it locked
     * @param resourceErrors     the failed step's error diagnostics by resource URN, as the engine reported them
     */
    public record Outcome(Optional<Step> failed, boolean mandatoryViolation, Optional<String> interruptedBy,
                          boolean leftLocked, Map<String, String> resourceErrors) {
        static final Outcome DONE = new Outcome(Optional.empty(), false, Optional.empty(), false, Map.of());

        public Outcome {
            resourceErrors = Map.copyOf(resourceErrors);
        }
    }

    private final Settings settings;
    private final PrintWriter out;
    private final InstalledCli cli;
    private final LocalWorkspace workspace;
    private volatile String interruptedBy;

    /**
     * @param environment the environment to find {@code pulumi} on (PATH) and run it with
     * @throws AutomationException no {@code pulumi} on PATH, or it does not answer its version
     */
    public MeshDeployer(Settings settings, PrintWriter out, Map<String, String> environment) throws AutomationException {
        this.settings = settings;
        this.out = out;
        this.cli = InstalledCli.onPath(environment);
        this.workspace = LocalWorkspace.create(LocalWorkspaceOptions.builder()
                .workDir(settings.dir().toAbsolutePath().normalize()).pulumiCommand(cli).build());
    }

    /**
     * Runs {@code steps} (of a schedule of {@code total}) in order and stops at the first that
     * fails; {@code afterDestroy} is told each destroyed stack (to name what it retained).
     */
    public Outcome run(List<Step> steps, int total, Consumer<String> afterDestroy) {
        try (var signals = new Signals()) {
            return runSteps(steps, total, afterDestroy);
        }
    }

    private Outcome runSteps(List<Step> steps, int total, Consumer<String> afterDestroy) {
        var events = new Events();
        for (Step step : steps) {
            String label = step.label(total);
            if (interruptedBy != null) {
                return new Outcome(Optional.of(step), false, Optional.of(interruptedBy), false, Map.of());
            }
            long start = System.nanoTime();
            WorkspaceStack stack;
            try {
                stack = WorkspaceStack.select(step.stack(), workspace);
            } catch (StackNotFoundException e) {
                // Only up creates a missing stack: there is nothing to preview against or destroy in one.
                if (step.operation() != Operation.UP) {
                    out.println(label + ": no such stack" + (step.operation() == Operation.PREVIEW
                            ? " in the backend (./datamesh up creates it)" : "") + ", skipped");
                    out.flush();
                    continue;
                }
                try {
                    stack = WorkspaceStack.create(step.stack(), workspace);
                } catch (AutomationException created) {
                    return failed(step, label, created, events, true);
                }
                out.println(label + ": stack " + step.stack() + " created in the backend");
                out.flush();
            } catch (AutomationException e) {
                return failed(step, label, e, events, true);
            }
            try {
                Map<OperationType, Integer> changes;
                if (step.operation() == Operation.DESTROY) {
                    out.println(label);
                    out.flush();
                    changes = stack.destroy(options(DestroyOptions.builder(), step, "destroy", events).build())
                            .summary().resourceChanges();
                } else if (step.operation() == Operation.PREVIEW || step.secondRun()) {
                    out.println(step.secondRun() && step.operation() == Operation.UP
                            ? label + ": preview first" : label);
                    out.flush();
                    changes = stack.preview(options(PreviewOptions.builder(), step, "preview", events).build()).changeSummary();
                    if (step.operation() == Operation.UP) {
                        if (!Schedule.hasChanges(changes)) {
                            out.println(label + ": nothing to do (" + Schedule.counts(changes) + "), skipped");
                            continue;
                        }
                        changes = stack.up(options(UpOptions.builder(), step, "up", events).build()).summary().resourceChanges();
                    }
                } else {
                    out.println(label);
                    out.flush();
                    changes = stack.up(options(UpOptions.builder(), step, "up", events).build()).summary().resourceChanges();
                }
                out.printf("%s: %s%s (%d s)%n", label, step.operation() == Operation.PREVIEW ? "plan: " : "",
                        Schedule.counts(changes), (System.nanoTime() - start) / 1_000_000_000L);
                out.flush();
                if (step.operation() == Operation.DESTROY) {
                    afterDestroy.accept(step.stack());
                }
            } catch (AutomationException e) {
                return failed(step, label, e, events, false);
            }
        }
        return Outcome.DONE;
    }

    /** Sets one key of a stack's configuration in its Pulumi.&lt;stack&gt;.yaml ({@code pulumi config set --path}). */
    public void setConfig(String stack, String path, String value) throws AutomationException {
        workspace.setConfig(stack, path, new ConfigValue(value, false), true);
    }

    /**
     * Says why the step failed. The operations stream the CLI's output as it comes; the commands the SDK
     * runs around them (stack select, stack init) do not, so their output is printed here.
     */
    private Outcome failed(Step step, String label, AutomationException e, Events events, boolean unshownOutput) {
        Optional<CommandResult> result = cli.lastFailure();
        if (unshownOutput) {
            result.ifPresent(r -> (r.standardOutput() + r.standardError()).lines().forEach(out::println));
        }
        int signal = result.map(r -> r.code() > 128 && r.code() <= 128 + 64 ? r.code() - 128 : 0).orElse(0);
        if (interruptedBy == null) {
            out.println(label + " FAILED" + (events.mandatory ? " (a mandatory policy is violated)" : "") + ": "
                    + result.map(r -> reason(r, signal)).orElse(String.valueOf(e.getMessage())));
        }
        out.flush();
        return new Outcome(Optional.of(step), events.mandatory, Optional.ofNullable(interruptedBy),
                signal != 0 || e instanceof ConcurrentUpdateException, events.errors);
    }

    /** The CLI's own last error line, or how it ended when it wrote none. */
    private static String reason(CommandResult result, int signal) {
        return (result.standardOutput() + result.standardError()).lines().map(String::strip)
                .filter(l -> l.startsWith("error:")).reduce((a, b) -> b)
                .orElse(signal != 0 ? "the pulumi CLI was killed (signal " + signal + ")"
                        : "the pulumi CLI exited " + result.code() + " without an error line");
    }

    private <B extends UpdateOptions.Builder<B>> B options(B builder, Step step, String command, Events events) {
        if (settings.eventLogs() != null) {
            cli.keepNextEventLog(settings.eventLogs().resolve(step.number() + "-" + command + "-" + step.stack() + ".events.jsonl"));
        }
        // `pulumi destroy` runs no policy packs (it has no --policy-pack flag).
        if (step.operation() != Operation.DESTROY) {
            builder.policyPacks(settings.policyPacks());
            if (!settings.policyPackConfigs().isEmpty()) {
                builder.policyPackConfigs(settings.policyPackConfigs());
            }
        }
        builder.onEvent(events)
                .onStandardOutput(line -> {
                    out.println(line);
                    out.flush();
                })
                .onStandardError(line -> {
                    out.println(line);
                    out.flush();
                });
        return builder;
    }

    /**
     * Engine events of the run: a mandatory policy violation decides the exit code, and the resources' errors
     * let the caller tell why a step failed (the read-back of a central grant, {@link GrantReadBack}).
     */
    private static final class Events implements Consumer<EngineEvent> {
        private boolean mandatory;
        private final Map<String, String> errors = new java.util.LinkedHashMap<>();

        @Override
        public void accept(EngineEvent event) {
            if (event.policyEvent() != null && "mandatory".equals(event.policyEvent().enforcementLevel())) {
                mandatory = true;
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
     * the CLI is asked to cancel (as by ^C), and the run stops when it has, saying how to resume.
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
                        cli.stop(s.getName().equals("INT"));
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
