package io.datamesh.deploy;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandRunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstalledCliTest {
    /** A CLI that does not stop when asked is still stopped, within the grace and the terminate grace. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCliThatIgnoresTheStopIsKilledAfterTheGrace(@TempDir Path dir) throws Exception {
        Path started = dir.resolve("started");
        Path pulumi = dir.resolve("pulumi");
        Files.writeString(pulumi, """
                #!/bin/sh
                [ "$1" = version ] && { echo v3.274.1; exit 0; }
                trap '' INT TERM
                touch "%s"
                while :; do sleep 0.1; done
                """.formatted(started));
        Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwxr-xr-x"));
        var cli = new InstalledCli(pulumi, Map.of("PATH", "/usr/bin:/bin"), Duration.ofMillis(500));
        var run = CompletableFuture.runAsync(() -> assertThrows(AutomationException.class,
                () -> cli.run(List.of("up"), CommandRunOptions.Empty)));
        while (!Files.exists(started)) {
            Thread.sleep(50);
        }
        long asked = System.nanoTime();
        cli.stop(false);
        run.get(30, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(15));
        assertEquals(128 + 9, cli.lastFailure().orElseThrow().code(), "killed");
    }
}
