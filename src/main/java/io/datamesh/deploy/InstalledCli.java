package io.datamesh.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.ConcurrentUpdateException;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.StackAlreadyExistsException;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.Version;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The installed {@code pulumi} CLI as the Automation API drives it. It runs the CLI itself instead of
 * through the SDK's {@code LocalPulumiCommand} (1.36.1), which looks {@code pulumi} up on the JVM's own
 * PATH and fails with a bare {@code IOException}, keeps no handle on the process (a signal to us could
 * not reach it: the CLI died of SIGPIPE with the stack locked), and leaves the output of the commands it
 * runs silently ({@code stack select}) inside an exception text. Besides, three corrections: the SDK
 * spells the CLI's {@code --policy-pack-config} flag {@code --policy-pack-configs}, which the CLI
 * rejects. It reads {@code pulumi stack output --json} (after every up) as string values only and fails
 * on this mesh's object outputs (Gson: "Expected a string but was BEGIN_OBJECT"): it is handed each
 * value's JSON text instead — the mesh reads outputs through stack references, never through the SDK.
 * The commands it runs on a stack name it ({@link #target}): the SDK leaves that to the project's
 * selected stack, which steps run at once would change under each other. And the engine's event log of
 * an operation can be kept in a file of ours, with the policy summaries the SDK's parsed events drop
 * (which rules passed per resource: what shows the packs ran).
 */
final class InstalledCli implements PulumiCommand {
    /** How long a CLI asked to cancel may take to finish the resource operations in flight. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);
    /** After a second ^C the CLI stops at once; this long, then it is killed. */
    private static final Duration TERMINATE_GRACE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    // The SDK's own mapping of CLI errors to exceptions (LocalPulumiCommand.createExceptionFromResult is
    // package-private): WorkspaceStack.createOrSelect needs StackNotFoundException to create a stack.
    private static final Pattern NOT_FOUND = Pattern.compile("no stack named.*found");
    private static final Pattern ALREADY_EXISTS = Pattern.compile("stack.*already exists");
    private static final List<String> LOCKED = List.of("[409] Conflict: Another update is currently in progress.",
            "the stack is currently locked by");

    static final String NOT_ON_PATH = "no `pulumi` on PATH: build the CLI and the Java language host with"
            + " scripts/install-pulumi-tools.sh and put its bin directory first on PATH (export"
            + " PATH=\"$(scripts/install-pulumi-tools.sh | tail -1):$PATH\"), or install the CLI"
            + " (https://www.pulumi.com/docs/install/)";

    private final Path executable;
    private final List<String> ownProcessGroup;
    private final Map<String, String> environment;
    private final Duration stopGrace;
    private final Version version;
    private Path next;
    private String stack;
    private CommandResult lastFailure;
    private volatile Process running;
    private int stopsAsked;
    private boolean stopRequested;

    InstalledCli(Path executable, Map<String, String> environment, Duration stopGrace) throws AutomationException {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.stopGrace = stopGrace;
        // In a process group of its own, a ^C at the terminal reaches the CLI once, through us: a second
        // SIGINT from the terminal's group would make it terminate at once instead of cancelling.
        this.ownProcessGroup = find("setsid", environment).map(p -> List.of(p.toString())).orElse(List.of());
        this.version = readVersion();
    }

    /** The {@code pulumi} first on the PATH of {@code environment}, which the CLI also runs with. */
    static InstalledCli onPath(Map<String, String> environment) throws AutomationException {
        Path pulumi = locate(environment).orElseThrow(() -> new AutomationException(NOT_ON_PATH));
        return new InstalledCli(pulumi, environment, STOP_GRACE);
    }

    static Optional<Path> locate(Map<String, String> environment) {
        return find("pulumi", environment);
    }

    private static Optional<Path> find(String program, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private Version readVersion() throws AutomationException {
        CommandResult result = execute(List.of("version"), CommandRunOptions.Empty, null);
        String text = result.standardOutput().strip();
        return Version.tryParse(text.startsWith("v") ? text.substring(1) : text).orElseThrow(() ->
                new AutomationException(executable + " version: not a version: " + text));
    }

    /**
     * The commands that act on the selected stack, which the SDK (1.36.1) runs without {@code --stack}
     * for up, preview, destroy and history: they then act on whatever stack the project's workspace file
     * selects — the one another CLI of the same project selected last when steps run at once.
     */
    private static final List<List<String>> ON_THE_SELECTED_STACK = List.of(List.of("up"), List.of("preview"),
            List.of("destroy"), List.of("refresh"), List.of("cancel"), List.of("stack", "history"), List.of("stack", "output"));

    /** The stack the commands after this act on, named to each ({@code --stack}) instead of left to the selection. */
    void target(String stack) {
        this.stack = stack;
    }

    /** Another CLI of the same executable and environment, for a command run beside this one's. */
    InstalledCli another() throws AutomationException {
        return new InstalledCli(executable, environment, stopGrace);
    }

    /** The file the next operation that listens to engine events writes its event log to. */
    void keepNextEventLog(Path file) {
        next = file;
    }

    /** What the last command wrote if it failed: the SDK runs some (stack select) without showing it. */
    Optional<CommandResult> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /**
     * Asks the running CLI to stop as a ^C does: it cancels, finishing the resource operations in flight
     * (and releasing the stack's lock). Asked again, or after the grace, it terminates at once; if even
     * that does not end it, it is killed — then the stack stays locked ({@code pulumi cancel}). Once asked,
     * it starts no command any more: a step about to start when the run was interrupted does not.
     *
     * @param terminalSignal a ^C at the terminal: it reached the CLI too unless it runs in its own process group
     */
    synchronized void stop(boolean terminalSignal) {
        stopRequested = true;
        Process process = running;
        if (process == null) {
            return;
        }
        stopsAsked++;
        if (!(terminalSignal && ownProcessGroup.isEmpty())) {
            interrupt(process);
        }
        if (stopsAsked > 1) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                    interrupt(process);
                    if (!process.waitFor(TERMINATE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pulumi-stop");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** SIGINT, which Java cannot send itself (Process.destroy sends SIGTERM). */
    private static void interrupt(Process process) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            process.destroy();   // no kill(1): SIGTERM, which the CLI also takes as a request to cancel
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Version version() {
        return version;
    }

    @Override
    public CommandResult run(List<String> sdkArgs, CommandRunOptions options) throws AutomationException {
        List<String> args = new ArrayList<>(sdkArgs.stream()
                .map(a -> a.equals("--policy-pack-configs") ? "--policy-pack-config" : a).toList());
        if (stack != null && !args.contains("--stack")
                && ON_THE_SELECTED_STACK.stream().anyMatch(c -> args.size() >= c.size() && args.subList(0, c.size()).equals(c))) {
            args.add("--stack");
            args.add(stack);
        }
        // Every command fails instead of prompting (and so hanging), as the SDK runs them.
        if (!args.contains("--non-interactive")) {
            args.add("--non-interactive");
        }
        if (args.size() >= 3 && args.get(0).equals("stack") && args.get(1).equals("output") && args.contains("--json")) {
            return outputsAsText(execute(args, options, null));
        }
        if (options == null || options.onEngineEvent() == null) {
            return execute(args, options, null);
        }
        Path kept = next;
        next = null;
        Path file;
        try {
            if (kept != null) {
                Files.createDirectories(kept.toAbsolutePath().getParent());
                Files.deleteIfExists(kept);
                file = Files.createFile(kept);
            } else {
                file = Files.createTempFile("datamesh-events-", ".jsonl");
            }
        } catch (IOException e) {
            throw new AutomationException("cannot write the event log " + kept + ": " + e.getMessage(), e);
        }
        args.add("--event-log");
        args.add(file.toAbsolutePath().toString());
        try {
            return execute(args, options, new EventLogTail(file, options.onEngineEvent()));
        } finally {
            if (kept == null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind harms nothing
                }
            }
        }
    }

    private CommandResult execute(List<String> args, CommandRunOptions options, EventLogTail tail) throws AutomationException {
        lastFailure = null;
        List<String> command = new ArrayList<>(ownProcessGroup);
        command.add(executable.toString());
        command.addAll(args);
        var builder = new ProcessBuilder(command);
        if (options != null && options.workingDir() != null) {
            builder.directory(options.workingDir().toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (options != null && options.additionalEnv() != null) {
            builder.environment().putAll(options.additionalEnv());
        }
        if (tail != null) {
            builder.environment().put("PULUMI_DEBUG_COMMANDS", "true");   // the CLI accepts --event-log only with it
        }
        Process process;
        synchronized (this) {
            if (stopRequested) {
                closeQuietly(tail);
                throw new AutomationException("stopped: `pulumi " + String.join(" ", args) + "` was not started");
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                closeQuietly(tail);
                throw new AutomationException("cannot run " + executable + ": " + e.getMessage(), e);
            }
            running = process;
            stopsAsked = 0;
        }
        try {
            try (var stdin = process.getOutputStream()) {
                if (options != null && options.standardInput() != null) {
                    stdin.write(options.standardInput().getBytes(StandardCharsets.UTF_8));
                }
            }
            var stdout = lines(process.getInputStream(), options == null ? null : options.onStandardOutput());
            var stderr = lines(process.getErrorStream(), options == null ? null : options.onStandardError());
            int code = process.waitFor();
            var result = new CommandResult(code, stdout.join(), stderr.join());
            if (code != 0) {
                lastFailure = result;
                throw failure(result);
            }
            if (tail != null) {
                tail.close();   // a log the CLI wrote wrong fails the command that succeeded
            }
            return result;
        } catch (AutomationException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AutomationException(e);
        } catch (Exception e) {
            throw new AutomationException(e);
        } finally {
            closeQuietly(tail);
            running = null;
        }
    }

    private static void closeQuietly(EventLogTail tail) {
        if (tail == null) {
            return;
        }
        try {
            tail.close();
        } catch (Exception e) {
            // the failure that ended the command is the one to report
        }
    }

    private static CompletableFuture<String> lines(InputStream in, Consumer<String> onLine) {
        return CompletableFuture.supplyAsync(() -> {
            var text = new StringBuilder();
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    text.append(line).append('\n');
                    if (onLine != null) {
                        onLine.accept(line);
                    }
                }
                return text.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static CommandException failure(CommandResult result) {
        String err = result.standardError();
        if (NOT_FOUND.matcher(err).find()) {
            return new StackNotFoundException(result);
        }
        if (ALREADY_EXISTS.matcher(err).find()) {
            return new StackAlreadyExistsException(result);
        }
        if (LOCKED.stream().anyMatch(err::contains)) {
            return new ConcurrentUpdateException(result);
        }
        return new CommandException(result);
    }

    private static CommandResult outputsAsText(CommandResult result) throws AutomationException {
        if (result.standardOutput().isBlank()) {
            return result;
        }
        try {
            JsonNode outputs = JSON.readTree(result.standardOutput());
            ObjectNode asText = JSON.createObjectNode();
            outputs.fields().forEachRemaining(e -> asText.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            return new CommandResult(result.code(), JSON.writeValueAsString(asText), result.standardError());
        } catch (IOException e) {
            throw new AutomationException("pulumi stack output --json: not JSON (" + e.getMessage() + ")", e);
        }
    }
}
