package io.datamesh.deploy;

import com.pulumi.automation.events.EngineEvent;
import com.pulumi.automation.serialization.internal.LocalSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Follows the engine's event log while the CLI writes it, handing each event to a consumer until
 * the cancel event, the CLI's last. It replaces the SDK's {@code EventLogWatcher}, which reads with
 * {@code BufferedReader.readLine}: at the end of a line the CLI has not finished writing, readLine
 * returns the part written so far and the watcher fails on it (Gson {@code EOFException: End of
 * input ... path $.resOutputsEvent...}, met by the e2e on a loaded machine). Only lines that end
 * with a newline are parsed here.
 *
 * <p>It ends when the CLI has ended ({@link #close()}), with or without a cancel event: a CLI that exits
 * before its engine starts (no passphrase, a bad flag) or is killed never writes one, and waiting for it
 * hung the run (pulumi/pulumi#19539 fixed the same in the Python SDK's watcher).
 */
final class EventLogTail implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Future<?> following;
    private volatile boolean writerEnded;

    EventLogTail(Path file, Consumer<EngineEvent> onEvent) {
        following = executor.submit(() -> {
            follow(file, onEvent);
            return null;
        });
    }

    private void follow(Path file, Consumer<EngineEvent> onEvent) throws IOException, InterruptedException {
        var serializer = new LocalSerializer();
        var line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (var in = Files.newInputStream(file)) {
            while (true) {
                // Looked at before the read: an end of file met after the CLI ended is the end of all it wrote.
                boolean ended = writerEnded;
                int n = in.read(buffer);
                if (n < 0) {
                    if (ended) {
                        return;   // a line left without its newline was cut off by the CLI's end
                    }
                    Thread.sleep(100);   // end of what is written so far: the CLI appends more
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        line.write(buffer[i]);
                        continue;
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    EngineEvent event = text.isBlank() ? null : serializer.deserializeJson(text, EngineEvent.class);
                    if (event != null) {
                        onEvent.accept(event);
                        if (event.cancelEvent() != null) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /** Called once the CLI has ended: reads what it wrote up to the end, and rethrows what went wrong. */
    @Override
    public void close() throws Exception {
        writerEnded = true;
        try {
            following.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            executor.shutdown();
        }
    }
}
