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
        footer = ExitCode.HELP,
        subcommands = {PlanCommand.class, AccessCommand.class, DiagramCommand.class, PoliciesCommand.class,
                GenerateCommand.class, VerifyCommand.class, ContractCommand.class, CheckDataCommand.class, PreflightCommand.class,
                DeployCommand.Up.class, DeployCommand.Preview.class, DeployCommand.Destroy.class})
public final class DatameshCli implements Runnable {
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
        // A user error (bad flag) gets a one-line message and usage, never a stack trace; the
        // commands report their own failures and stop with CommandFailure.
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(ExitCode.INVALID_INPUT.code()));
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCode.INVALID_INPUT.code());
        // picocli's own handler prints either its "Did you mean" suggestions or the usage; a typo
        // close to a command name deserves both, so a newcomer still sees every command there is.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.usage(cmd.getErr(), cmd.getColorScheme());
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandFailure failure) {
                return failure.exitCode;
            }
            cmd.getErr().println("datamesh: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            cmd.getErr().flush();
            return ExitCode.INTERNAL_ERROR.code();
        });
        return cli;
    }

    /** Without a subcommand nothing was asked: a usage error, so a script's typo does not pass as success. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }
}
