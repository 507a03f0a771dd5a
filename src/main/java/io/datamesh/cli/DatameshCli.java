package io.datamesh.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `./datamesh`: plan, explain and check a data mesh offline, with no cloud and no Pulumi CLI. */
@Command(name = "datamesh", mixinStandardHelpOptions = true, version = "datamesh 0.1.0",
        description = "Plan, explain and check a Lake Formation data mesh offline.",
        subcommands = {PlanCommand.class, PoliciesCommand.class, GenerateCommand.class})
public final class DatameshCli implements Runnable {
    /** Exit code for invalid stack configuration. */
    public static final int INVALID_CONFIG = 2;
    /** Exit code when a mandatory policy is violated. */
    public static final int MANDATORY_VIOLATION = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        var cli = new CommandLine(new DatameshCli());
        // A user error (bad flag) gets a one-line message and usage, never a stack trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
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
