package io.datamesh.resource;



/**
 * Thrown when a rule reads a value the engine cannot know during preview; the evaluator turns it
 * into an advisory finding instead of failing the run, as @pulumi/policy does.
 */
public final class UnknownValueException extends RuntimeException {
    public UnknownValueException(String typeName, String path) {
        super(typeName + " value at ." + path + " can't be known during preview");
    }
}
