package io.datamesh.cli;

import io.datamesh.config.InvalidConfigException;
import io.datamesh.config.OdcsExport;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackConfigParser;
import io.datamesh.plan.StackFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `./datamesh contract …`: the ODCS contracts of a producer. */
@Command(name = "contract", mixinStandardHelpOptions = true, footer = ExitCode.HELP,
        description = "ODCS v3 data contracts of producer stacks (docs/contracts.md).",
        subcommands = ContractCommand.Export.class)
public final class ContractCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is needed: export");
    }

    @Command(name = "export", mixinStandardHelpOptions = true, footer = ExitCode.HELP,
            description = {"Writes one ODCS v3.1.0 contract file per data product of each producer stack that declares"
                    + " them in datamesh:dataProducts, and prints the datamesh:contracts list that replaces that key.",
                    "Listing the files instead plans the same tables, columns, types and tags."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ProjectDirectory directory;

        @Option(names = "--stack", description = "Only these producer stacks (repeatable; default: every producer using dataProducts).")
        List<String> stacks = new ArrayList<>();

        @Option(names = "--out", paramLabel = "DIR", description = "Directory to write the files to (default: <dir>/contracts);"
                + " existing files are never overwritten.")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            List<String> problems = new ArrayList<>();
            StackFiles.Project project = StackFiles.read(directory.dir, problems);
            List<String> unknown = stacks.stream().filter(s -> !project.stacks().containsKey(s)).toList();
            unknown.forEach(s -> problems.add("no stack file for '" + s + "' in " + directory.dir + " (found " + project.stacks().keySet() + ")"));
            List<Map.Entry<RawStackConfig, ProducerSettings>> producers = new ArrayList<>();
            for (RawStackConfig raw : project.stacks().values()) {
                if (!stacks.isEmpty() && !stacks.contains(raw.stack())) {
                    continue;
                }
                try {
                    if (StackConfigParser.parse(raw, directory.dir) instanceof ProducerSettings producer
                            && raw.get(StackConfigParser.NS + "dataProducts").isPresent()) {
                        producers.add(Map.entry(raw, producer));
                    } else if (!stacks.isEmpty()) {
                        problems.add(raw.source() + ": is not a producer stack with datamesh:dataProducts: nothing to export");
                    }
                } catch (InvalidConfigException e) {
                    problems.addAll(e.lines());
                }
            }
            if (problems.isEmpty() && producers.isEmpty()) {
                problems.add(directory.dir + ": no producer stack declares datamesh:dataProducts: nothing to export");
            }
            Path target = out == null ? directory.dir.resolve("contracts") : out;
            Map<String, Map<String, String>> written = new LinkedHashMap<>();
            producers.forEach(p -> {
                Map<String, String> files = OdcsExport.contracts(p.getValue(), StackFiles.fileOf(p.getKey().stack()));
                files.keySet().stream().filter(f -> Files.exists(target.resolve(f))).forEach(f -> problems.add(target.resolve(f)
                        + ": exists; export never overwrites a contract: remove it or choose another --out"));
                written.put(p.getKey().stack(), files);
            });
            if (!problems.isEmpty()) {
                problems.forEach(err::println);
                err.println(problems.size() + " problem(s); nothing was written.");
                err.flush();
                return ExitCode.INVALID_INPUT.code();
            }
            Files.createDirectories(target);
            PrintWriter outWriter = spec.commandLine().getOut();
            for (var stack : written.entrySet()) {
                for (var file : stack.getValue().entrySet()) {
                    Files.writeString(target.resolve(file.getKey()), file.getValue());
                    outWriter.println("wrote " + target.resolve(file.getKey()));
                }
                outWriter.println("In " + StackFiles.fileOf(stack.getKey()) + ", replace datamesh:dataProducts with:");
                outWriter.println("  datamesh:contracts:");
                stack.getValue().keySet().forEach(f -> outWriter.println("    - " + relative(target.resolve(f))));
            }
            return ExitCode.OK.code();
        }

        /** The path the stack file lists: relative to the project, '/'-separated on every OS. */
        private String relative(Path file) {
            Path root = directory.dir.toAbsolutePath().normalize();
            Path path = file.toAbsolutePath().normalize();
            return (path.startsWith(root) ? root.relativize(path) : path).toString().replace('\\', '/');
        }
    }
}
