package io.datamesh.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.Version;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The installed CLI as the Automation API drives it, with three corrections. The SDK (1.36.1) spells
 * the CLI's {@code --policy-pack-config} flag {@code --policy-pack-configs}, which the CLI rejects.
 * It reads {@code pulumi stack output --json} (after every up) as string values only and fails on
 * this mesh's object outputs (Gson: "Expected a string but was BEGIN_OBJECT"): it is handed each
 * value's JSON text instead — the mesh reads outputs through stack references, never through the
 * SDK. And the engine's event log of the next operation can be kept in a file of ours — the SDK writes
 * it to a temporary file it deletes, and its parsed events drop the policy summaries (which rules
 * passed per resource), which are what shows the packs ran.
 */
final class InstalledCli implements PulumiCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PulumiCommand cli;
    private Path next;

    InstalledCli(PulumiCommand cli) {
        this.cli = cli;
    }

    /** The file the next operation that listens to engine events writes its event log to. */
    void keepNextEventLog(Path file) {
        next = file;
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

    @Override
    public Version version() {
        return cli.version();
    }

    @Override
    public CommandResult run(List<String> sdkArgs, CommandRunOptions options) throws AutomationException {
        List<String> args = sdkArgs.stream().map(a -> a.equals("--policy-pack-configs") ? "--policy-pack-config" : a).toList();
        if (args.size() >= 3 && args.get(0).equals("stack") && args.get(1).equals("output") && args.contains("--json")) {
            return outputsAsText(cli.run(args, options));
        }
        if (next == null || options == null || options.onEngineEvent() == null) {
            return cli.run(args, options);
        }
        Path file = next;
        next = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
        } catch (IOException e) {
            throw new AutomationException("cannot write the event log " + file + ": " + e.getMessage(), e);
        }
        List<String> withLog = new ArrayList<>(args);
        withLog.add("--event-log");
        withLog.add(file.toAbsolutePath().toString());
        var env = new HashMap<String, String>();
        if (options.additionalEnv() != null) {
            env.putAll(options.additionalEnv());
        }
        env.put("PULUMI_DEBUG_COMMANDS", "true");   // the CLI accepts --event-log only with it (cmd/pulumi/operations/up.go)
        var withoutEvents = CommandRunOptions.builder().workingDir(options.workingDir()).additionalEnv(env)
                .standardInput(options.standardInput()).onStandardOutput(options.onStandardOutput())
                .onStandardError(options.onStandardError()).build();
        try (var watcher = new EventLogTail(file, options.onEngineEvent())) {
            return cli.run(withLog, withoutEvents);
        } catch (AutomationException e) {
            throw e;
        } catch (Exception e) {
            throw new AutomationException(e);
        }
    }
}
