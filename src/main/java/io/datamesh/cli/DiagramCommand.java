package io.datamesh.cli;

import io.datamesh.access.MeshDiagram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code datamesh diagram}: the planned mesh as a Mermaid flowchart. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = {"Prints a Mermaid flowchart of the planned mesh: accounts and their stacks, databases,"
                + " resource links, roles and every Lake Formation grant (edges labelled with expression and permissions).",
                "Exit codes: 0 ok, 1 a stack failed to plan, 2 invalid configuration."})
public final class DiagramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MeshDirectory mesh;

    @Option(names = "--out", description = "Write the diagram to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        String mermaid = MeshDiagram.mermaid(mesh.complete(spec.commandLine().getErr()));
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
