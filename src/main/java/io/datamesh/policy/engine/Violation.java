package io.datamesh.policy.engine;

import io.datamesh.resource.UnknownValueException;

/**
 * What a rule reports: the offending resource and what is wrong with it. A stack rule reports a
 * resource whose inputs hold a value unknown during preview with {@link #unknown}; the evaluator
 * turns that into the advisory preview finding for that resource alone.
 */
public record Violation(String urn, String message, boolean unknownDuringPreview) {
    public Violation(String urn, String message) {
        this(urn, message, false);
    }

    /** The resource at {@code urn} could not be checked: {@code e} names the unknown value. */
    public static Violation unknown(String urn, UnknownValueException e) {
        return new Violation(urn, e.getMessage(), true);
    }
}
