package io.datamesh.config;

/**
 * One thing wrong with a stack's configuration, named by its full config key path. Key and message
 * quote what the user wrote, so control characters in them are shown as {@code U+0000}, never raw.
 *
 * @param file the file the key is in when it is not the stack file itself (a contract the stack
 *             lists, as its path in the project), else empty; {@code key} is then its JSON path
 */
public record ConfigProblem(String file, String key, String message) {
    public ConfigProblem {
        file = ControlCharacters.visible(file);
        key = ControlCharacters.visible(key);
        message = ControlCharacters.visible(message);
    }

    public ConfigProblem(String key, String message) {
        this("", key, message);
    }

    /** The line that reports it: {@code file: key: message}, the stack file being {@code source}. */
    public String line(String source) {
        return (file.isEmpty() ? source : file) + ": " + this;
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
