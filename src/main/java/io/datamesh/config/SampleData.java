package io.datamesh.config;

import io.datamesh.util.FileKinds;

import java.io.IOException;
import java.nio.file.Files;
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
        if (given.isBlank()) {
            problems.add(new ConfigProblem(KEY, "is empty; give a directory inside the project (default: "
                    + ProducerSettings.DEFAULT_SAMPLE_DATA_DIR + ")"));
            return List.of();
        }
        ProjectPaths paths = paths(projectDir);
        Optional<Path> base = paths.inProject(given, problems);
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
            } else if (paths.insideProject(productDir, shown, problems)) {
                if (!Files.isDirectory(productDir)) {
                    problems.add(new ConfigProblem(KEY, shown + ": is a file, not a directory of the product's files"));
                } else {
                    uploads.add(new Upload(product, productDir, true, files(paths, productDir, shown, problems)));
                }
            }
        }
        return uploads;
    }

    private static ProjectPaths paths(Path projectDir) {
        return new ProjectPaths(projectDir, KEY, "sample data is uploaded", "sample-data",
                "only files inside the project are uploaded");
    }

    /** The product directory's regular files; anything else in it is a problem, not silently skipped. */
    private static List<Path> files(ProjectPaths paths, Path productDir, String shown, List<ConfigProblem> problems) {
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
                } else if (paths.insideProject(file, at, problems)) {
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
