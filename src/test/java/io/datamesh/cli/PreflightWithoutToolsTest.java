package io.datamesh.cli;

import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code preflight}, {@code up}, {@code preview}, {@code destroy} and {@code verify} on a machine with neither a {@code
 * pulumi} on PATH nor any AWS credentials, in a JVM of their own so the environment is exactly that:
 * every problem at once (the CLI, and each stack's credentials in one sentence naming what to set),
 * exit 2 for the missing tool, and no step run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PreflightWithoutToolsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"preflight", "up", "preview", "destroy"})
    void everyProblemIsNamedWithItsFixAndNothingRuns(String command, @TempDir Path home) throws Exception {
        Process process = run(command, home);
        String out = Files.readString(home.resolve("out.txt"));
        String err = Files.readString(home.resolve("err.txt"));

        assertEquals(ExitCode.INVALID_INPUT.code(), process.exitValue(), out + err);
        assertThat(err).contains("  - no `pulumi` on PATH: build the CLI and the Java language host with"
                + " scripts/install-pulumi-tools.sh");
        for (String stack : List.of("producer", "consumer", "central")) {
            assertThat(err).contains("  - stack " + stack + ": no AWS credentials: Pulumi." + stack + ".yaml sets neither"
                    + " aws:profile nor aws:assumeRole and the environment gives none (Unable to load credentials from any of"
                    + " the providers). Fix: set aws:profile or aws:assumeRole.roleArn in Pulumi." + stack + ".yaml, or"
                    + " AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) in the environment.");
        }
        assertThat(err).contains("preflight: 4 problem(s); nothing was run.").doesNotContain("Exception:");
        assertThat(out).as("no step started").doesNotContain("[1/").doesNotContain("step(s):");
    }

    /** verify needs no CLI; without credentials each account is one sentence naming its keys, and exit 9, not drift's 5. */
    @Test
    void verifyNamesEachAccountItCannotReadApartFromDrift(@TempDir Path home) throws Exception {
        Process process = run("verify", home);
        String out = Files.readString(home.resolve("out.txt"));
        String err = Files.readString(home.resolve("err.txt"));

        assertEquals(ExitCode.ACCOUNT_UNREADABLE.code(), process.exitValue(), out + err);
        for (var stack : Map.of("producer", "222222222222", "consumer", "333333333333", "central", "111111111111").entrySet()) {
            assertThat(err).contains("verify: cannot read account " + stack.getValue() + " (stack " + stack.getKey()
                    + "): could not identify the caller: Unable to load credentials from any of the providers")
                    .contains("Set aws:profile or aws:assumeRole in Pulumi." + stack.getKey() + ".yaml (docs/verify.md), then"
                            + " verify again.");
        }
        assertThat(err).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    /** The command in a JVM of its own, with neither a pulumi on PATH nor any AWS credentials; it must return. */
    private static Process run(String command, Path home) throws Exception {
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatameshCli.class.getName(), command, "--dir", SampleMesh.ROOT.toString())
                .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        builder.environment().clear();
        // No pulumi, and nothing the SDK's default chain could find: no variables, no config files, no instance role.
        builder.environment().putAll(Map.of("PATH", Files.createDirectories(home.resolve("empty-bin")).toString(),
                "HOME", home.toString(),
                "AWS_CONFIG_FILE", home.resolve("none").toString(), "AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString(),
                "AWS_EC2_METADATA_DISABLED", "true"));
        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("./datamesh " + command + " returns").isTrue();
        return process;
    }
}
