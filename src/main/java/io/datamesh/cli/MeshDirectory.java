package io.datamesh.cli;

import io.datamesh.plan.AccountState;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** The {@code --dir} option of every command that plans the mesh, and the offline plan it leads to. */
final class MeshDirectory {
    @Option(names = "--dir", description = "Directory with Pulumi.yaml and Pulumi.<stack>.yaml files (default: .)")
    Path dir = Path.of(".");

    @Option(names = "--fresh-accounts", description = "Plan as AWS creates accounts, with Lake Formation's IAM-only"
            + " defaults: each stack then stops with the one command that clears them (run it before the first deploy).")
    boolean freshAccounts;

    /** The plan of the directory; empty after the configuration problems were printed to {@code err}. */
    Optional<MeshPlan> plan(PrintWriter err) {
        return plan(err, Set.of());
    }

    /** The plan of the selected stacks (all if empty) and of the runs they need. */
    Optional<MeshPlan> plan(PrintWriter err, Set<String> selected) {
        return plan(err, selected, freshAccounts ? AccountState.FRESH : AccountState.TYPICAL);
    }

    /** As {@link #plan(PrintWriter, Set)}, assuming the accounts are in the given state. */
    Optional<MeshPlan> plan(PrintWriter err, Set<String> selected, AccountState account) {
        try {
            return Optional.of(MeshPlanner.plan(dir, account, selected));
        } catch (InvalidMeshException e) {
            report(err, e, "nothing was planned");
            return Optional.empty();
        }
    }

    static void report(PrintWriter err, InvalidMeshException e, String consequence) {
        e.problems().forEach(err::println);
        err.println(e.problems().size() + " configuration problem(s); " + consequence + ".");
        err.flush();
    }
}
