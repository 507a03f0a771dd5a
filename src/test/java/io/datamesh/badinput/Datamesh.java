package io.datamesh.badinput;

import io.datamesh.cli.DatameshCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as a user runs it, in process: exit code and both streams. */
public final class Datamesh {
    /** What a JVM prints for an escaped exception: a frame, a cause, or a qualified exception name. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "^\\s+at [\\w$.]+\\(|^Caused by: |\\b(java|com|io|org)\\.[\\w.$]+(Exception|Error)\\b", Pattern.MULTILINE);

    private Datamesh() {
    }

    public record Outcome(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }

        /** Fails on an exit code other than {@code expected}, and on any stack trace, whatever the code. */
        public Outcome exits(int expected) {
            assertThat(STACK_TRACE.matcher(all()).find()).as("no stack trace in:\n%s", all()).isFalse();
            // A control character from the input is shown as U+0007, never raw (it could rewrite the terminal).
            assertThat(all().chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7F))
                    .as("no raw control character printed in:\n%s", all()).isEmpty();
            assertThat(exitCode).as("exit code; output:\n%s", all()).isEqualTo(expected);
            return this;
        }

        public Outcome says(String... fragments) {
            for (String fragment : fragments) {
                assertThat(all()).as("output").contains(fragment);
            }
            return this;
        }

        public Outcome saysNothingOf(String... fragments) {
            for (String fragment : fragments) {
                assertThat(all()).as("output").doesNotContain(fragment);
            }
            return this;
        }
    }

    public static Outcome run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = DatameshCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }
}
