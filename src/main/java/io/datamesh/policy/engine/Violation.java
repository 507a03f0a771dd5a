package io.datamesh.policy.engine;

/** What a rule reports: the offending resource and what is wrong with it. */
public record Violation(String urn, String message) {
}
