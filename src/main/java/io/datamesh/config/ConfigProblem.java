package io.datamesh.config;



/** One thing wrong with a stack's configuration, named by its full config key path. */
public record ConfigProblem(String key, String message) {
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
