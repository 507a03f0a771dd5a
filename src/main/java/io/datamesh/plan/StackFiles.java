package io.datamesh.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.datamesh.config.RawStackConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Pulumi project directory the way the CLI would hand it to the program: the project name
 * from {@code Pulumi.yaml}, and each {@code Pulumi.<stack>.yaml}'s {@code config:} block flattened
 * to strings, structured values as JSON.
 */
public final class StackFiles {
    /** The organization of a local (file) backend: stack references there read {@code organization/<project>/<stack>}. */
    public static final String LOCAL_ORG = "organization";
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([A-Za-z0-9_.-]+)\\.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackFiles() {
    }

    /** A problem with the files themselves (missing, unreadable, not YAML): reported like config problems. */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message) {
            super(message);
        }
    }

    public static String projectName(Path dir) throws UnreadableException {
        Path file = dir.resolve("Pulumi.yaml");
        JsonNode project = read(file);
        JsonNode name = project.get("name");
        if (name == null || !name.isTextual()) {
            throw new UnreadableException(file + ": name: is required");
        }
        return name.asText();
    }

    /** Stack names found in the directory, sorted. */
    public static List<String> stackNames(Path dir) throws UnreadableException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> STACK_FILE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> m.group(1)).sorted().toList();
        } catch (IOException e) {
            throw new UnreadableException(dir + ": cannot list the directory (" + e.getMessage() + ")");
        }
    }

    public static RawStackConfig load(Path dir, String project, String stack) throws UnreadableException {
        Path file = dir.resolve("Pulumi." + stack + ".yaml");
        JsonNode config = read(file).path("config");
        Map<String, String> values = new LinkedHashMap<>();
        config.fields().forEachRemaining(e -> values.put(e.getKey(), flatten(e.getValue())));
        return new RawStackConfig(file.getFileName().toString(), LOCAL_ORG, project, stack, values);
    }

    private static String flatten(JsonNode value) {
        if (value.isContainerNode()) {
            try {
                return JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return value.asText();
    }

    /** SnakeYAML's message without its source excerpts: "while parsing a flow sequence, expected ',' or ']', but got :". */
    private static String yamlProblem(String message) {
        return message.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'") && !l.equals("^") && !l.startsWith("^"))
                .filter(l -> l.startsWith("while ") || l.startsWith("expected") || l.startsWith("found") || l.startsWith("mapping")
                        || l.startsWith("could not") || l.contains("but found") || l.contains("but got"))
                .collect(Collectors.joining(", "));
    }

    private static JsonNode read(Path file) throws UnreadableException {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableException(file + ": no such file");
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            // file:line:column, as editors and CI annotations read it.
            var at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new UnreadableException(file + where + ": not valid YAML (" + yamlProblem(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new UnreadableException(file + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
