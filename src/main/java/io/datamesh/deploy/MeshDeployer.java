package io.datamesh.deploy;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalPulumiCommand;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.PreviewOptions;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.UpdateOptions;
import com.pulumi.automation.WorkspaceStack;
import com.pulumi.automation.events.EngineEvent;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    /** How a run ended: the failed step (empty when every step succeeded) and whether a mandatory policy stopped it. */
    public record Outcome(Optional<Step> failed, boolean mandatoryViolation) {
    }

    private final Settings settings;
    private final PrintWriter out;
    private final InstalledCli cli;
    private final LocalWorkspace workspace;

    public MeshDeployer(Settings settings, PrintWriter out) throws AutomationException {
        this.settings = settings;
        this.out = out;
        this.cli = new InstalledCli(LocalPulumiCommand.create());
        this.workspace = LocalWorkspace.create(LocalWorkspaceOptions.builder()
                .workDir(settings.dir().toAbsolutePath().normalize()).pulumiCommand(cli).build());
    }

    /**
     * Runs {@code steps} (of a schedule of {@code total}) in order and stops at the first that
     * fails; {@code afterDestroy} is told each destroyed stack (to name what it retained).
     */
    public Outcome run(List<Step> steps, int total, Consumer<String> afterDestroy) {
        var events = new Events();
        for (Step step : steps) {
            String label = step.label(total);
            long start = System.nanoTime();
            try {
                // Only up creates a missing stack: there is nothing to preview against or destroy in one.
                var stack = step.operation() == Operation.UP ? WorkspaceStack.createOrSelect(step.stack(), workspace)
                        : WorkspaceStack.select(step.stack(), workspace);
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
                out.println(label + " FAILED" + (events.mandatory ? " (a mandatory policy is violated)" : "")
                        + ": " + reason(e));
                out.flush();
                return new Outcome(Optional.of(step), events.mandatory);
            }
        }
        return new Outcome(Optional.empty(), false);
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

    /** The CLI's own last error line: its full output was already streamed above. */
    private static String reason(AutomationException e) {
        if (e instanceof CommandException) {
            String message = String.valueOf(e.getMessage());
            return message.lines().map(String::strip).filter(l -> l.startsWith("error:")).reduce((a, b) -> b)
                    .orElse("the pulumi CLI exited non-zero (its output is above)");
        }
        return String.valueOf(e.getMessage());
    }

    /** Engine events of the run: a mandatory policy violation decides the exit code. */
    private static final class Events implements Consumer<EngineEvent> {
        private boolean mandatory;

        @Override
        public void accept(EngineEvent event) {
            if (event.policyEvent() != null && "mandatory".equals(event.policyEvent().enforcementLevel())) {
                mandatory = true;
            }
        }
    }
}
