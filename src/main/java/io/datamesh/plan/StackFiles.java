package io.datamesh.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.config.RawStackConfig;
import io.datamesh.util.NearestNames;
import io.datamesh.util.YamlFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Pulumi project directory the way the CLI would hand it to the program: the project name
 * from {@code Pulumi.yaml}, and each {@code Pulumi.<stack>.yaml}'s {@code config:} block flattened
 * to strings, structured values as JSON. A file the CLI would skip or refuse, that a user meant as
 * a stack, is a problem here, never silently a smaller mesh.
 */
public final class StackFiles {
    /** The organization of a local (file) backend: stack references there read {@code organization/<project>/<stack>}. */
    public static final String LOCAL_ORG = "organization";
    public static final String PROJECT_FILE = "Pulumi.yaml";
    /** Anything that looks like a stack file of some project, in any case and with any Pulumi extension. */
    private static final Pattern STACK_FILE_LIKE = Pattern.compile("(?i)(pulumi)\\.(.*)\\.(yaml|yml|json)");
    /** Pulumi's own rule (sdk/go/common/tokens/names.go, stack_name.go): the same for project and stack names. */
    private static final Pattern PULUMI_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    /** Keys of a stack file Pulumi reads besides config (sdk/go/common/workspace/project.go, ProjectStack). */
    private static final Set<String> STACK_FILE_KEYS = Set.of("config", "secretsprovider", "encryptedkey", "encryptionsalt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackFiles() {
    }

    /** A problem with the files themselves (missing, unreadable, not YAML): reported like config problems. */
    public static final class UnreadableException extends Exception {
        public UnreadableException(List<String> problems) {
            super(String.join("\n", problems));
        }
    }

    /**
     * A project directory as read.
     *
     * @param stacks   every stack file that could be read
     * @param present  every stack that has a file, readable or not: a reference to one that cannot be
     *                 read is not a reference to nothing
     */
    public record Project(String name, Map<String, RawStackConfig> stacks, Set<String> present) {
    }

    /**
     * The project and its stacks, adding every problem with any file to {@code problems}: the
     * project file's, each stack file's, and files meant as stack files that Pulumi would not read.
     */
    public static Project read(Path dir, List<String> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": " + (Files.exists(dir) ? "is a file, not a directory" : "no such directory")
                    + " (--dir names the directory of " + PROJECT_FILE + ")");
            return new Project("", Map.of(), Set.of());
        }
        String project = project(dir, problems);
        Map<String, RawStackConfig> stacks = new LinkedHashMap<>();
        List<String> present = stackNames(dir, problems);
        for (String stack : present) {
            load(dir, project, stack, problems).ifPresent(raw -> stacks.put(stack, raw));
        }
        return new Project(project, stacks, Set.copyOf(present));
    }

    public static String projectName(Path dir) throws UnreadableException {
        List<String> problems = new ArrayList<>();
        String name = project(dir, problems);
        throwIfAny(problems);
        return name;
    }

    /** Stack names found in the directory, sorted. */
    public static List<String> stackNames(Path dir) throws UnreadableException {
        List<String> problems = new ArrayList<>();
        List<String> names = stackNames(dir, problems);
        throwIfAny(problems);
        return names;
    }

    public static RawStackConfig load(Path dir, String project, String stack) throws UnreadableException {
        List<String> problems = new ArrayList<>();
        Optional<RawStackConfig> raw = load(dir, project, stack, problems);
        throwIfAny(problems);
        return raw.orElseThrow();
    }

    /** The file name a stack of this project must have. */
    public static String fileOf(String stack) {
        return "Pulumi." + stack + ".yaml";
    }

    private static void throwIfAny(List<String> problems) throws UnreadableException {
        if (!problems.isEmpty()) {
            throw new UnreadableException(problems);
        }
    }

    /** The project's name, after checking that {@code Pulumi.yaml} is a Java project the mesh can read. */
    private static String project(Path dir, List<String> problems) {
        Path file = dir.resolve(PROJECT_FILE);
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            Optional<String> other = Stream.of("Pulumi.yml", "Pulumi.json").filter(f -> Files.exists(dir.resolve(f))).findFirst();
            problems.add(other.map(f -> f + ": the mesh reads its project from " + PROJECT_FILE + " (and Pulumi then reads"
                            + " stack files as Pulumi.<stack>.yaml): rename it to " + PROJECT_FILE)
                    .orElse(dir + ": no " + PROJECT_FILE + "; --dir must be the project directory (the one with "
                            + PROJECT_FILE + " and the Pulumi.<stack>.yaml files)"));
            return "";
        }
        // The path as --dir gives it: an editor or a CI annotation opens file:line:column.
        JsonNode root = YamlFile.read(file, file.toString(), problems).orElse(null);
        if (root == null) {
            return "";
        }
        if (!root.isObject()) {
            problems.add(PROJECT_FILE + ": must be a map with name: and runtime: java, got " + shape(root));
            return "";
        }
        JsonNode name = root.path("name");
        String project = name.isTextual() ? name.asText() : "";
        if (!name.isTextual()) {
            problems.add(PROJECT_FILE + ": name: is required (the project's name; stack references read <org>/<name>/<stack>)");
        } else if (!PULUMI_NAME.matcher(project).matches()) {
            problems.add(PROJECT_FILE + ": name: '" + project + "' is not a name Pulumi accepts: project names may only contain"
                    + " alphanumerics, hyphens, underscores, and periods, at most 100 (Pulumi's tokens.ValidateProjectName)");
        }
        JsonNode runtime = root.path("runtime").isObject() ? root.path("runtime").path("name") : root.path("runtime");
        if (!runtime.isTextual() || !runtime.asText().equals("java")) {
            problems.add(PROJECT_FILE + ": runtime: " + (runtime.isMissingNode() ? "is required" : "'" + runtime.asText() + "'")
                    + ": the mesh is a Java program, so the runtime must be java (the policy packs and the plan run this program)");
        }
        if (root.has("config")) {
            problems.add(PROJECT_FILE + ": config: project-level config is not read by the mesh: Pulumi would merge it into"
                    + " every stack, of every role, and the offline plan would have to re-implement that merge (typed"
                    + " declarations, defaults, the project's namespace) to show the same values; move each key into the"
                    + " Pulumi.<stack>.yaml files that need it");
        }
        if (root.has("stackConfigDir")) {
            problems.add(PROJECT_FILE + ": stackConfigDir: the mesh reads its stack files next to " + PROJECT_FILE
                    + "; move them here and remove the key");
        }
        return project;
    }

    /**
     * The stacks of the directory, sorted. A file meant as a stack file that Pulumi would not read as
     * one (another extension or case, a stack name Pulumi refuses) is a problem: left out, it would
     * take a domain's access with it.
     */
    private static List<String> stackNames(Path dir, List<String> problems) {
        Map<String, String> stacks = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (String file : files.map(p -> p.getFileName().toString()).sorted().toList()) {
                Matcher m = STACK_FILE_LIKE.matcher(file);
                if (!m.matches() || m.group(2).isEmpty()) {
                    continue;
                }
                String stack = m.group(2);
                if (!m.group(1).equals("Pulumi") || !m.group(3).equals("yaml")) {
                    problems.add(file + ": Pulumi reads this project's stack files only as " + fileOf(stack)
                            + " (capital P, .yaml, the project file's extension); as it is, Pulumi and the plan would leave"
                            + " stack '" + stack + "' out: rename it to " + fileOf(stack));
                } else if (!PULUMI_NAME.matcher(stack).matches()) {
                    problems.add(file + ": '" + stack + "' is not a stack name Pulumi accepts: a stack name may only contain"
                            + " alphanumerics, hyphens, underscores, or periods" + invalidCharacter(stack)
                            + ", at most 100 (Pulumi's tokens.ParseStackName): rename the file");
                } else {
                    stacks.put(stack, file);
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": cannot list the directory (" + e.getMessage() + ")");
        }
        return List.copyOf(stacks.keySet());
    }

    private static String invalidCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!PULUMI_NAME.matcher(String.valueOf(c)).matches()) {
                return ": '" + (Character.isISOControl(c) || Character.isWhitespace(c)
                        ? String.format("U+%04X", (int) c) : String.valueOf(c)) + "' at position " + i;
            }
        }
        return "";
    }

    private static Optional<RawStackConfig> load(Path dir, String project, String stack, List<String> problems) {
        String name = fileOf(stack);
        Optional<JsonNode> document = YamlFile.read(dir.resolve(name), dir.resolve(name).toString(), problems);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = document.get();
        if (!root.isObject()) {
            problems.add(name + ": must be a map with a config: key (the stack's settings), got " + shape(root));
            return Optional.empty();
        }
        int before = problems.size();
        root.fieldNames().forEachRemaining(key -> {
            if (key.equals("environment")) {
                problems.add(name + ": environment: Pulumi ESC environments are not read by the offline plan, verify or up's"
                        + " checks, so their values would differ from what pulumi up sees; put the settings into config:");
            } else if (key.contains(":")) {
                problems.add(name + ": " + key + ": is outside config:, where Pulumi does not read it: indent it under config:");
            } else if (!STACK_FILE_KEYS.contains(key)) {
                problems.add(name + ": " + key + ": is not a key of a Pulumi stack file"
                        + NearestNames.likelyMeant(key, STACK_FILE_KEYS).map(k -> "; did you mean " + k + "?").orElse("")
                        + " (the settings go under config:)");
            }
        });
        JsonNode config = root.path("config");
        if (!config.isMissingNode() && !config.isNull() && !config.isObject()) {
            problems.add(name + ": config: must be a map of <namespace>:<key> settings, got " + shape(config));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        config.fields().forEachRemaining(e -> values.put(pulumiKey(e.getKey()), flatten(e.getValue())));
        return Optional.of(new RawStackConfig(name, LOCAL_ORG, project, stack, values));
    }

    /** Pulumi still reads the old {@code <namespace>:config:<name>} form as {@code <namespace>:<name>} (config/key.go). */
    private static String pulumiKey(String key) {
        String[] parts = key.split(":", -1);
        return parts.length == 3 && parts[1].equals("config") ? parts[0] + ":" + parts[2] : key;
    }

    private static String shape(JsonNode node) {
        return node.isArray() ? "a list" : node.isNull() ? "nothing" : "'" + node.asText() + "'";
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
}
