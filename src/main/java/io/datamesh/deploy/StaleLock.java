package io.datamesh.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A lock a file backend holds on a stack, as the CLI names it when it refuses to start
 * ({@code pkg/backend/diy/lock.go}, {@code checkForLock}: "{@code <file>: created by <user>@<host>
 * (pid <n>) at <time>}"). A run killed hard cannot remove its lock; the lock is provably stale when
 * it was taken on this machine by a process that no longer runs {@code pulumi}. Any other lock may
 * belong to a deploy still running, here or elsewhere, and is left to a person.
 */
record StaleLock(String file, String user, String host, long pid, String since) {
    private static final Pattern LINE = Pattern.compile("^\\s*(\\S+): created by (.*)@([^@]*) \\(pid (\\d+)\\) at (\\S+)\\s*$");

    /** Every lock the CLI's refusal lists; empty when the output names none (another backend's refusal). */
    static List<StaleLock> parse(String cliOutput) {
        List<StaleLock> locks = new ArrayList<>();
        for (String line : cliOutput.split("\n")) {
            var m = LINE.matcher(line);
            if (m.matches()) {
                locks.add(new StaleLock(m.group(1), m.group(2), m.group(3), Long.parseLong(m.group(4)), m.group(5)));
            }
        }
        return locks;
    }

    /**
     * @param thisHost        this machine's host name, as the CLI writes it into its locks
     * @param runningCommand  the command line of a running process, empty when no process has that pid
     */
    boolean stale(String thisHost, java.util.function.LongFunction<Optional<String>> runningCommand) {
        if (!host.equals(thisHost)) {
            return false;
        }
        // A reused pid runs something else; a process whose command cannot be read is taken as the CLI.
        return runningCommand.apply(pid).map(command -> !command.isEmpty() && !command.contains("pulumi")).orElse(true);
    }

    /** What is known of the process with this pid: its command, "" when unreadable, empty when none runs. */
    static Optional<String> commandOf(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> p.info().command().orElse(""));
    }

    /** The host name Go's os.Hostname gives the CLI on Linux (the kernel's), else the JVM's. */
    static String thisHost() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    String describe() {
        return "created by " + user + "@" + host + " (pid " + pid + ") at " + since;
    }
}
