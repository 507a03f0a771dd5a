package io.datamesh.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one stack's configuration, reported together before any resource exists. */
public final class InvalidConfigException extends RuntimeException {
    private final String source;
    private final List<ConfigProblem> problems;

    public InvalidConfigException(String source, List<ConfigProblem> problems) {
        super(problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n",
                "invalid data mesh configuration (" + problems.size() + " problem(s)):\n", "")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
