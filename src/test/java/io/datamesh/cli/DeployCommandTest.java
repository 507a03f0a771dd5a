package io.datamesh.cli;

import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code up | preview | destroy} refuse before the Pulumi CLI runs anything (the e2e runs the CLI). */
class DeployCommandTest {
    @Test
    void invalidStackConfigExitsTwoNamingTheKey(@TempDir Path dir) throws IOException {
        SampleMesh.copyTo(dir);
        Path producer = dir.resolve("Pulumi.producer.yaml");
        Files.writeString(producer, Files.readString(producer).replace("datamesh:accountId: \"222222222222\"",
                "datamesh:accountId: \"2222\""));
        for (String command : new String[] {"up", "preview", "destroy"}) {
            var run = PlanCommandTest.datamesh(command, "--dir", dir.toString());
            assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode(), run.err());
            assertThat(run.err()).contains("Pulumi.producer.yaml").contains("datamesh:accountId")
                    .contains("nothing was planned");
            assertThat(run.out()).as("no step started").doesNotContain("[1/");
        }
    }

    @Test
    void anUnknownStackIsRefused() {
        var run = PlanCommandTest.datamesh("up", "--stack", "prodcer");
        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode(), run.err());
        assertThat(run.err()).contains("no stack file for [prodcer]");
    }

    @Test
    void aStepOutsideTheRunIsRefused() {
        var run = PlanCommandTest.datamesh("up", "--stack", "producer", "--from", "3");
        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode(), run.err());
        assertEquals("--from 3: the run has steps 1 to 2\n", run.err());
        assertThat(run.out()).doesNotContain("[1/");
    }

    @Test
    void policyPackConfigsMustPairWithThePacks() {
        var one = PlanCommandTest.datamesh("preview", "--policy-pack-config", "governance.json");
        assertEquals(ExitCode.INVALID_INPUT.code(), one.exitCode(), one.err());
        assertEquals("--policy-pack-config: give one per policy pack (2), got 1\n", one.err());
        var without = PlanCommandTest.datamesh("preview", "--no-policy-packs", "--policy-pack-config", "a.json",
                "--policy-pack-config", "b.json");
        assertEquals(ExitCode.INVALID_INPUT.code(), without.exitCode(), without.err());
        assertEquals("--policy-pack-config: give one per policy pack (0), got 2 with --no-policy-packs\n", without.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        var run = PlanCommandTest.datamesh("destroy", "--form", "2");
        assertEquals(2, run.exitCode());
        assertThat(run.err()).contains("Unknown options: '--form'");
    }
}
