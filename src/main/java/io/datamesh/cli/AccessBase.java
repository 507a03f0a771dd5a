package io.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.access.PlanAccess;
import io.datamesh.resource.PlannedResource;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.PolicyFinding;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The base an access diff compares with: a directory of stack files (planned like the head), a
 * plan JSON written by {@code plan --json} (its resources and its policy verdicts, as recorded),
 * or a git revision (its stack files, checked out with {@code git archive} into a temporary
 * directory, then planned).
 */
final class AccessBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessBase() {
    }

    /**
     * @param headDir the head's mesh directory: for a revision, the same directory in that revision is planned
     * @param access  plans a directory and applies the policies, as for the head
     */
    static PlanAccess load(String base, Path headDir, PrintWriter err, Function<Path, PlanAccess> access) {
        Path path = Path.of(base);
        if (Files.isDirectory(path)) {
            return access.apply(path);
        }
        if (Files.isRegularFile(path)) {
            return fromPlanJson(path, err);
        }
        return fromRevision(base, headDir, err, access);
    }

    private static PlanAccess fromPlanJson(Path file, PrintWriter err) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw fail(err, file + ": not a plan JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.path("stacks").isArray()) {
            throw fail(err, file + ": not a plan JSON written by `./datamesh plan --json` (no \"stacks\")");
        }
        List<PlanAccess.PlannedStack> stacks = new ArrayList<>();
        Map<String, List<PolicyFinding>> findings = new LinkedHashMap<>();
        for (JsonNode stack : root.path("stacks")) {
            String name = stack.path("stack").asText();
            if (!stack.path("account").isTextual()) {
                throw fail(err, file + ": stack " + name + " has no \"account\"; write the plan again with this"
                        + " version's `./datamesh plan --json`");
            }
            if (stack.path("errors").size() > 0) {
                throw fail(err, file + ": stack " + name + " failed to plan in this plan (" + stack.path("errors").get(0).asText()
                        + "); the base must be a complete plan");
            }
            List<PlannedResource> resources = new ArrayList<>();
            for (JsonNode r : stack.path("resources")) {
                Map<String, Object> inputs = JSON.convertValue(r.path("inputs"), JSON.getTypeFactory()
                        .constructMapType(LinkedHashMap.class, String.class, Object.class));
                resources.add(new PlannedResource(r.path("urn").asText(), r.path("type").asText(), r.path("name").asText(),
                        Optional.ofNullable(r.path("parent").textValue()), inputs == null ? Map.of() : inputs));
            }
            stacks.add(new PlanAccess.PlannedStack(name, stack.path("account").asText(), resources));
            List<PolicyFinding> stackFindings = new ArrayList<>();
            for (JsonNode f : stack.path("policy")) {
                stackFindings.add(new PolicyFinding(f.path("pack").asText(), f.path("policy").asText(),
                        EnforcementLevel.fromConfigName(f.path("level").asText()), f.path("urn").asText(), f.path("message").asText()));
            }
            findings.put(name, stackFindings);
        }
        return PlanAccess.of(stacks, findings);
    }

    private static PlanAccess fromRevision(String revision, Path headDir, PrintWriter err, Function<Path, PlanAccess> access) {
        Path dir = headDir.toAbsolutePath().normalize();
        Optional<Path> root = git(Files.isDirectory(dir) ? dir : Path.of("."), "rev-parse", "--show-toplevel")
                .or(() -> git(Path.of("."), "rev-parse", "--show-toplevel")).map(t -> Path.of(t.strip()));
        if (root.isEmpty()) {
            throw fail(err, "--base " + revision + ": not a directory, a plan JSON file, nor (outside a git repository) a git revision");
        }
        if (git(root.get(), "rev-parse", "--verify", "--quiet", revision + "^{commit}").isEmpty()) {
            throw fail(err, "--base " + revision + ": not a directory, a plan JSON file, nor a revision of " + root.get());
        }
        // The head's directory inside the repository; a copy outside it (--dir /tmp/x) compares with the working directory's.
        Path inside = dir.startsWith(root.get()) ? dir : Path.of("").toAbsolutePath().normalize();
        String relative = inside.startsWith(root.get()) ? root.get().relativize(inside).toString() : "";
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("datamesh-base-");
            Path tar = tmp.resolve("base.tar");
            List<String> archive = new ArrayList<>(List.of("archive", "--format=tar", "-o", tar.toString(), revision));
            if (!relative.isEmpty()) {
                archive.addAll(List.of("--", relative));
            }
            if (git(root.get(), archive.toArray(String[]::new)).isEmpty()
                    || run(tmp, "tar", "-xf", tar.toString(), "-C", tmp.toString()).isEmpty()) {
                throw fail(err, "--base " + revision + ": cannot check out " + (relative.isEmpty() ? "the repository" : relative)
                        + " at that revision");
            }
            return access.apply(relative.isEmpty() ? tmp : tmp.resolve(relative));
        } catch (IOException e) {
            throw fail(err, "--base " + revision + ": " + e.getMessage());
        } finally {
            delete(tmp);
        }
    }

    private static Optional<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        return run(dir, command.toArray(String[]::new));
    }

    /** The command's standard output when it succeeds. */
    private static Optional<String> run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    private static CommandFailure fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return new CommandFailure(ExitCode.INVALID_INPUT.code());
    }
}
