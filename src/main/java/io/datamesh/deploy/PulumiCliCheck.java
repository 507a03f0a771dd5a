package io.datamesh.deploy;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.Version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the installed {@code pulumi} CLI can run the mesh: on PATH, new enough for executable policy
 * packs, and logged in to a backend (the stacks and their references live there).
 */
public final class PulumiCliCheck {
    /** The first CLI that runs an analyzer binary as a policy pack (docs/policy-packs.md). */
    public static final Version MINIMUM = Version.of(3, 255, 0);

    /**
     * @param missing  no {@code pulumi} on PATH at all: a missing tool, fixed before anything runs like a bad option
     * @param problems each with its fix; empty when the CLI is ready
     * @param summary  the CLI's version and the backend's user, when they could be read
     */
    public record Outcome(boolean missing, List<String> problems, String summary) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    private PulumiCliCheck() {
    }

    /** @param dir the project directory, whose Pulumi.yaml may name the backend */
    public static Outcome check(Map<String, String> environment, Path dir) {
        Optional<Path> pulumi = InstalledCli.locate(environment);
        if (pulumi.isEmpty()) {
            return new Outcome(true, List.of(InstalledCli.NOT_ON_PATH), "");
        }
        InstalledCli cli;
        try {
            cli = new InstalledCli(pulumi.get(), environment, InstalledCli.STOP_GRACE);
        } catch (AutomationException e) {
            return new Outcome(false, List.of(pulumi.get() + " does not answer `pulumi version` (" + e.getMessage() + ")."
                    + " Fix: reinstall it with scripts/install-pulumi-tools.sh or from https://www.pulumi.com/docs/install/."), "");
        }
        List<String> problems = new ArrayList<>();
        if (cli.version().isLowerThan(MINIMUM)) {
            problems.add("pulumi " + cli.version() + " at " + pulumi.get() + " is older than " + MINIMUM + ", the first that runs"
                    + " executable policy packs. Fix: install a newer one with scripts/install-pulumi-tools.sh (put its bin"
                    + " directory first on PATH) or from https://www.pulumi.com/docs/install/.");
        }
        String user = "";
        try {
            user = cli.run(List.of("whoami"), CommandRunOptions.builder().workingDir(dir.toAbsolutePath().normalize()).build())
                    .standardOutput().strip();
        } catch (AutomationException e) {
            Optional<CommandResult> failed = cli.lastFailure();
            String said = failed.map(r -> r.standardError().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip())
                    .orElse(e.getMessage());
            problems.add("no Pulumi backend is logged in (`pulumi whoami`" + failed.map(r -> " exited " + r.code()).orElse(" failed")
                    + (said.isEmpty() ? "" : ": " + said) + "). Fix: `pulumi login` (Pulumi Cloud), or a DIY backend such as"
                    + " `pulumi login file://~/.pulumi-state` or `pulumi login s3://<bucket>`.");
        }
        return new Outcome(false, problems, "pulumi " + cli.version() + (user.isEmpty() ? "" : ", logged in as " + user));
    }
}
