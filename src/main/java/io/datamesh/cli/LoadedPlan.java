package io.datamesh.cli;

import io.datamesh.plan.AccountState;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** The offline plan every command starts from, or the configuration problems that prevent it. */
final class LoadedPlan {
    private LoadedPlan() {
    }

    /** The plan of the directory; empty after the problems were printed to {@code err}. */
    static Optional<MeshPlan> load(Path dir, PrintWriter err) {
        try {
            return Optional.of(MeshPlanner.plan(dir, AccountState.TYPICAL));
        } catch (InvalidMeshException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + " configuration problem(s); nothing was planned.");
            err.flush();
            return Optional.empty();
        }
    }
}
