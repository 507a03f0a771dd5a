package io.datamesh.cli;

import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.StackPlan;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.PolicyFinding;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan with both policy packs evaluated on its stacks: the one verdict `plan`, `access` and
 * `diagram` give on the same files (PolicyConfigOption makes it, with the same levels for each).
 *
 * @param selected the stacks reported on, in deploy order
 * @param findings every policy finding of each selected stack
 */
record CheckedPlan(MeshPlan plan, List<StackPlan> selected, Map<String, List<PolicyFinding>> findings) {
    CheckedPlan {
        selected = List.copyOf(selected);
        findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
    }

    /** Each stack's mandatory findings (stacks without any left out), in deploy order. */
    Map<String, List<PolicyFinding>> mandatory() {
        Map<String, List<PolicyFinding>> mandatory = new LinkedHashMap<>();
        for (StackPlan s : selected) {
            var stopping = findings.get(s.stack()).stream().filter(f -> f.level() == EnforcementLevel.MANDATORY).toList();
            if (!stopping.isEmpty()) {
                mandatory.put(s.stack(), stopping);
            }
        }
        return mandatory;
    }

    long mandatoryCount() {
        return mandatory().values().stream().mapToLong(List::size).sum();
    }

    long failedCount() {
        return selected.stream().filter(s -> !s.errors().isEmpty()).count();
    }

    /** A stack that failed to plan outranks a policy: its findings are of a partial plan. */
    int exitCode() {
        if (failedCount() > 0) {
            return ExitCode.STACK_FAILED.code();
        }
        return mandatoryCount() > 0 ? ExitCode.MANDATORY_VIOLATION.code() : ExitCode.OK.code();
    }

    /** One finding, as `plan` prints it under its stack. */
    static String line(PolicyFinding f) {
        return "policy " + f.level().configName() + ": " + f.pack() + "/" + f.policy() + " on "
                + f.urn().substring(f.urn().lastIndexOf("::") + 2) + ": " + f.message().replace("\n", " — ");
    }

    /** Findings by stack, each stack's under its name, in plan's words. */
    static void print(PrintWriter out, Map<String, List<PolicyFinding>> byStack) {
        byStack.forEach((stack, findings) -> {
            out.println("stack " + stack + ":");
            findings.forEach(f -> out.println("  " + line(f)));
        });
        out.flush();
    }
}
