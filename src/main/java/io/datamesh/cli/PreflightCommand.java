package io.datamesh.cli;

import io.datamesh.deploy.PulumiCliCheck;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.MeshPlan;
import io.datamesh.preflight.AccountProbe;
import io.datamesh.preflight.AwsAccountProbe;
import io.datamesh.preflight.Preflight;
import io.datamesh.verify.AwsSession;
import io.datamesh.verify.StackCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code datamesh preflight}: whether every stack can be deployed, before anything changes. {@code up},
 * {@code preview} and {@code destroy} run the same checks first.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Checks, before anything changes, that each stack can be deployed: the Pulumi CLI is on PATH,"
                + " new enough for the policy packs (>= 3.255) and logged in; the stack's credentials (aws:profile /"
                + " aws:assumeRole / the environment) resolve to datamesh:accountId; the deployer may do what fails late"
                + " (IAM's policy simulator); the account's Lake Formation settings let the stack write its own. Every"
                + " problem of every stack is printed with its fix. up, preview and destroy run it first.",
                "Set " + AwsSession.ENDPOINT_ENV + " to send every AWS call to one endpoint (a local emulator)."},
        footer = ExitCode.HELP)
public final class PreflightCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectDirectory project;

    @Option(names = "--stack", description = "Only check these stacks (repeatable).")
    List<String> stacks = new ArrayList<>();

    private final Map<String, String> environment;
    private final AccountProbe.Factory probes;

    public PreflightCommand() {
        this(System.getenv(), awsProbes(System.getenv()));
    }

    /** With another environment (PATH, AWS variables) and way to reach the accounts (tests: a local emulator). */
    public PreflightCommand(Map<String, String> environment, AccountProbe.Factory probes) {
        this.environment = Map.copyOf(environment);
        this.probes = probes;
    }

    static AccountProbe.Factory awsProbes(Map<String, String> environment) {
        return (credentials, region) -> AwsAccountProbe.open(AwsSession.forStack(credentials, region,
                AwsSession.endpoint(environment::get)));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var plan = MeshDirectory.plan(project.dir, err, Set.copyOf(stacks), AccountState.TYPICAL);
        if (plan.isEmpty()) {
            return ExitCode.INVALID_INPUT.code();
        }
        return run(project.dir, plan.get(), Set.copyOf(stacks), environment, probes, false, spec.commandLine().getOut(), err);
    }

    /**
     * The checks of the selected stacks (every planned one if none is selected); 0 when nothing stops
     * them, else the exit code, after every problem was printed.
     *
     * @param defaultsCleared the run clears IAM-only defaults itself (up --clear-iam-defaults)
     */
    static int run(Path dir, MeshPlan plan, Set<String> selected, Map<String, String> environment,
                   AccountProbe.Factory probes, boolean defaultsCleared, PrintWriter out, PrintWriter err) {
        Map<String, StackCredentials> credentials;
        try {
            credentials = StackCredentials.readAll(dir, selected, environment::get);
        } catch (InvalidMeshException e) {
            MeshDirectory.report(err, e, "nothing was checked");
            return ExitCode.INVALID_INPUT.code();
        }
        PulumiCliCheck.Outcome cli = PulumiCliCheck.check(environment, dir);
        if (!cli.summary().isEmpty()) {
            out.println("preflight: " + cli.summary());
            out.flush();
        }
        Set<String> checked = new LinkedHashSet<>(selected.isEmpty() ? plan.deployOrder() : selected);
        List<Preflight.Target> targets = checked.stream().filter(credentials::containsKey)
                .map(s -> new Preflight.Target(s, plan.settings().get(s), credentials.get(s))).toList();
        List<Preflight.Finding> findings = Preflight.accounts(targets, probes, defaultsCleared, line -> {
            out.println("preflight: " + line);
            out.flush();
        });
        List<String> problems = new ArrayList<>(cli.problems());
        findings.stream().filter(Preflight.Finding::blocks).map(Preflight.Finding::message).forEach(problems::add);
        findings.stream().filter(f -> !f.blocks()).forEach(f -> err.println("preflight: not checked: " + f.message()));
        if (problems.isEmpty()) {
            out.println("preflight: " + targets.size() + " stack(s) ready");
            out.flush();
            err.flush();
            return 0;
        }
        problems.forEach(p -> err.println("  - " + p));
        err.println("preflight: " + problems.size() + " problem(s); nothing was run. Fix them, then run ./datamesh preflight"
                + " again.");
        err.flush();
        // A missing tool is fixed like a bad option (exit 2, as before preflight); it outranks the accounts' problems.
        return (cli.missing() ? ExitCode.INVALID_INPUT : ExitCode.PREFLIGHT_FAILED).code();
    }
}
