package io.datamesh.badinput;

import java.nio.file.Path;
import java.util.stream.Stream;

import static io.datamesh.badinput.BadInputCase.planned;
import static io.datamesh.badinput.BadInputCase.refused;

/**
 * Issue 18, class 1: every path a stack file names stays inside the project, after symbolic links,
 * and only regular files are uploaded. The project is {@code <tmp>/project}; {@code <tmp>/outside}
 * stands for the rest of the machine a hostile stack file would reach for.
 */
class PathCorpusTest extends CorpusTest {
    private static final String PRODUCER = "Pulumi.producer.yaml";
    private static final String KEY = PRODUCER + ": datamesh:sampleDataDir: ";

    private static BadInputMesh sampleDataDir(BadInputMesh m, String dir) {
        return m.append(PRODUCER, "  datamesh:sampleDataDir: '" + dir.replace("'", "''") + "'");
    }

    /** A directory outside the project holding files named like a product's, to upload if a check fails. */
    private static Path outside(BadInputMesh m) {
        BadInputMesh.copyOfSamples(m.root().getParent().resolve("outside"));
        return m.root().getParent().resolve("outside/project/sample-data");
    }

    static Stream<BadInputCase> cases() {
        return Stream.of(
                refused("an absolute sampleDataDir", m -> sampleDataDir(m, "/etc"),
                        KEY + "'/etc' is an absolute path", "relative to it"),
                refused("an absolute sampleDataDir that exists with product folders", m -> sampleDataDir(m, outside(m).toString()),
                        "is an absolute path"),
                refused("a sampleDataDir climbing out with ..", m -> sampleDataDir(m, "../outside/project/sample-data"),
                        KEY + "'../outside/project/sample-data' climbs out of the project with '..'"),
                refused("a sampleDataDir climbing out deep inside", m -> sampleDataDir(m, "sample-data/../../../../etc"),
                        "climbs out of the project"),
                refused("a sampleDataDir that is ..", m -> sampleDataDir(m, ".."), "climbs out of the project"),
                refused("a Windows drive path", m -> sampleDataDir(m, "C:/Users/runner"), "is an absolute path"),
                refused("a backslash root", m -> sampleDataDir(m, "\\\\server\\share"), "is an absolute path"),
                refused("an empty sampleDataDir", m -> sampleDataDir(m, ""), KEY + "is empty"),
                refused("a blank sampleDataDir", m -> sampleDataDir(m, "   "), KEY + "is empty"),
                refused("a sampleDataDir that is a symlink out of the project", m -> {
                    Path target = outside(m);
                    m.symlink("linked-data", target);
                    sampleDataDir(m, "linked-data");
                }, KEY + "linked-data: leads through a symbolic link to", "outside the project"),
                refused("the default sample-data replaced by a symlink out", m -> {
                    Path target = outside(m);
                    m.delete("sample-data");
                    m.symlink("sample-data", target);
                }, KEY + "sample-data: leads through a symbolic link to"),
                refused("a product folder that is a symlink out", m -> {
                    Path target = outside(m).resolve("orders");
                    m.delete("sample-data/orders");
                    m.symlink("sample-data/orders", target);
                }, KEY + "sample-data/orders: leads through a symbolic link to"),
                refused("a sample file that is a symlink to /etc/passwd", m -> m.symlink("sample-data/orders/passwd.csv",
                        Path.of("/etc/passwd")), KEY + "sample-data/orders/passwd.csv: leads through a symbolic link to /etc/passwd"),
                refused("a sample file that is a symlink to a file outside the project", m -> m.symlink(
                        "sample-data/orders/more.csv", outside(m).resolve("orders/orders.csv")), "outside the project"),
                refused("a dangling symlink among the samples", m -> m.symlink("sample-data/orders/gone.csv",
                        Path.of("no-such-file.csv")), KEY + "sample-data/orders/gone.csv: is a symbolic link to nothing"),
                refused("a FIFO among the samples", m -> m.fifo("sample-data/orders/pipe.csv"),
                        KEY + "sample-data/orders/pipe.csv: is a named pipe (FIFO), not a regular file"),
                refused("a device among the samples", m -> m.symlink("sample-data/orders/zero.csv", Path.of("/dev/zero")),
                        KEY + "sample-data/orders/zero.csv: leads through a symbolic link to /dev/zero"),
                refused("a nested directory among the samples", m -> m.write("sample-data/orders/2024/part.csv", "a\n"),
                        KEY + "sample-data/orders/2024: is a directory; sample data is uploaded one level deep"),
                refused("a sample file whose name has a newline", m -> m.write("sample-data/orders/bad\nname.csv", "a\n"),
                        KEY + "sample-data/orders/bad\\u000Aname.csv: its name has a control character"),
                refused("a sampleDataDir that does not exist", m -> sampleDataDir(m, "smaple-data"),
                        KEY + "'smaple-data' does not exist in the project", "uploadSampleData: false"),
                refused("a sampleDataDir that is a file", m -> sampleDataDir(m, "Pulumi.yaml"),
                        KEY + "'Pulumi.yaml' is a file, not a directory"),
                refused("a product folder that is a file", m -> m.delete("sample-data/orders").write("sample-data/orders", "x"),
                        KEY + "sample-data/orders: is a file, not a directory"),
                refused("every path problem at once", m -> {
                    m.fifo("sample-data/orders/pipe.csv");
                    m.symlink("sample-data/customers/passwd.csv", Path.of("/etc/passwd"));
                }, "sample-data/orders/pipe.csv: is a named pipe", "sample-data/customers/passwd.csv: leads through",
                        "2 configuration problem(s)"),
                planned("a symlink that stays inside the project", m -> m.write("shared/orders.csv", "order_id\n1\n")
                        .symlink("sample-data/orders/extra.csv", Path.of("../../shared/orders.csv")), "3 stack(s) planned"),
                planned("a sampleDataDir inside the project that climbs and comes back", m -> sampleDataDir(m,
                        "sample-data/../sample-data"), "3 stack(s) planned"));
    }
}
