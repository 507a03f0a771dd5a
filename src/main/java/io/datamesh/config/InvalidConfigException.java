package io.datamesh.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one stack's configuration, reported together before any resource exists. */
public final class InvalidConfigException extends RuntimeException {
    private final String source;
    private final List<ConfigProblem> problems;

    public InvalidConfigException(String source, List<ConfigProblem> problems) {
        super(problems.stream().map(p -> p.line(source)).collect(Collectors.joining("\n",
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

    /** One line per problem, {@code file: key: message}. */
    public List<String> lines() {
        return problems.stream().map(p -> p.line(source)).toList();
    }
}
