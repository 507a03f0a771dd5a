package io.datamesh.config;

/**
 * One thing wrong with a stack's configuration, named by its full config key path. Key and message
 * quote what the user wrote, so control characters in them are shown as {@code U+0000}, never raw.
 */
public record ConfigProblem(String key, String message) {
    public ConfigProblem {
        key = ControlCharacters.visible(key);
        message = ControlCharacters.visible(message);
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
