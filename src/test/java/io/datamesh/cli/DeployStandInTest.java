package io.datamesh.cli;

import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code ./datamesh up | destroy} as a user runs them: in a JVM of their own (signals reach it as they
 * would), with a stand-in {@code pulumi} first on PATH that fails the way the real CLI can. Each run
 * must come back within a bounded time naming the step, the CLI's own message and the command that
 * resumes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeployStandInTest {
    /** Longer than any run here takes when it does not hang (≈ 5 s: a JVM and the offline plan). */
    private static final long BOUND_SECONDS = 60;

    /** The answers of the commands the Automation API runs before the operation itself. */
    private static final String PRELUDE = """
            #!/bin/sh
            case "$1 $2" in
              "version "*) echo v3.274.1; exit 0;;
              "stack select"|"stack init") exit 0;;
              "stack export") echo '{"version":3,"deployment":{}}'; exit 0;;
            esac
            log=""
            stack=""
            prev=""
            for a in "$@"; do
              [ "$prev" = "--event-log" ] && log="$a"
              [ "$prev" = "--stack" ] && stack="$a"
              prev="$a"
            done
            """;

    /**
     * What a CLI whose operations succeed answers the Automation API around them: the stack's outputs and
     * last update after an up, and a preview's summary event (a domain's second run previews first: no changes).
     */
    private static final String SUCCEEDING = """
            case "$1 $2" in
              "stack output") echo '{}'; exit 0;;
              "stack history") echo '[{"version":1,"kind":"update","startTime":"2026-01-01T00:00:00.000Z","message":"",\
            "environment":{},"config":{},"result":"succeeded","endTime":"2026-01-01T00:00:01.000Z","resourceChanges":{"create":3}}]'; exit 0;;
            esac
            if [ "$1" = preview ]; then
              printf '{"sequence":1,"timestamp":1,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":0,"resourceChanges":{"same":3},"PolicyPacks":{}}}\n' >> "$log"
              exit 0
            fi
            """;

    record Run(int exitCode, String out, String err) {
    }

    private static Path standIn(Path dir, String operation) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path pulumi = bin.resolve("pulumi");
        Files.writeString(pulumi, PRELUDE + operation, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static Process start(Path bin, Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatameshCli.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(SampleMesh.ROOT.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        // No real pulumi: only the stand-in, and the system's own tools (sh, kill, setsid).
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        return builder.start();
    }

    private static Run finish(Process process, Path dir) throws Exception {
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("./datamesh did not return within " + BOUND_SECONDS + " s; its output so far:\n"
                    + Files.readString(dir.resolve("out.txt")) + Files.readString(dir.resolve("err.txt")));
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    private static Run datamesh(Path bin, Path dir, String... args) throws Exception {
        return finish(start(bin, dir, args), dir);
    }

    /** A copy of the sample mesh in a directory whose name needs quoting in a shell. */
    private static Path mesh(Path dir) throws IOException {
        Path mesh = Files.createDirectories(dir.resolve("my mesh's files"));
        SampleMesh.copyTo(mesh);
        return mesh;
    }

    @Test
    void aCliThatExitsBeforeItsEngineStartsEndsTheRunWithItsMessageAndAResumeCarryingEveryOption(@TempDir Path dir)
            throws Exception {
        Path bin = standIn(dir, """
                echo "error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables" >&2
                exit 255
                """);
        Path mesh = mesh(dir);
        Path logs = dir.resolve("event logs");
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh.toString(), "--stack", "producer", "--event-log-dir", logs.toString(),
                "--policy-pack-config", dir.resolve("aws.json").toString(), "--policy-pack-config", dir.resolve("gov $x.json").toString());

        assertEquals(ExitCode.STACK_FAILED.code(), run.exitCode(), run.out() + run.err());
        assertThat(run.out()).contains("[1/2] up producer FAILED: error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE");
        assertThat(run.err()).contains("resume with:\n  ./datamesh up --dir '" + dir + "/my mesh'\\''s files' --stack producer --policy-pack-config "
                + dir.resolve("aws.json") + " --policy-pack-config '" + dir.resolve("gov $x.json") + "' --event-log-dir '" + logs
                + "' --from 1\n");
    }

    @Test
    void aCliThatNeverWritesAFinalEventEndsTheRunWhenItExits(@TempDir Path dir) throws Exception {
        // One whole event and the start of another, then gone: no cancel event ever follows.
        Path bin = standIn(dir, """
                printf '{"sequence":1,"timestamp":1,"stdoutEvent":{"message":"Updating (producer)","color":"never"}}\\n{"sequence":2,' >> "$log"
                echo "error: the language host exited early" >&2
                exit 255
                """);
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs", "--event-log-dir",
                dir.resolve("logs").toString());

        assertEquals(ExitCode.STACK_FAILED.code(), run.exitCode(), run.out() + run.err());
        assertThat(run.out()).contains("[1/5] up producer FAILED: error: the language host exited early");
        assertThat(run.err()).contains("--no-policy-packs --event-log-dir").contains("--from 1");
    }

    @Test
    void aCliKilledMidRunIsReportedWithTheCommandThatUnlocksTheStack(@TempDir Path dir) throws Exception {
        Path bin = standIn(dir, """
                printf '{"sequence":1,"timestamp":1,"stdoutEvent":{"message":"Updating (producer)","color":"never"}}\\n' >> "$log"
                kill -KILL $$
                """);
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs", "--event-log-dir",
                dir.resolve("logs").toString());

        assertEquals(ExitCode.STACK_FAILED.code(), run.exitCode(), run.out() + run.err());
        assertThat(run.out()).contains("[1/5] up producer FAILED: the pulumi CLI was killed (signal 9)");
        assertThat(run.err()).contains("--from 1")
                .contains("unlock it with:\n  pulumi -C '" + dir + "/my mesh'\\''s files' cancel --stack producer --yes\n");
    }

    @Test
    void aSignalIsForwardedToTheCliWhichStopsCleanlyAndTheRunSaysHowToResume(@TempDir Path dir) throws Exception {
        Path started = dir.resolve("started");
        Path got = dir.resolve("got");
        Path bin = standIn(dir, """
                trap 'echo INT > "%2$s"; echo "^C received; cancelling."; exit 255' INT
                trap 'echo TERM > "%2$s"; exit 255' TERM
                touch "%1$s"
                while :; do sleep 0.1; done
                """.formatted(started, got));
        Process process = start(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!Files.exists(started) && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(started).as("the stand-in's up started").exists();
        // SIGTERM: a SIGINT sent from here may be ignored by a JVM started in the background (nohup's rule).
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        var run = finish(process, dir);

        assertEquals(ExitCode.TERMINATED.code(), run.exitCode(), run.out() + run.err());
        assertThat(got).as("the CLI was asked to cancel as by ^C").hasContent("INT");
        assertThat(run.out()).contains("^C received; cancelling.");
        assertThat(run.err()).contains("[1/5] up producer: interrupted (SIGTERM)").contains("./datamesh up --dir")
                .contains("--no-policy-packs --from 1");
    }

    @Test
    void stepsOfAWaveRunAtOnceAndTheNextWaveWaitsForAllOfThem(@TempDir Path dir) throws Exception {
        // Each domain's first up finishes only once the other's has started: run one after the other, it fails.
        Path bin = standIn(dir, SUCCEEDING + """
                touch "%1$s/start-$stack"
                case "$stack" in
                  producer) other=consumer;;
                  consumer) other=producer;;
                  central)
                    [ -e "%1$s/end-producer" ] && [ -e "%1$s/end-consumer" ] || { echo "error: central started mid-wave" >&2; exit 255; }
                    other=central;;
                esac
                i=0
                while [ ! -e "%1$s/start-$other" ]; do
                  i=$((i + 1)); [ $i -gt 150 ] && { echo "error: $stack ran alone" >&2; exit 255; }
                  sleep 0.1
                done
                touch "%1$s/end-$stack"
                """.formatted(dir));
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs", "--parallel", "2");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertThat(run.out()).contains("up of 5 step(s)").contains("; 3 wave(s), up to 2 step(s) at once")
                .contains("producer | [1/5] up producer: 3 created (").contains("consumer | [2/5] up consumer: 3 created (")
                .contains("central  | [3/5] up central: 3 created (")
                .contains("producer | [4/5] up producer (second run): nothing to do (3 same), skipped");
        assertThat(run.out().lines().filter(l -> l.matches("\\d .*")).toList()).as("the summary table's rows").hasSize(5)
                .anySatisfy(row -> assertThat(row).matches("1 +producer +done +\\d+ +3 created"))
                .anySatisfy(row -> assertThat(row).matches("3 +central +done +\\d+ +3 created"))
                .anySatisfy(row -> assertThat(row).matches("5 +consumer \\(second run\\) +skipped +\\d+ +3 same"));
    }

    @Test
    void aFailureLetsItsWaveFinishAndStartsNoOtherWave(@TempDir Path dir) throws Exception {
        Path bin = standIn(dir, SUCCEEDING + """
                touch "%1$s/start-$stack"
                case "$stack" in
                  producer) echo "error: the producer's bucket name is taken" >&2; touch "%1$s/failed"; exit 255;;
                  consumer) while [ ! -e "%1$s/failed" ]; do sleep 0.1; done; sleep 1;;
                esac
                """.formatted(dir));
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs", "--parallel", "2");

        assertEquals(ExitCode.STACK_FAILED.code(), run.exitCode(), run.out() + run.err());
        assertThat(dir.resolve("start-central")).as("the next wave did not start").doesNotExist();
        assertThat(run.out()).contains("producer | [1/5] up producer FAILED: error: the producer's bucket name is taken")
                .contains("consumer | [2/5] up consumer: 3 created (");
        assertThat(run.out().lines().filter(l -> l.matches("\\d .*")).toList())
                .anySatisfy(row -> assertThat(row).matches("1 +producer +FAILED +\\d+"))
                .anySatisfy(row -> assertThat(row).matches("2 +consumer +done +\\d+ +3 created"))
                .anySatisfy(row -> assertThat(row).matches("3 +central +not started"));
        assertThat(run.err()).contains("stopped at [1/5] up producer; the steps after it did not run")
                .contains("--no-policy-packs --parallel 2 --from 1\n");
    }

    @Test
    void oneAtATimeEachStepEndsBeforeTheNextStartsAndLinesCarryNoPrefix(@TempDir Path dir) throws Exception {
        Path order = dir.resolve("order");
        Path bin = standIn(dir, SUCCEEDING + """
                echo "start $stack" >> "%1$s"
                sleep 0.3
                echo "end $stack" >> "%1$s"
                """.formatted(order));
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs", "--parallel", "1");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertEquals(List.of("start producer", "end producer", "start consumer", "end consumer", "start central", "end central"),
                Files.readAllLines(order));
        assertThat(run.out()).contains("\n[1/5] up producer: 3 created (").doesNotContain(" | ").doesNotContain("wave")
                .endsWith("up: 5 step(s) done\n");
    }

    @Test
    void aSignalStopsEveryRunningCliAndNamesEachStep(@TempDir Path dir) throws Exception {
        Path bin = standIn(dir, """
                trap 'echo INT > "%1$s/got-$stack"; echo "^C received; cancelling."; exit 255' INT
                touch "%1$s/started-$stack"
                while :; do sleep 0.1; done
                """.formatted(dir));
        Process process = start(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs",
                "--parallel", "2");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!(Files.exists(dir.resolve("started-producer")) && Files.exists(dir.resolve("started-consumer")))
                && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(100);
        }
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        var run = finish(process, dir);

        assertEquals(ExitCode.TERMINATED.code(), run.exitCode(), run.out() + run.err());
        assertThat(dir.resolve("got-producer")).as("the producer's CLI was asked to cancel").hasContent("INT");
        assertThat(dir.resolve("got-consumer")).as("the consumer's CLI was asked to cancel").hasContent("INT");
        assertThat(run.err()).contains("[1/5] up producer: interrupted (SIGTERM)\n[2/5] up consumer: interrupted (SIGTERM)\n")
                .contains("--parallel 2 --from 1\n");
    }

    @Test
    void cliKilledAtOnceAreEachNamedWithTheCommandThatUnlocksTheirStack(@TempDir Path dir) throws Exception {
        Path bin = standIn(dir, """
                touch "%1$s/started-$stack"
                while [ ! -e "%1$s/started-producer" ] || [ ! -e "%1$s/started-consumer" ]; do sleep 0.1; done
                kill -KILL $$
                """.formatted(dir));
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs", "--parallel", "2");

        assertEquals(ExitCode.STACK_FAILED.code(), run.exitCode(), run.out() + run.err());
        assertThat(run.err()).contains("stopped at [1/5] up producer, [2/5] up consumer;").contains("--from 1")
                .contains("unlock it with:\n  pulumi -C '" + dir + "/my mesh'\\''s files' cancel --stack producer --yes\n")
                .contains("unlock it with:\n  pulumi -C '" + dir + "/my mesh'\\''s files' cancel --stack consumer --yes\n");
    }

    @Test
    void aFailedStackSelectPrintsTheClisOwnOutput(@TempDir Path dir) throws Exception {
        Path bin = standIn(dir, "exit 0\n");
        Files.writeString(bin.resolve("pulumi"), Files.readString(bin.resolve("pulumi")).replace(
                "\"stack select\"|\"stack init\") exit 0;;",
                "\"stack select\"|\"stack init\") echo 'error: failed to load checkpoint: the backend is unreachable' >&2; exit 255;;"));
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs");

        assertEquals(ExitCode.STACK_FAILED.code(), run.exitCode(), run.out() + run.err());
        // up selects or creates every stack before its first step, so the failure names the stack and no step starts.
        assertThat(run.out()).contains("error: failed to load checkpoint: the backend is unreachable\n"
                + "up: could not select or create stack producer (the Pulumi CLI's output is above); nothing was deployed.");
        assertThat(run.out()).doesNotContain("[1/5]").doesNotContain("code: 255");
    }

    @Test
    void withoutAPulumiCliOnPathTheRunSaysHowToInstallOne(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("empty"));
        var run = datamesh(bin, dir, "up", "--skip-preflight", "--dir", mesh(dir).toString(), "--no-policy-packs");

        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode(), run.out() + run.err());
        assertThat(run.err()).contains("no `pulumi` on PATH").contains("scripts/install-pulumi-tools.sh")
                .doesNotContain("IOException");
        assertThat(run.out()).doesNotContain("[1/");
    }

    @Test
    void destroySkipsAStackThatWasNeverCreated(@TempDir Path dir) throws Exception {
        Path bin = standIn(dir, "exit 0\n");
        Files.writeString(bin.resolve("pulumi"), Files.readString(bin.resolve("pulumi")).replace(
                "\"stack select\"|\"stack init\") exit 0;;",
                "\"stack select\") echo \"error: no stack named 'consumer' found\" >&2; exit 255;;"));
        var run = datamesh(bin, dir, "destroy", "--skip-preflight", "--dir", mesh(dir).toString(), "--stack", "consumer");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertThat(run.out()).contains("[1/1] destroy consumer: no such stack, skipped");
    }
}
