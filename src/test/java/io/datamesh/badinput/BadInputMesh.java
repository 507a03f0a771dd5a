package io.datamesh.badinput;

import io.datamesh.plan.SampleMesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A copy of the sample project (stack files and sample data) in a directory of its own, to break
 * the way a careless or hostile user would. Edits are on the files' text, so that what the corpus
 * feeds the CLI is exactly what a user could have written, comments and key order included.
 */
public final class BadInputMesh {
    private final Path root;

    private BadInputMesh(Path root) {
        this.root = root;
    }

    /** The project in {@code dir/project}, so a case can reach outside it into {@code dir}. */
    public static BadInputMesh copyOfSamples(Path dir) {
        Path root = dir.resolve("project");
        try {
            Files.createDirectories(root);
            SampleMesh.copyTo(root);
            try (Stream<Path> files = Files.walk(SampleMesh.ROOT.resolve("sample-data"))) {
                for (Path source : files.sorted().toList()) {
                    Path target = root.resolve(SampleMesh.ROOT.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BadInputMesh(root);
    }

    /** The producer declaring its products inline ({@link SampleMesh#DATA_PRODUCTS_STACK}), for cases about that form. */
    public BadInputMesh withDataProducts() {
        try {
            return write("Pulumi.producer.yaml", Files.readString(SampleMesh.DATA_PRODUCTS_STACK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    public String read(String file) {
        try {
            return Files.readString(path(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BadInputMesh write(String file, String text) {
        return writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public BadInputMesh writeBytes(String file, byte[] bytes) {
        try {
            Files.createDirectories(path(file).getParent());
            Files.write(path(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public BadInputMesh edit(String file, UnaryOperator<String> edit) {
        return write(file, edit.apply(read(file)));
    }

    /** Replaces text that must occur in the file: a corpus case that edits nothing would test nothing. */
    public BadInputMesh replace(String file, String from, String to) {
        return edit(file, text -> {
            if (!text.contains(from)) {
                throw new AssertionError(file + " has no '" + from + "' to replace");
            }
            return text.replace(from, to);
        });
    }

    /** Appends lines under {@code config:} (each already indented by two spaces). */
    public BadInputMesh append(String file, String... lines) {
        return edit(file, text -> text + String.join("\n", lines) + "\n");
    }

    public BadInputMesh move(String from, String to) {
        try {
            Files.move(path(from), path(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public BadInputMesh delete(String relative) {
        try (Stream<Path> files = Files.walk(path(relative))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public BadInputMesh symlink(String link, Path target) {
        try {
            Files.createDirectories(path(link).getParent());
            Files.createSymbolicLink(path(link), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A named pipe, made with mkfifo(1): Java has no API for one. */
    public BadInputMesh fifo(String relative) {
        try {
            Files.createDirectories(path(relative).getParent());
            Process p = new ProcessBuilder(List.of("mkfifo", path(relative).toString())).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new AssertionError("mkfifo failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return this;
    }
}
