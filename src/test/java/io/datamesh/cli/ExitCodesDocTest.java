package io.datamesh.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/exit-codes.md is THE table of exit codes, written from {@link ExitCode}; every command's
 * --help and the README point to it rather than keep lists that drift. After changing ExitCode,
 * regenerate it with {@code mvn -q test -Dtest=ExitCodesDocTest -Ddocs.update=true}.
 */
class ExitCodesDocTest {
    private static final Path DOC = Path.of("docs/exit-codes.md");
    static final String BEGIN = "<!-- exit codes: generated from io.datamesh.cli.ExitCode by ExitCodesDocTest"
            + " (-Ddocs.update=true rewrites it) -->\n";
    static final String END = "<!-- end of exit codes -->";

    static String table() {
        return "| Code | Name | Meaning |\n|---|---|---|\n" + Arrays.stream(ExitCode.values())
                .map(c -> "| " + c.code() + " | `" + c.name() + "` | " + c.meaning() + " |\n").collect(Collectors.joining());
    }

    @Test
    void theDocumentedTableIsTheEnum() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("marker %s in %s", BEGIN.strip(), DOC).isNotNegative();
        assertThat(end).as("marker %s in %s", END, DOC).isGreaterThan(begin);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + table() + doc.substring(end));
            return;
        }
        assertThat(doc.substring(begin + BEGIN.length(), end)).isEqualTo(table());
    }

    @Test
    void eachCodeHasOneName() {
        assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct().count())
                .isEqualTo(ExitCode.values().length);
    }

    /** A command's own list of codes is how two meanings of 5 came about. */
    @Test
    void everyCommandsHelpPointsToTheTableAndListsNoCodesOfItsOwn() {
        var cli = DatameshCli.commandLine();
        var commands = new java.util.ArrayList<>(cli.getSubcommands().values());
        commands.add(cli);
        for (var command : commands) {
            var help = new StringWriter();
            command.usage(new PrintWriter(help));
            String text = help.toString().replaceAll("\\s+", " ");
            assertThat(text).as(command.getCommandName()).contains(ExitCode.HELP).doesNotContainIgnoringCase("exit codes: 0");
        }
    }

    @Test
    void theReadmeListsNoExitCodesButLinksTheTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("(docs/exit-codes.md)").doesNotContainPattern("(?i)exit codes?:? \\d");
    }
}
