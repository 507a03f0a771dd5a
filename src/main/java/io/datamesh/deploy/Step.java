package io.datamesh.deploy;

/**
 * One stack operation of a mesh run, as printed {@code [number/total]}.
 *
 * @param secondRun a domain's run after central: it only has something to do on the first
 *                  deployment (its resource links), so a preview decides whether it runs
 */
public record Step(int number, Operation operation, String stack, boolean secondRun) {
    public String label(int total) {
        return "[" + number + "/" + total + "] " + operation.command() + " " + stack + (secondRun ? " (second run)" : "");
    }
}
