package io.datamesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {
    @Test
    void badCredentialKeysAreConfigurationProblemsFoundBeforeAnythingIsPlanned(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.consumer.yaml"), Files.readString(Path.of("Pulumi.consumer.yaml"))
                .replace("config:\n", "config:\n  aws:assumeRole:\n    roleArn: datamesh-deployer\n    durationSeconds: 900\n"));
        var err = new StringWriter();
        var cli = new CommandLine(new VerifyCommand(account -> {
            throw new AssertionError("no account may be read before the configuration is valid");
        })).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));

        int exit = cli.execute("--dir", dir.toString());

        assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(err.toString()).contains(
                "Pulumi.consumer.yaml: aws:assumeRole.roleArn: must be an IAM role ARN, got 'datamesh-deployer'",
                "Pulumi.consumer.yaml: aws:assumeRole.durationSeconds: is not supported by datamesh verify",
                "2 configuration problem(s); nothing was verified.");
    }
}
