package io.datamesh.deploy;

/** What {@code ./datamesh up | preview | destroy} asks of each stack. */
public enum Operation {
    UP, PREVIEW, DESTROY;

    public String command() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
