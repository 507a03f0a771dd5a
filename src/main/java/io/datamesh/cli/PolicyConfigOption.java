package io.datamesh.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.StackPlan;
import io.datamesh.policy.PolicyRunner;
import io.datamesh.policy.engine.PolicyConfig;
import io.datamesh.policy.engine.PolicyContext;
import io.datamesh.policy.engine.PolicyFinding;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@code --policy-config} option of {@code plan}, {@code access} and {@code diagram}: one reading, one evaluation, the same verdicts. */
final class PolicyConfigOption {
    @Option(names = "--policy-config", description = "Policy levels and properties, in the JSON form of "
            + "`pulumi preview --policy-pack-config` (policy names are unique across both packs).")
    Path file;

    /** The per-policy config (empty map without the option); empty after the problem was printed. */
    Optional<Map<String, PolicyConfig>> load(PrintWriter err) {
        try {
            return Optional.of(file == null ? Map.of() : PolicyConfig.parseFile(
                    new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
                    })));
        } catch (IOException | IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * Both packs on these stacks, each with its own config as its policy context: the verdict of
     * {@code plan}, {@code access} and {@code diagram}; empty after a config problem (an unknown
     * policy, bad properties) was printed.
     */
    Optional<CheckedPlan> check(MeshPlan plan, List<StackPlan> stacks, Map<String, PolicyConfig> config, PrintWriter err) {
        try {
            Map<String, List<PolicyFinding>> findings = new LinkedHashMap<>();
            for (StackPlan s : stacks) {
                var raw = plan.configs().get(s.stack());
                findings.put(s.stack(), PolicyRunner.evaluate(s.resources(),
                        new PolicyContext(s.stack(), raw.project(), raw.values()), config));
            }
            return Optional.of(new CheckedPlan(plan, stacks, findings));
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * Every stack of a complete plan checked with this option's config, read before the (slow) plan
     * is made; a config problem stops the command (exit 2).
     */
    CheckedPlan checkAll(Supplier<MeshPlan> complete, PrintWriter err) {
        var config = load(err).orElseThrow(() -> new CommandFailure(ExitCode.INVALID_INPUT.code()));
        MeshPlan plan = complete.get();
        return check(plan, plan.stacks(), config, err).orElseThrow(() -> new CommandFailure(ExitCode.INVALID_INPUT.code()));
    }
}
