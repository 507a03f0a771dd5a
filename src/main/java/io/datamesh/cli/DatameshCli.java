package io.datamesh.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** `./datamesh`: plan, explain and check a data mesh offline, with no cloud and no Pulumi CLI; deploy it with the CLI; verify a deployed one. */
@Command(name = "datamesh", mixinStandardHelpOptions = true, version = "datamesh 0.1.0",
        description = "Plan, explain and check a Lake Formation data mesh offline; deploy, preview and destroy all its stacks"
                + " through the Pulumi CLI; verify a deployed one against its plan.",
        subcommands = {PlanCommand.class, AccessCommand.class, DiagramCommand.class, PoliciesCommand.class,
                GenerateCommand.class, VerifyCommand.class,
                DeployCommand.Up.class, DeployCommand.Preview.class, DeployCommand.Destroy.class})
public final class DatameshCli implements Runnable {
    /** Exit code when a stack failed to plan. */
    public static final int PLAN_FAILED = 1;
    /** Exit code for invalid stack configuration. */
    public static final int INVALID_CONFIG = 2;
    /** Exit code when a mandatory policy is violated. */
    public static final int MANDATORY_VIOLATION = 3;
    /** Exit code when `access --principal … --table …` finds no access, so scripts can assert on it. */
    public static final int ACCESS_DENIED = 4;
    /** Exit code when `verify` finds the live accounts differ from the plan (or cannot read them). */
    public static final int LIVE_DIFFERS = 5;
    /** Exit code of `access --base … --fail-on-widening` when a principal gains access, so CI can require a reviewer. */
    public static final int ACCESS_WIDENED = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietEngineLogs();
        System.exit(commandLine().execute(args));
    }

    /**
     * The mock engine logs each stack warning through java.util.logging at a level it sets itself;
     * the commands print warnings themselves, so the console handler shows nothing.
     */
    public static void quietEngineLogs() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setLevel(Level.OFF);
        }
    }

    public static CommandLine commandLine() {
        var cli = new CommandLine(new DatameshCli());
        // A user error (bad flag) gets a one-line message and usage, never a stack trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandFailure failure) {
                return failure.exitCode;
            }
            cmd.getErr().println("datamesh: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
