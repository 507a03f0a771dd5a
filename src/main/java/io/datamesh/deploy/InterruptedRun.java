package io.datamesh.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.automation.AutomationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Settles what an interrupted run left in a stack's state before the stack's next step changes
 * anything (docs/real-engine.md, "Interrupted runs"). The engine leaves a create it could not finish
 * as a pending create, and the next {@code pulumi up} only warns and creates it again — which fails
 * where AWS made it and keeps names unique, and orphans it where AWS assigns the id. The CLI's own
 * remedies need a person to tell those cases apart: {@code refresh --clear-pending-creates} forgets
 * every one, and {@code --import-pending-creates} needs each one's id. So each cut-off create is
 * decided by its type ({@link CutOffCreate}):
 * <ul>
 *   <li>REPEATABLE: forgotten; the step makes the same put or grant again;</li>
 *   <li>NAMED: imported under its URN with the id its inputs give ({@code pulumi import}); when AWS
 *       says it does not exist, forgotten, and the step creates it;</li>
 *   <li>ASSIGNED (or a type this mesh does not know): the step does not run; what to look for and
 *       the commands are printed. So too before a destroy, which must not leave behind what it
 *       cannot see: an up settles them first.</li>
 * </ul>
 * Then {@code pulumi refresh --clear-pending-creates} drops the settled creates and reads back the
 * resources whose update or delete was cut off. A create cut off because the provider died leaves no
 * pending operation at all (the engine ends the step as failed): {@link #settleCutOff} decides those
 * alike, right after the step failed.
 */
public final class InterruptedRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** gRPC's words for a provider that went away mid-call (the engine's diagnostic for the resource). */
    static final Pattern PROVIDER_GONE = Pattern.compile("error reading from server|transport is closing|code = Unavailable"
            + "|connection reset by peer");

    enum Action { IMPORT, FORGET, STOP }

    /** What is done with one cut-off create, and why (printed). */
    record Decision(Checkpoint.Pending create, Action action, String importId, String why) {
    }

    /**
     * @param account  the stack's account: the default catalog id of Glue and Lake Formation ids
     * @param region   the stack's region
     * @param retained URNs the stack retains on delete: imported protected (the step's up restores the
     *                 program's options), so that no destroy between the two can delete them
     */
    public record StackFacts(String account, String region, Set<String> retained) {
        public StackFacts {
            retained = Set.copyOf(retained);
        }
    }

    /** The CLI commands settling takes, on one stack. */
    interface Cli {
        Map<String, Object> export() throws AutomationException;

        /**
         * {@code pulumi import --file} of one resource.
         *
         * @return false when the provider found no such resource (nothing was imported)
         */
        boolean importResource(String importFile, String id, boolean protect) throws AutomationException;

        void refreshClearingPendingCreates() throws AutomationException;

        /** How a person runs the CLI on this stack: {@code pulumi -C <dir> <command> --stack <stack>}. */
        String command(String command);
    }

    private InterruptedRun() {
    }

    static List<Decision> decide(Checkpoint checkpoint, Operation operation, StackFacts facts) {
        List<Decision> decisions = new ArrayList<>();
        for (var create : checkpoint.pending().stream().filter(Checkpoint.Pending::isCreate).toList()) {
            if (checkpoint.resources().contains(create.urn())) {
                decisions.add(new Decision(create, Action.FORGET, "", "already in the state (imported before)"));
                continue;
            }
            if (operation == Operation.DESTROY) {
                decisions.add(new Decision(create, Action.STOP, "", "a destroy cannot see it: run ./datamesh up on this"
                        + " stack first, which settles it"));
                continue;
            }
            CutOffCreate kind = CutOffCreate.of(create.type());
            Optional<String> id = CutOffCreate.importId(create.type(), create.inputs(), facts.account(), facts.region());
            if (kind == CutOffCreate.REPEATABLE) {
                decisions.add(new Decision(create, Action.FORGET, "", "AWS takes this create again: the up repeats it"));
            } else if (id.isPresent()) {
                decisions.add(new Decision(create, Action.IMPORT, id.get(), "AWS keeps its name unique"));
            } else {
                decisions.add(new Decision(create, Action.STOP, "", !CutOffCreate.knows(create.type())
                        ? "this mesh does not know what AWS does with a second create of a " + create.type()
                        : kind == CutOffCreate.NAMED ? "its name is not in its inputs (a generated name)"
                        : "AWS assigns its id, so a second create would make a second one"));
            }
        }
        return decisions;
    }

    /**
     * Settles the stack's pending operations, if any.
     *
     * @return false when the step must not run (what a person does is printed); nothing was changed then
     */
    static boolean settle(String stack, Operation operation, StackFacts facts, Cli cli, Consumer<String> say)
            throws AutomationException {
        Checkpoint checkpoint = Checkpoint.of(cli.export());
        if (checkpoint.pending().isEmpty()) {
            return true;
        }
        say.accept(stack + " has " + checkpoint.pending().size() + " operation(s) pending from an interrupted run:");
        checkpoint.pending().forEach(p -> say.accept("  " + p.kind() + " " + p.urn()));
        if (!apply(decide(checkpoint, operation, facts), facts, cli, say, true)) {
            return false;
        }
        cli.refreshClearingPendingCreates();
        say.accept(stack + ": pending operations settled (pulumi refresh --clear-pending-creates read back the rest)");
        return true;
    }

    /**
     * Settles creates whose provider died mid-call, at once: the engine ended them as failed and kept
     * no pending operation (ending a failed create completes its operation), though AWS may have made
     * them — and the CLI cannot write one back ({@code stack import} drops pending operations).
     */
    static void settleCutOff(List<Checkpoint.Pending> creates, StackFacts facts, Cli cli, Consumer<String> say)
            throws AutomationException {
        var checkpoint = new Checkpoint(creates, Checkpoint.of(cli.export()).resources());
        say.accept("the provider died mid-create: " + creates.size() + " create(s) AWS may have made:");
        apply(decide(checkpoint, Operation.UP, facts), facts, cli, say, false);
    }

    /** Imports what AWS made of the NAMED creates; false when a create needs a person (printed, nothing changed). */
    private static boolean apply(List<Decision> decisions, StackFacts facts, Cli cli, Consumer<String> say, boolean pending)
            throws AutomationException {
        List<Decision> stops = decisions.stream().filter(d -> d.action() == Action.STOP).toList();
        if (!stops.isEmpty()) {
            say.accept("nothing was changed; settle these by hand, then run the same command again:");
            for (Decision stop : stops) {
                say.accept("  " + stop.create().urn() + ": " + stop.why() + ". If AWS made it (find it by its inputs"
                        + (pending ? " in " + cli.command("stack export") + " under deployment.pending_operations" : "")
                        + "): " + cli.command("import") + " " + stop.create().type() + " " + stop.create().name()
                        + " <id> --parent parent=" + stop.create().parent() + " --generate-code=false --protect=false"
                        + (pending ? "; if it did not: " + cli.command("refresh") + " --clear-pending-creates --yes (every"
                        + " remaining pending create)" : "; if it did not, the next up creates it"));
            }
            return false;
        }
        for (Decision decision : decisions) {
            if (decision.action() != Action.IMPORT) {
                say.accept("  forgot " + decision.create().urn() + ": " + decision.why());
                continue;
            }
            boolean protect = facts.retained().contains(decision.create().urn());
            if (cli.importResource(importFile(decision.create(), decision.importId()), decision.importId(), protect)) {
                say.accept("  imported " + decision.create().urn() + " as " + decision.importId() + " (AWS made it before"
                        + " the run was cut off)" + (protect ? ", protected until the up restores retainOnDelete" : ""));
            } else {
                say.accept("  forgot " + decision.create().urn() + ": AWS has no " + decision.importId() + ", the up creates it");
            }
        }
        return true;
    }

    /** A {@code pulumi import} file of one resource, under the URN the program registers it with. */
    static String importFile(Checkpoint.Pending create, String id) {
        // The provider reference is "<provider urn>::<provider id>"; the import file names the provider by URN.
        String provider = create.provider().substring(0, Math.max(0, create.provider().lastIndexOf("::")));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", create.type());
        spec.put("name", create.name());
        spec.put("id", id);
        Map<String, Object> names = new LinkedHashMap<>();
        if (!create.parent().isEmpty()) {
            names.put("parent", create.parent());
            spec.put("parent", "parent");
        }
        if (!provider.isEmpty()) {
            names.put("provider", provider);
            spec.put("provider", "provider");
        }
        try {
            return JSON.writeValueAsString(Map.of("nameTable", names, "resources", List.of(spec)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
