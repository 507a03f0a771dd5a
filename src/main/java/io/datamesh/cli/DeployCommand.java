package io.datamesh.cli;

import com.pulumi.automation.AutomationException;
import io.datamesh.config.StackRole;
import io.datamesh.deploy.AwsDeployAccount;
import io.datamesh.deploy.DeployAccount;
import io.datamesh.deploy.GrantReadBack;
import io.datamesh.deploy.IamDefaultsClearing;
import io.datamesh.deploy.InterruptedRun;
import io.datamesh.deploy.MeshDeployer;
import io.datamesh.deploy.ShareInvitations;
import io.datamesh.deploy.Operation;
import io.datamesh.deploy.Schedule;
import io.datamesh.deploy.Step;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.StackPlan;
import io.datamesh.preflight.Preflight;
import io.datamesh.util.ShellQuote;
import io.datamesh.verify.AwsSession;
import io.datamesh.verify.StackCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code up}, {@code preview} and {@code destroy} of every stack of a mesh directory through the
 * installed Pulumi CLI, in the offline planner's deploy order. The stack files are read and checked
 * once, before the CLI runs anything.
 */
abstract class DeployCommand implements Callable<Integer> {
    /** The analyzers of the two packs, relative to the repository root (docs/policy-packs.md, mode A). */
    static final List<String> POLICY_PACKS = List.of("policy-packs/aws-baseline/analyzer",
            "policy-packs/datamesh-governance/analyzer");

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectDirectory project;

    @Option(names = "--stack", description = "Only run these stacks (repeatable); the stacks they read are read through"
            + " stack references, not run.")
    List<String> stacks = new ArrayList<>();

    @Option(names = "--from", paramLabel = "STEP", description = "Start at this step (its number as printed, [STEP/total]):"
            + " what a stopped run prints to resume.")
    Integer from;

    @Option(names = "--no-policy-packs", description = "Run without the two policy packs (they are on by default).")
    boolean noPolicyPacks;

    @Option(names = "--policy-pack-config", paramLabel = "FILE", description = "Passed to the CLI: one per pack, in the"
            + " order aws-baseline, datamesh-governance (give both or none).")
    List<Path> policyPackConfigs = new ArrayList<>();

    @Option(names = "--event-log-dir", paramLabel = "DIR", description = "Keep each operation's engine event log"
            + " (JSON lines) in DIR as <step>-<command>-<stack>.events.jsonl.")
    Path eventLogDir;

    @Option(names = "--parallel", paramLabel = "N", description = "Run up to N steps of a wave at once (a wave: stacks that"
            + " do not read each other's outputs; the next starts when it succeeded). Default: one per processor and per"
            + " 2 GiB of memory, at most 4 (docs/deploy-waves.md). 1: one step after another.")
    Integer parallel;

    @Option(names = "--skip-preflight", description = "Run without the checks of `datamesh preflight` (they run first by"
            + " default; a resumed run checks again).")
    boolean skipPreflight;

    abstract Operation operation();

    /** {@code up --clear-iam-defaults}: the accounts' IAM-only defaults are cleared by the run, not a preflight problem. */
    boolean clearIamDefaults() {
        return false;
    }

    private final Map<String, String> environment;
    private final DeployAccount.Factory accounts;

    DeployCommand() {
        this(System.getenv(), awsAccounts(System.getenv()));
    }

    /** With another environment (PATH, AWS variables) and way to reach the accounts (tests: fakes or a local emulator). */
    DeployCommand(Map<String, String> environment, DeployAccount.Factory accounts) {
        this.environment = Map.copyOf(environment);
        this.accounts = accounts;
    }

    static DeployAccount.Factory awsAccounts(Map<String, String> environment) {
        return (credentials, region, accountId) -> AwsDeployAccount.open(AwsSession.forStack(credentials, region,
                AwsSession.endpoint(environment::get)), accountId);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> packs = noPolicyPacks ? List.of() : policyPacks(err);
        if (!noPolicyPacks && packs.isEmpty()) {
            return ExitCode.INVALID_INPUT.code();
        }
        if (!policyPackConfigs.isEmpty() && policyPackConfigs.size() != packs.size()) {
            err.println("--policy-pack-config: give one per policy pack (" + packs.size() + "), got " + policyPackConfigs.size()
                    + (noPolicyPacks ? " with --no-policy-packs" : ""));
            err.flush();
            return ExitCode.INVALID_INPUT.code();
        }
        var loaded = MeshDirectory.plan(project.dir, err, Set.copyOf(stacks), AccountState.TYPICAL);
        if (loaded.isEmpty()) {
            return ExitCode.INVALID_INPUT.code();
        }
        MeshPlan plan = loaded.get();
        List<Step> all = Schedule.steps(operation(), plan.deployOrder(), Set.copyOf(stacks));
        List<Step> steps;
        try {
            steps = from == null ? all : Schedule.from(all, from);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT.code();
        }
        if (parallel != null && parallel < 1) {
            err.println("--parallel " + parallel + ": give at least 1");
            err.flush();
            return ExitCode.INVALID_INPUT.code();
        }
        int atOnce = parallel != null ? parallel : MeshDeployer.defaultParallel();
        List<List<Step>> waves = Schedule.waves(steps, plan.reads());
        boolean concurrent = Schedule.runsAtOnce(waves, atOnce);
        if (!skipPreflight) {
            int preflight = PreflightCommand.run(project.dir, plan, Set.copyOf(stacks), environment,
                    PreflightCommand.awsProbes(environment), clearIamDefaults(), out, err);
            if (preflight != ExitCode.OK.code()) {
                return preflight;
            }
        }
        // Only up calls AWS itself (the defaults, the invitations, a grant's read-back); preview and destroy leave it to the CLI.
        Map<String, StackCredentials> credentials;
        try {
            credentials = operation() == Operation.UP ? StackCredentials.readAll(project.dir, Set.copyOf(stacks), environment::get)
                    : Map.of();
        } catch (InvalidMeshException e) {
            MeshDirectory.report(err, e, "nothing was run");
            return ExitCode.INVALID_INPUT.code();
        }
        if (clearIamDefaults() && !IamDefaultsClearing.clear(steps.stream().map(Step::stack).distinct()
                .map(s -> new Preflight.Target(s, plan.settings().get(s), credentials.get(s))).toList(), accounts, out, err)) {
            err.println("clear-iam-defaults: nothing was deployed. Fix the account(s) above, then run ./datamesh up"
                    + " --clear-iam-defaults again.");
            err.flush();
            return ExitCode.PREFLIGHT_FAILED.code();
        }
        out.println(operation().command() + " of " + all.size() + " step(s): "
                + all.stream().map(Step::stack).collect(Collectors.joining(" → "))
                + (steps.size() < all.size() ? " (from step " + from + ")" : "")
                + (operation() == Operation.DESTROY ? "" : packs.isEmpty() ? ", without policy packs" : ", with both policy packs")
                + (concurrent ? "; " + waves.size() + " wave(s), up to " + atOnce + " step(s) at once" : ""));
        out.flush();
        MeshDeployer deployer;
        try {
            deployer = new MeshDeployer(new MeshDeployer.Settings(project.dir,
                    packs, policyPackConfigs.stream().map(p -> p.toAbsolutePath().toString()).toList(), eventLogDir, atOnce,
                    stackFacts(plan)),
                    out, environment);
        } catch (AutomationException e) {
            err.println("datamesh: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT.code();
        }
        if (operation() == Operation.UP && !deployer.createMissing(Stream.concat(steps.stream().map(Step::stack),
                steps.stream().flatMap(s -> plan.reads().getOrDefault(s.stack(), Set.of()).stream())).distinct().toList())) {
            return ExitCode.STACK_FAILED.code();
        }
        // The domains' second runs need central's RAM shares accepted: they are looked for before their wave.
        MeshDeployer.Outcome outcome = deployer.run(waves, all.size(), stack -> retained(plan, stack), wave -> {
            if (wave.stream().anyMatch(Step::secondRun)) {
                ShareInvitations.accept(wave.stream().filter(Step::secondRun)
                        .map(s -> new ShareInvitations.Domain(s.stack(), plan.settings().get(s.stack()), credentials.get(s.stack())))
                        .toList(), centralPlan(plan), project.dir, accounts, deployer::setConfig, out, err);
            }
        });
        if (concurrent) {
            printSummary(out, outcome);
        }
        if (outcome.resumeAt().isPresent()) {
            explainCentralGrants(plan, outcome, credentials, err);
            return stopped(err, outcome, outcome.resumeAt().get(), all.size());
        }
        out.println(operation().command() + ": " + steps.size() + " step(s) done");
        out.flush();
        return 0;
    }

    /** Each step's result, resource counts and seconds: the lines of steps run at once are interleaved above. */
    private static void printSummary(PrintWriter out, MeshDeployer.Outcome outcome) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"step", "stack", "result", "seconds", "resources"});
        for (MeshDeployer.StepResult r : outcome.results()) {
            boolean ran = r.result() != MeshDeployer.Result.NOT_STARTED;
            rows.add(new String[] {Integer.toString(r.step().number()), r.step().stack() + (r.step().secondRun() ? " (second run)" : ""),
                    r.result().text(), ran ? Long.toString(r.seconds()) : "", r.counts()});
        }
        out.println();
        TextTable.print(out, rows);
    }

    /**
     * Says where the run stopped and how to resume it: at {@code resumeAt}, the first step that did not
     * finish (steps of its wave that finished after it run again, as an up of an unchanged stack does nothing).
     */
    private int stopped(PrintWriter err, MeshDeployer.Outcome outcome, Step resumeAt, int total) {
        String resume = Schedule.resumeCommand(resumeAt, givenOptions());
        List<Step> stopped = outcome.stopped().stream().map(MeshDeployer.StepResult::step).toList();
        if (outcome.interruptedBy().isPresent()) {
            String signal = "interrupted (SIG" + outcome.interruptedBy().get() + ")";
            if (stopped.size() > 1) {
                stopped.forEach(step -> err.println(step.label(total) + ": " + signal));
                err.println("They and the steps after them may not have run. Resume with:");
            } else {
                err.println(resumeAt.label(total) + ": " + signal + "; it and the steps after it may not have run. Resume with:");
            }
        } else if (stopped.size() > 1) {
            err.println("stopped at " + stopped.stream().map(s -> s.label(total)).collect(Collectors.joining(", "))
                    + "; the steps after them did not run. After fixing them, resume with:");
        } else {
            err.println("stopped at " + (stopped.isEmpty() ? resumeAt : stopped.get(0)).label(total)
                    + "; the steps after it did not run. After fixing it, resume with:");
        }
        err.println("  " + resume);
        String cli = "pulumi -C " + ShellQuote.quote(project.dir.toString());
        outcome.stopped().stream().filter(MeshDeployer.StepResult::leftLocked).map(r -> r.step().stack()).distinct().forEach(name -> {
            // pulumi cancel deletes a DIY backend's lock files (diy CancelCurrentUpdate) and ends Pulumi Cloud's update.
            err.println("The stack " + name + " is left locked if the CLI was killed mid-operation. The next ./datamesh up"
                    + " removes a lock whose process is gone from this machine, and settles the operations it left"
                    + " pending (docs/deploying.md, \"A run cut off\"). A lock of another machine: once no pulumi runs"
                    + " on the stack there, unlock it with:");
            err.println("  " + cli + " cancel --stack " + ShellQuote.quote(name) + " --yes");
        });
        err.flush();
        if (outcome.interruptedBy().isPresent()) {
            return (outcome.interruptedBy().get().equals("INT") ? ExitCode.INTERRUPTED : ExitCode.TERMINATED).code();
        }
        return outcome.mandatoryViolation() ? ExitCode.MANDATORY_VIOLATION.code() : ExitCode.STACK_FAILED.code();
    }

    /**
     * This run's options as given, in their declared order, {@code --from} left out: what a resumed run
     * repeats. {@code --skip-preflight} is left out too: what stopped the run may have been the account's,
     * which the checks then see again.
     */
    private List<String> givenOptions() {
        var parsed = spec.commandLine().getParseResult();
        List<String> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!parsed.hasMatchedOption(option) || List.of("--from", "--skip-preflight").contains(option.longestName())) {
                continue;
            }
            if (option.arity().max() == 0) {
                options.add(option.longestName());
            } else {
                option.originalStringValues().forEach(value -> {
                    options.add(option.longestName());
                    options.add(value);
                });
            }
        }
        return options;
    }

    /** A central step that failed on reading back its grants: whether AWS made them ({@link GrantReadBack}). */
    private void explainCentralGrants(MeshPlan plan, MeshDeployer.Outcome outcome, Map<String, StackCredentials> credentials,
                                      PrintWriter err) {
        if (operation() != Operation.UP || outcome.interruptedBy().isPresent()) {
            return;
        }
        Optional<String> stopped = outcome.stopped().stream().map(r -> r.step().stack())
                .filter(s -> plan.settings().get(s).role() == StackRole.CENTRAL).findFirst();
        if (stopped.isEmpty()) {
            return;
        }
        String stack = stopped.get();
        var settings = plan.settings().get(stack);
        centralPlan(plan).ifPresent(central -> GrantReadBack.explain(outcome.resourceErrors(), new GrantReadBack.Central(central,
                settings.identity().accountId(), settings.identity().region(), credentials.get(stack)), accounts, err));
    }

    private static Optional<StackPlan> centralPlan(MeshPlan plan) {
        return plan.stacks().stream().filter(p -> plan.settings().get(p.stack()).role() == StackRole.CENTRAL).findFirst();
    }

    /** Each planned stack's account, region and what it retains on delete: what settling an interrupted run needs. */
    private static Map<String, InterruptedRun.StackFacts> stackFacts(MeshPlan plan) {
        return plan.stacks().stream().collect(Collectors.toMap(StackPlan::stack, s -> {
            var identity = plan.settings().get(s.stack()).identity();
            return new InterruptedRun.StackFacts(identity.accountId(), identity.region(), Set.copyOf(s.retainedOnDelete()));
        }));
    }

    /** What the engine removed from the stack's state but left in the account (retainOnDelete in the plan). */
    private static Optional<String> retained(MeshPlan plan, String stack) {
        return plan.stacks().stream().filter(s -> s.stack().equals(stack)).map(StackPlan::retainedOnDelete)
                .filter(urns -> !urns.isEmpty()).findFirst()
                .map(urns -> "  retained in the account (retainOnDelete): " + urns.stream()
                        .map(urn -> urn.substring(urn.lastIndexOf("::") + 2)).collect(Collectors.joining(", ")));
    }

    /** The packs' analyzers, absolute, from the repository this command was built in. */
    private static List<String> policyPacks(PrintWriter err) {
        Path root;
        try {
            // target/classes or target/datamesh.jar: the repository is two levels up.
            root = Path.of(DeployCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> packs = POLICY_PACKS.stream().map(p -> root.resolve(p).toString()).toList();
        List<String> missing = packs.stream().filter(p -> !Files.isExecutable(Path.of(p))).toList();
        if (!missing.isEmpty()) {
            err.println("policy pack(s) not found: " + missing + " (or run with --no-policy-packs)");
            err.flush();
            return List.of();
        }
        return packs;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Deploys every stack of a mesh directory in deploy order through the installed Pulumi CLI:"
                    + " producers, consumers, central, then the domains again — a second run only when its preview"
                    + " plans a change. Each stack file carries its own AWS credentials (aws:profile or aws:assumeRole)."},
            footer = ExitCode.HELP)
    static final class Up extends DeployCommand {
        @Option(names = "--clear-iam-defaults", description = "In each account whose Lake Formation settings still have the"
                + " IAM-only default permissions, clear them before the first step: the settings write `datamesh preflight`"
                + " prints as a command (every admin and setting kept), made with the stack's credentials, shown before and"
                + " after. Without it such an account stops the run.")
        boolean clearIamDefaults;

        Up() {
        }

        Up(Map<String, String> environment, DeployAccount.Factory accounts) {
            super(environment, accounts);
        }

        @Override
        Operation operation() {
            return Operation.UP;
        }

        @Override
        boolean clearIamDefaults() {
            return clearIamDefaults;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Previews every stack of a mesh directory once, in first-deploy order, with both policy packs.",
            footer = ExitCode.HELP)
    static final class Preview extends DeployCommand {
        Preview() {
        }

        Preview(Map<String, String> environment, DeployAccount.Factory accounts) {
            super(environment, accounts);
        }

        @Override
        Operation operation() {
            return Operation.PREVIEW;
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = {"Destroys every stack of a mesh directory once, in reverse deploy order; what the stacks"
                    + " retain on delete (the producers' data bucket and key) stays in the account and is named."},
            footer = ExitCode.HELP)
    static final class Destroy extends DeployCommand {
        @Override
        Operation operation() {
            return Operation.DESTROY;
        }
    }
}
