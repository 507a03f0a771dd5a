package io.datamesh.deploy;

import com.pulumi.automation.events.EngineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The event log is followed line by line, also when the CLI is caught in the middle of writing one. */
class EventLogTailTest {

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void aLineWrittenInTwoPartsIsParsedOnceCompleteAndTheTailEndsAtTheCancelEvent(@TempDir Path dir) throws Exception {
        Path log = Files.createFile(dir.resolve("events.jsonl"));
        var events = new CopyOnWriteArrayList<EngineEvent>();
        String stdout = "{\"sequence\":1,\"timestamp\":1,\"stdoutEvent\":{\"message\":\"hello\",\"color\":\"never\"}}";
        try (var tail = new EventLogTail(log, events::add)) {
            append(log, stdout.substring(0, 30));
            Thread.sleep(300);   // the tail meets the end of the file inside the line
            assertEquals(List.of(), events);
            append(log, stdout.substring(30) + "\n\n");
            append(log, "{\"sequence\":2,\"timestamp\":2,\"cancelEvent\":{}}\n");
        }
        assertEquals(2, events.size());
        assertEquals("hello", events.get(0).standardOutputEvent().message());
        assertNotNull(events.get(1).cancelEvent());
    }

    /** The CLI can exit before its engine starts (no passphrase, a bad flag) or be killed: no cancel event follows. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void closingAfterTheCliExitedReadsWhatItWroteAndEndsWithoutACancelEvent(@TempDir Path dir) throws Exception {
        Path log = Files.createFile(dir.resolve("events.jsonl"));
        var events = new CopyOnWriteArrayList<EngineEvent>();
        try (var tail = new EventLogTail(log, events::add)) {
            append(log, "{\"sequence\":1,\"timestamp\":1,\"stdoutEvent\":{\"message\":\"hello\",\"color\":\"never\"}}\n");
            append(log, "{\"sequence\":2,");   // cut off mid-line by the kill
        }
        assertEquals(1, events.size());
        assertEquals("hello", events.get(0).standardOutputEvent().message());
    }
}
