package io.datamesh.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The rule for every path a stack file names: relative to the project (the directory of
 * {@code Pulumi.yaml}), and still inside it as written and after following symbolic links. A stack
 * file is input a pull request can change; a path that leaves the project would read the deploying
 * machine's files.
 *
 * @param key        the config key naming the paths, for the problems
 * @param readOnly   what is read from inside the project only, e.g. "sample data is uploaded"
 * @param example    a relative path to suggest
 * @param insideOnly what follows from the rule, e.g. "only files inside the project are uploaded"
 */
record ProjectPaths(Path projectDir, String key, String readOnly, String example, String insideOnly) {
    /** The path a relative name gives, when it stays inside the project as written and as linked. */
    Optional<Path> inProject(String given, List<ConfigProblem> problems) {
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            problems.add(new ConfigProblem(key, "'" + given + "' is not a path (" + e.getReason() + ")"));
            return Optional.empty();
        }
        if (path.isAbsolute() || given.startsWith("/") || given.startsWith("\\") || given.matches("^[A-Za-z]:.*")) {
            problems.add(new ConfigProblem(key, "'" + given + "' is an absolute path: " + readOnly + " from inside the"
                    + " project only (the directory of Pulumi.yaml); give a path relative to it, e.g. " + example));
            return Optional.empty();
        }
        Path root = projectDir.toAbsolutePath().normalize();
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            problems.add(new ConfigProblem(key, "'" + given + "' climbs out of the project with '..': " + readOnly
                    + " from inside the project only (the directory of Pulumi.yaml)"));
            return Optional.empty();
        }
        if (Files.exists(resolved) && !insideProject(resolved, given, problems)) {
            return Optional.empty();
        }
        return Optional.of(projectDir.resolve(path).normalize());
    }

    /** Whether {@code path}, with every symbolic link on the way followed, is still inside the project. */
    boolean insideProject(Path path, String shown, List<ConfigProblem> problems) {
        try {
            Path real = path.toRealPath();
            Path root = projectDir.toRealPath();
            if (!real.startsWith(root)) {
                problems.add(new ConfigProblem(key, shown + ": leads through a symbolic link to " + real + ", outside the"
                        + " project (" + root + "): " + insideOnly));
                return false;
            }
            return true;
        } catch (IOException e) {
            problems.add(new ConfigProblem(key, shown + ": cannot be resolved (" + e.getMessage() + ")"));
            return false;
        }
    }
}
