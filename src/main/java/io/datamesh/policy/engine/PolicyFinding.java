package io.datamesh.policy.engine;

/** One diagnostic: the message is the full text the engine shows (description, newline, detail). */
public record PolicyFinding(String pack, String policy, EnforcementLevel level, String urn, String message) {
}
