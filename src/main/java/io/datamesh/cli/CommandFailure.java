package io.datamesh.cli;

/** A command stops with this exit code; what went wrong was already printed. */
final class CommandFailure extends RuntimeException {
    final int exitCode;

    CommandFailure(int exitCode) {
        super(null, null, false, false);
        this.exitCode = exitCode;
    }
}
