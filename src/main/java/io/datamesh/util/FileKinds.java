package io.datamesh.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** What is at a path instead of a readable regular file, in words; empty for a regular file. */
public final class FileKinds {
    private FileKinds() {
    }

    public static Optional<String> notARegularFile(Path file) {
        try {
            if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                return Optional.of("is a symbolic link to " + Files.readSymbolicLink(file) + ", which does not exist");
            }
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("does not exist");
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return Optional.of("is a directory, not a file");
            }
            if (attributes.isOther()) {
                return Optional.of("is " + kind(file) + ", not a regular file; reading it could block or never end");
            }
            if (!Files.isReadable(file)) {
                return Optional.of("is not readable by this user (check its permissions)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A named pipe, a device or a socket, by the file-type bits of its mode. */
    public static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
