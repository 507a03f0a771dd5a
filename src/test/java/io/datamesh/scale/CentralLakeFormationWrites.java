package io.datamesh.scale;

import io.datamesh.plan.AccountState;
import io.datamesh.plan.LakeFormationWrites;
import io.datamesh.plan.MeshPlanner;

import java.nio.file.Path;
import java.util.Set;

/**
 * Prints the Lake Formation writes, longest chain and lanes of the central stack of a mesh
 * directory, as planned by the classes on the classpath: scripts/benchmark-deploy.sh runs it with
 * each variant of the program it deploys.
 */
public final class CentralLakeFormationWrites {
    private CentralLakeFormationWrites() {
    }

    public static void main(String[] args) throws Exception {
        var plan = MeshPlanner.plan(Path.of(args[0]), AccountState.TYPICAL, Set.of(MeshGenerator.CENTRAL_STACK));
        var central = plan.stacks().stream().filter(s -> s.stack().equals(MeshGenerator.CENTRAL_STACK))
                .findFirst().orElseThrow();
        System.out.printf("central: %d Lake Formation writes, longest chain %d, %d lanes%n",
                LakeFormationWrites.count(central), LakeFormationWrites.longestChain(central),
                LakeFormationWrites.lanes(central));
    }
}
