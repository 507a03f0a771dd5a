package io.datamesh.cli;

import io.datamesh.access.MeshDiagram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code datamesh diagram}: the planned mesh as a Mermaid flowchart. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = {"Prints a Mermaid flowchart of the planned mesh: accounts and their stacks, databases,"
                + " resource links, roles and every Lake Formation grant (edges labelled with expression and permissions).",
                "The policies run as in `plan`: a mandatory violation prints the violations instead and exits 3."},
        footer = ExitCode.HELP)
public final class DiagramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MeshDirectory mesh;

    @Mixin
    PolicyConfigOption policyConfig;

    @Option(names = "--out", description = "Write the diagram to this file instead of standard output.")
    Path out;

    /**
     * A refused configuration is not drawn at all, refused grants included: an edge is access, and
     * a diagram has no place to say "refused" that a reader of the picture could not miss.
     */
    @Override
    public Integer call() throws IOException {
        OutputFile.requireWritable(spec, "--out", out);
        PrintWriter err = spec.commandLine().getErr();
        CheckedPlan checked = policyConfig.checkAll(() -> mesh.complete(err), err);
        if (checked.exitCode() != ExitCode.OK.code()) {
            CheckedPlan.print(err, checked.mandatory());
            err.println("diagram: nothing drawn: the mandatory policy violation(s) above stop their stack(s), as in `plan`.");
            err.flush();
            return checked.exitCode();
        }
        String mermaid = MeshDiagram.mermaid(checked.plan());
        if (out == null) {
            spec.commandLine().getOut().print(mermaid);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, mermaid);
            spec.commandLine().getErr().println("wrote " + out);
        }
        return 0;
    }
}
