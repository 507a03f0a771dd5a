package io.datamesh.config;

import io.datamesh.util.FileKinds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample files a producer uploads into its data bucket, which consumers then read: resolved
 * before any resource is registered, and only ever regular files inside the project (the directory
 * of {@code Pulumi.yaml}) after following symbolic links. A stack file is input a pull request can
 * change; a path that leaves the project would copy the deploying machine's files into a shared bucket.
 */
public final class SampleData {
    private static final String KEY = StackConfigParser.NS + "sampleDataDir";

    private SampleData() {
    }

    /**
     * One product's upload.
     *
     * @param directory where its files are looked for, for the warning when there is none
     * @param found     whether that directory exists
     * @param files     the regular files to upload, sorted
     */
    public record Upload(DataProduct product, Path directory, boolean found, List<Path> files) {
        public Upload {
            files = List.copyOf(files);
        }
    }

    /**
     * The uploads of every product, or every problem with the sample data's paths.
     *
     * @throws InvalidConfigException naming {@code source} and {@code datamesh:sampleDataDir}
     */
    public static List<Upload> resolve(Path projectDir, ProducerSettings settings, String source) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<Upload> uploads = resolve(projectDir, settings, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(source, problems);
        }
        return uploads;
    }

    static List<Upload> resolve(Path projectDir, ProducerSettings settings, List<ConfigProblem> problems) {
        String given = settings.sampleDataDir();
        Optional<Path> base = inProject(projectDir, given, problems);
        if (base.isEmpty() || !settings.uploadSampleData()) {
            return List.of();
        }
        Path dir = base.get();
        if (!Files.exists(dir)) {
            // The default directory may be absent (no samples); a directory named on purpose must exist.
            if (!given.equals(ProducerSettings.DEFAULT_SAMPLE_DATA_DIR)) {
                problems.add(new ConfigProblem(KEY, "'" + given + "' does not exist in the project (" + projectDir.toAbsolutePath()
                        + "); create it, fix the path, or set datamesh:uploadSampleData: false"));
            }
            return settings.dataProducts().stream().map(p -> new Upload(p, dir.resolve(p.name()), false, List.of())).toList();
        }
        if (!Files.isDirectory(dir)) {
            problems.add(new ConfigProblem(KEY, "'" + given + "' is a file, not a directory of <product>/ folders"));
            return List.of();
        }
        List<Upload> uploads = new ArrayList<>();
        for (DataProduct product : settings.dataProducts()) {
            Path productDir = dir.resolve(product.name());
            String shown = given + "/" + product.name();
            if (!Files.exists(productDir)) {
                uploads.add(new Upload(product, productDir, false, List.of()));
            } else if (insideProject(projectDir, productDir, shown, problems)) {
                if (!Files.isDirectory(productDir)) {
                    problems.add(new ConfigProblem(KEY, shown + ": is a file, not a directory of the product's files"));
                } else {
                    uploads.add(new Upload(product, productDir, true, files(projectDir, productDir, shown, problems)));
                }
            }
        }
        return uploads;
    }

    /** The directory a relative path names, when it stays inside the project as written and as linked. */
    private static Optional<Path> inProject(Path projectDir, String given, List<ConfigProblem> problems) {
        if (given.isBlank()) {
            problems.add(new ConfigProblem(KEY, "is empty; give a directory inside the project (default: "
                    + ProducerSettings.DEFAULT_SAMPLE_DATA_DIR + ")"));
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            problems.add(new ConfigProblem(KEY, "'" + given + "' is not a path (" + e.getReason() + ")"));
            return Optional.empty();
        }
        if (path.isAbsolute() || given.startsWith("/") || given.startsWith("\\") || given.matches("^[A-Za-z]:.*")) {
            problems.add(new ConfigProblem(KEY, "'" + given + "' is an absolute path: sample data is uploaded from inside the"
                    + " project only (the directory of Pulumi.yaml); give a path relative to it, e.g. sample-data"));
            return Optional.empty();
        }
        Path root = projectDir.toAbsolutePath().normalize();
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            problems.add(new ConfigProblem(KEY, "'" + given + "' climbs out of the project with '..': sample data is uploaded"
                    + " from inside the project only (the directory of Pulumi.yaml)"));
            return Optional.empty();
        }
        if (Files.exists(resolved) && !insideProject(projectDir, resolved, given, problems)) {
            return Optional.empty();
        }
        return Optional.of(projectDir.resolve(path).normalize());
    }

    /** Whether {@code path}, with every symbolic link on the way followed, is still inside the project. */
    private static boolean insideProject(Path projectDir, Path path, String shown, List<ConfigProblem> problems) {
        try {
            Path real = path.toRealPath();
            Path root = projectDir.toRealPath();
            if (!real.startsWith(root)) {
                problems.add(new ConfigProblem(KEY, shown + ": leads through a symbolic link to " + real + ", outside the"
                        + " project (" + root + "): only files inside the project are uploaded"));
                return false;
            }
            return true;
        } catch (IOException e) {
            problems.add(new ConfigProblem(KEY, shown + ": cannot be resolved (" + e.getMessage() + ")"));
            return false;
        }
    }

    /** The product directory's regular files; anything else in it is a problem, not silently skipped. */
    private static List<Path> files(Path projectDir, Path productDir, String shown, List<ConfigProblem> problems) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(productDir)) {
            for (Path file : entries.sorted().toList()) {
                String name = file.getFileName().toString();
                String at = shown + "/" + printable(name);
                if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                    problems.add(new ConfigProblem(KEY, at + ": its name has a control character; it would become an S3"
                            + " key and a resource name: rename it"));
                } else if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                    problems.add(new ConfigProblem(KEY, at + ": is a symbolic link to nothing; remove it"));
                } else if (insideProject(projectDir, file, at, problems)) {
                    if (Files.isDirectory(file)) {
                        problems.add(new ConfigProblem(KEY, at + ": is a directory; sample data is uploaded one level deep"
                                + " (files directly in " + shown + "/): move its files up or remove it"));
                    } else {
                        FileKinds.notARegularFile(file).ifPresentOrElse(
                                kind -> problems.add(new ConfigProblem(KEY, at + ": " + kind + "; only regular files are uploaded")),
                                () -> files.add(file));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new ConfigProblem(KEY, shown + ": cannot be listed (" + e.getMessage() + ")"));
        }
        return files;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7F ? String.format("\\u%04X", c) : Character.toString(c)));
        return out.toString();
    }
}
