package io.datamesh.config;



/** Which of the three components a stack instantiates, from {@code datamesh:role}. */
public enum StackRole {
    CENTRAL, PRODUCER, CONSUMER;

    public String configValue() {
        return name().toLowerCase();
    }
}
