package io.datamesh.cli;

import io.datamesh.plan.AccountState;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.plan.ValidatedMesh;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** The {@code --dir} option of every command that plans the mesh, and the offline plan it leads to. */
final class MeshDirectory extends ProjectDirectory {

    @Option(names = "--fresh-accounts", description = "Plan as AWS creates accounts, with Lake Formation's IAM-only"
            + " defaults: each stack then stops with the one command that clears them (run it before the first deploy).")
    boolean freshAccounts;

    /** The plan of the directory; empty after the configuration problems were printed to {@code err}. */
    Optional<MeshPlan> plan(PrintWriter err) {
        return plan(err, Set.of());
    }

    /** The plan of the selected stacks (all if empty) and of the runs they need. */
    Optional<MeshPlan> plan(PrintWriter err, Set<String> selected) {
        return plan(err, selected, accounts());
    }

    /** As {@link #plan(PrintWriter, Set)}, assuming the accounts are in the given state. */
    Optional<MeshPlan> plan(PrintWriter err, Set<String> selected, AccountState account) {
        return plan(dir, err, selected, account);
    }

    static Optional<MeshPlan> plan(Path dir, PrintWriter err, Set<String> selected, AccountState account) {
        return validated(dir, err, selected).map(mesh -> MeshPlanner.plan(mesh, account, selected));
    }

    /** The directory's stack files read and validated for planning {@code selected}; empty after the problems were printed. */
    Optional<ValidatedMesh> validated(PrintWriter err, Set<String> selected) {
        return validated(dir, err, selected);
    }

    private static Optional<ValidatedMesh> validated(Path dir, PrintWriter err, Set<String> selected) {
        try {
            return Optional.of(MeshPlanner.validate(dir, selected));
        } catch (InvalidMeshException e) {
            report(err, e, "nothing was planned");
            return Optional.empty();
        }
    }

    /** The plan of a validated directory, in the accounts' state this option asks for. */
    MeshPlan plan(ValidatedMesh mesh, Set<String> selected) {
        return MeshPlanner.plan(mesh, accounts(), selected);
    }

    private AccountState accounts() {
        return freshAccounts ? AccountState.FRESH : AccountState.TYPICAL;
    }

    static void report(PrintWriter err, InvalidMeshException e, String consequence) {
        e.problems().forEach(err::println);
        err.println(e.problems().size() + " configuration problem(s); " + consequence + ".");
        err.flush();
    }

    /**
     * The plan of a directory for a command that reads it whole (access, diagram): a configuration
     * problem exits 2, a stack that failed to plan exits 1 — an incomplete plan would show an
     * incomplete mesh as if it were the whole.
     */
    static MeshPlan complete(Path dir, PrintWriter err) {
        return requireComplete(plan(dir, err, Set.of(), AccountState.TYPICAL)
                .orElseThrow(() -> new CommandFailure(ExitCode.INVALID_INPUT.code())), dir, err);
    }

    static MeshPlan requireComplete(MeshPlan plan, Path dir, PrintWriter err) {
        var failed = plan.stacks().stream().filter(s -> !s.errors().isEmpty()).toList();
        if (!failed.isEmpty()) {
            failed.forEach(s -> s.errors().forEach(e -> err.println(dir + ": stack " + s.stack() + " failed to plan: " + e)));
            err.println(failed.size() + " stack(s) failed to plan; run `./datamesh plan"
                    + (dir.equals(Path.of(".")) ? "" : " --dir " + dir) + "` for the details.");
            err.flush();
            throw new CommandFailure(ExitCode.STACK_FAILED.code());
        }
        return plan;
    }

    MeshPlan complete(PrintWriter err) {
        return requireComplete(plan(err).orElseThrow(() -> new CommandFailure(ExitCode.INVALID_INPUT.code())), dir, err);
    }
}
