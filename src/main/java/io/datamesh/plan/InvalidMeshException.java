package io.datamesh.plan;

import java.util.List;

/** Every problem with a mesh directory's stack files, one line each: {@code file: key: message}. */
public final class InvalidMeshException extends Exception {
    private final List<String> problems;

    public InvalidMeshException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
