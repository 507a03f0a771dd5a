package io.datamesh.plan;

import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackConfigParser;
import io.datamesh.config.StackSettings;
import io.datamesh.deploy.Operation;
import io.datamesh.deploy.Schedule;
import io.datamesh.deploy.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints the waves of a first {@code ./datamesh up} of a mesh directory and its longest path in steps
 * at each given parallelism, from the stack files alone: planning 50 domains takes minutes and
 * gigabytes, while the waves need only who references whom. scripts/benchmark-deploy.sh runs it.
 *
 * <p>Usage: {@code DeployWaves <dir> <parallel>...}
 */
public final class DeployWaves {
    private DeployWaves() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> problems = new ArrayList<>();
        Map<String, StackSettings> settings = new LinkedHashMap<>();
        for (RawStackConfig raw : StackFiles.read(dir, problems).stacks().values()) {
            settings.put(raw.stack(), StackConfigParser.parse(raw, dir));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        List<Step> steps = Schedule.steps(Operation.UP, MeshPlanner.deployOrder(settings), Set.of());
        List<List<Step>> waves = Schedule.waves(steps, StackReads.of(settings));
        System.out.println("steps " + steps.size() + ", waves " + waves.stream().map(w -> Integer.toString(w.size()))
                .reduce((a, b) -> a + " + " + b).orElse(""));
        for (int i = 1; i < args.length; i++) {
            int parallel = Integer.parseInt(args[i]);
            // A wave of n steps, at most `parallel` at once, takes ceil(n / parallel) steps' time in a row.
            int longest = waves.stream().mapToInt(w -> (w.size() + parallel - 1) / parallel).sum();
            System.out.println("parallel " + parallel + ": longest path " + longest + " steps");
        }
    }
}
