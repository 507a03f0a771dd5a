package io.datamesh.cli;

import io.datamesh.config.InvalidConfigException;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.SampleData;
import io.datamesh.config.StackConfigParser;
import io.datamesh.datacheck.DataCheck;
import io.datamesh.plan.StackFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `./datamesh check-data`: each producer's sample files against its data products' contracts, before they are uploaded. */
@Command(name = "check-data", mixinStandardHelpOptions = true, footer = ExitCode.HELP,
        description = {"Reads the sample files each producer stack uploads (datamesh:sampleDataDir) and checks them"
                + " against their data products: every declared column present and of its type, required without nulls,"
                + " unique and primaryKey without duplicates, the ODCS quality rules, no undeclared column.",
                "Each failure names the file, column, rule and up to " + DataCheck.SHOWN_ROWS + " offending rows (docs/check-data.md)."})
public final class CheckDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectDirectory directory;

    @Option(names = "--stack", description = "Only these producer stacks (repeatable; default: every producer stack).")
    List<String> stacks = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        Map<String, List<SampleData.Upload>> uploads = uploads(directory.dir, stacks, problems);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(problems.size() + " configuration problem(s); nothing was checked.");
            err.flush();
            return ExitCode.INVALID_INPUT.code();
        }
        PrintWriter out = spec.commandLine().getOut();
        int files = 0;
        int failures = 0;
        for (var stack : uploads.entrySet()) {
            DataCheck.Report report = DataCheck.check(directory.dir, stack.getValue());
            out.println("== " + stack.getKey() + ": " + report.files() + " file(s) of " + stack.getValue().size()
                    + " data product(s) ==");
            stack.getValue().stream().filter(u -> !u.found() || u.files().isEmpty()).forEach(u -> out.println(
                    "  no sample data for data product '" + u.product().name() + "' (looked in "
                            + DataCheck.shown(directory.dir, u.directory()) + ")"));
            report.failures().forEach(f -> out.println("  " + f.line(directory.dir)));
            files += report.files();
            failures += report.failures().size();
        }
        out.println(files + " file(s) checked, " + failures + " failure(s)");
        return failures == 0 ? ExitCode.OK.code() : ExitCode.DATA_CHECK_FAILED.code();
    }

    /**
     * The sample files of every selected producer stack that uploads them, or the configuration
     * problems of those stacks, every one, as the plan reports them.
     */
    static Map<String, List<SampleData.Upload>> uploads(Path dir, List<String> selected, List<String> problems) {
        StackFiles.Project project = StackFiles.read(dir, problems);
        selected.stream().filter(s -> !project.stacks().containsKey(s)).forEach(s -> problems.add("no stack file for '" + s
                + "' in " + dir + " (found " + project.stacks().keySet() + ")"));
        Map<String, List<SampleData.Upload>> uploads = new LinkedHashMap<>();
        for (RawStackConfig raw : project.stacks().values()) {
            if (!selected.isEmpty() && !selected.contains(raw.stack())) {
                continue;
            }
            try {
                if (StackConfigParser.parse(raw, dir) instanceof ProducerSettings producer) {
                    uploads.put(raw.stack(), SampleData.resolve(dir, producer, raw.source()));
                } else if (!selected.isEmpty()) {
                    problems.add(raw.source() + ": is not a producer stack: it uploads no data to check");
                }
            } catch (InvalidConfigException e) {
                problems.addAll(e.lines());
            }
        }
        if (problems.isEmpty() && uploads.isEmpty()) {
            problems.add(dir + ": no producer stack: no data to check");
        }
        return uploads;
    }
}
