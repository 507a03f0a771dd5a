package io.datamesh.cli;

import io.datamesh.scale.MeshGenerator;
import io.datamesh.scale.MeshShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code datamesh generate}: a synthetic mesh of any size, for benchmarks and load tests of the plan. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic mesh (Pulumi.yaml and one stack file per stack) into a directory:",
                "a central stack, N producer domains of M tables with K columns (some tagged pii=true), and C consumers",
                "granted LF-tag expressions that exclude PII. The same options and seed always write the same files.",
                "Plan it with: datamesh plan --dir DIR"},
        footer = ExitCode.HELP)
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--producers", required = true, paramLabel = "N", description = "Producer domains.")
    int producers;

    @Option(names = "--tables", required = true, paramLabel = "M", description = "Data products (tables) per producer.")
    int tables;

    @Option(names = "--columns", required = true, paramLabel = "K", description = "Columns per table (≥ 2).")
    int columns;

    @Option(names = "--consumers", required = true, paramLabel = "C", description = "Consumer domains.")
    int consumers;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (created if missing).")
    Path out;

    @Override
    public Integer call() throws IOException {
        MeshShape shape;
        try {
            shape = new MeshShape(producers, tables, columns, consumers, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<String> stacks = MeshGenerator.write(shape, out);
        spec.commandLine().getOut().println("wrote " + stacks.size() + " stacks (" + shape + ", seed " + seed + ") to " + out);
        return 0;
    }
}
