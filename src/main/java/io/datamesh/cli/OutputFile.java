package io.datamesh.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An option naming a file a command writes (--json, --out), checked before the command plans or
 * reads anything: minutes of planning, or a verify of every account, must not end in "cannot write".
 */
final class OutputFile {
    private OutputFile() {
    }

    /** Nothing without the option; a usage error (exit 2) naming the option and the path when it cannot be written. */
    static void requireWritable(CommandSpec spec, String option, Path file) {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw unwritable(spec, option, file, "is a directory");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw unwritable(spec, option, file, "no directory " + parent);
        }
        // Opening is the only test root, ACLs and read-only mounts all answer truthfully; a file this
        // check creates is removed, one that existed is left as it was (no truncation).
        boolean existed = Files.exists(file);
        try {
            FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE).close();
            if (!existed) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw unwritable(spec, option, file, "cannot be written (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        // A FileSystemException's message is the path again; its reason (or kind) is the news.
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage();
    }

    private static ParameterException unwritable(CommandSpec spec, String option, Path file, String why) {
        return new ParameterException(spec.commandLine(), option + " " + file + ": " + why);
    }
}
