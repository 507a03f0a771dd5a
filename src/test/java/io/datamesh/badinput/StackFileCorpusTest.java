package io.datamesh.badinput;

import java.nio.file.Path;
import java.util.stream.Stream;

import static io.datamesh.badinput.BadInputCase.planned;
import static io.datamesh.badinput.BadInputCase.refused;

/**
 * Issue 18, class 2: the project file and the stack files. A stack another stack lists must have its
 * file here, unless it is named as living elsewhere; a file Pulumi would not read as a stack, or a
 * project the mesh cannot be, is refused with what it is, never "no such file" for something there.
 */
class StackFileCorpusTest extends CorpusTest {
    private static final String CENTRAL = "Pulumi.central.yaml";
    private static final String CONSUMER = "Pulumi.consumer.yaml";

    static Stream<BadInputCase> cases() {
        return Stream.of(
                refused("a listed consumer's file is missing", m -> m.delete(CONSUMER),
                        CENTRAL + ": datamesh:consumers[0].stack: stack 'consumer' has no stack file Pulumi.consumer.yaml in this"
                                + " directory", "<org>/<project>/consumer"),
                refused("a listed consumer's file is .yml", m -> m.move(CONSUMER, "Pulumi.consumer.yml"),
                        "Pulumi.consumer.yml: Pulumi reads this project's stack files only as Pulumi.consumer.yaml",
                        "rename it to Pulumi.consumer.yaml"),
                refused("a listed consumer's file is .json", m -> m.move(CONSUMER, "Pulumi.consumer.json"),
                        "Pulumi.consumer.json: Pulumi reads this project's stack files only as Pulumi.consumer.yaml"),
                refused("a stack file in lower case", m -> m.move(CONSUMER, "pulumi.consumer.yaml"),
                        "pulumi.consumer.yaml: Pulumi reads this project's stack files only as Pulumi.consumer.yaml (capital P"),
                refused("a stack file named with a space", m -> m.move(CONSUMER, "Pulumi.my consumer.yaml"),
                        "Pulumi.my consumer.yaml: 'my consumer' is not a stack name Pulumi accepts", "U+0020' at position 2"),
                refused("a stack file named with a plus", m -> m.move(CONSUMER, "Pulumi.consumer+1.yaml"),
                        "'consumer+1' is not a stack name Pulumi accepts", "'+' at position 8"),
                refused("a stack name over 100 characters", m -> m.move(CONSUMER, "Pulumi." + "c".repeat(101) + ".yaml"),
                        "is not a stack name Pulumi accepts", "at most 100"),
                refused("a stack file that is a directory", m -> m.delete(CONSUMER).write(CONSUMER + "/x", "x"),
                        CONSUMER + ": is a directory, not a file"),
                refused("a stack file that is a FIFO", m -> m.delete(CONSUMER).fifo(CONSUMER),
                        CONSUMER + ": is a named pipe (FIFO), not a regular file"),
                refused("a stack file that links to a device", m -> m.delete(CONSUMER).symlink(CONSUMER, Path.of("/dev/zero")),
                        CONSUMER + ": is a character device, not a regular file"),
                refused("a stack file that is a dangling symlink", m -> m.delete(CONSUMER).symlink(CONSUMER, Path.of("gone.yaml")),
                        CONSUMER + ": is a symbolic link to gone.yaml, which does not exist"),
                refused("a stack file too large", m -> m.append(CONSUMER, "# " + "x".repeat(5 << 20)),
                        CONSUMER + ": is ", "bytes; a stack file over 4 MiB is refused"),
                refused("centralStack names a stack that is not here", m -> m.replace(CONSUMER, "datamesh:centralStack: central",
                        "datamesh:centralStack: centrl"), CONSUMER + ": datamesh:centralStack: stack 'centrl' has no stack file",
                        "did you mean 'central'?"),
                refused("a producer entry's stack names nothing", m -> m.replace(CENTRAL, "      stack: producer",
                        "      stack: producer-sales"), CENTRAL + ": datamesh:producers[0].stack: stack 'producer-sales' has no"
                        + " stack file Pulumi.producer-sales.yaml"),
                refused("a stack entry with two parts", m -> m.replace(CENTRAL, "      stack: producer", "      stack: acme/producer"),
                        CENTRAL + ": datamesh:producers[0].stack: 'acme/producer' is not a stack Pulumi can name"),
                refused("a stack entry with a space", m -> m.replace(CENTRAL, "      stack: consumer", "      stack: my consumer"),
                        CENTRAL + ": datamesh:consumers[0].stack: 'my consumer' is not a stack Pulumi can name"),
                planned("a consumer that lives elsewhere, fully qualified", m -> m.delete(CONSUMER)
                                .replace(CENTRAL, "      stack: consumer", "      stack: acme/marketing-mesh/consumer"),
                        "note: " + CENTRAL + ": datamesh:consumers[0].stack: 'acme/marketing-mesh/consumer' lives outside this"
                                + " directory: not planned here", "2 stack(s) planned"),
                refused("no Pulumi.yaml", m -> m.delete("Pulumi.yaml"), ": no Pulumi.yaml; --dir must be the project directory"),
                refused("Pulumi.yml instead of Pulumi.yaml", m -> m.move("Pulumi.yaml", "Pulumi.yml"),
                        "Pulumi.yml: the mesh reads its project from Pulumi.yaml"),
                refused("Pulumi.yaml is a directory", m -> m.delete("Pulumi.yaml").write("Pulumi.yaml/x", "x"),
                        "Pulumi.yaml: is a directory, not a file"),
                refused("a project without a name", m -> m.replace("Pulumi.yaml", "name: datamesh\n", ""),
                        "Pulumi.yaml: name: is required"),
                refused("a project name Pulumi refuses", m -> m.replace("Pulumi.yaml", "name: datamesh", "name: data mesh"),
                        "Pulumi.yaml: name: 'data mesh' is not a name Pulumi accepts"),
                refused("a project in another runtime", m -> m.replace("Pulumi.yaml", "runtime: java", "runtime: python"),
                        "Pulumi.yaml: runtime: 'python': the mesh is a Java program, so the runtime must be java"),
                refused("a project without a runtime", m -> m.replace("Pulumi.yaml", "runtime: java", ""),
                        "Pulumi.yaml: runtime: is required"),
                planned("a runtime given as a map with options", m -> m.replace("Pulumi.yaml", "runtime: java",
                        "runtime:\n  name: java\n  options:\n    binary: target/datamesh.jar"), "3 stack(s) planned"),
                refused("project-level config", m -> m.append("Pulumi.yaml", "config:", "  aws:region: eu-west-1"),
                        "Pulumi.yaml: config: project-level config is not read by the mesh", "move each key into the"),
                refused("stackConfigDir", m -> m.append("Pulumi.yaml", "stackConfigDir: stacks"),
                        "Pulumi.yaml: stackConfigDir: the mesh reads its stack files next to Pulumi.yaml"),
                refused("--dir that does not exist", m -> { }, "no such directory (--dir names the directory of Pulumi.yaml)")
                        .command("plan", "--dir", "{dir}/nowhere"),
                refused("--dir that is a file", m -> { }, "is a file, not a directory").command("plan", "--dir", "{dir}/Pulumi.yaml"),
                refused("an unreadable stack file is not reported as missing", m -> m.write(CONSUMER, "config: [\n"),
                        CONSUMER + ":2:1: not valid YAML").never("has no stack file", "no such file"));
    }
}
