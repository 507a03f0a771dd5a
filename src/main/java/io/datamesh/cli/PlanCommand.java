package io.datamesh.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datamesh.datacheck.DataCheck;
import io.datamesh.deploy.Operation;
import io.datamesh.deploy.Schedule;
import io.datamesh.deploy.Step;
import io.datamesh.plan.AccountQuotas;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.StackPlan;
import io.datamesh.plan.ValidatedMesh;
import io.datamesh.policy.engine.PolicyFinding;
import io.datamesh.quota.Quota;
import io.datamesh.quota.QuotaUsage;
import io.datamesh.resource.PlannedResource;
import io.datamesh.util.Futures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plans every stack of a mesh directory offline, in deploy order, through the Pulumi SDK's mock engine.",
                "Evaluates both policy packs on every stack's resources, as `pulumi preview --policy-pack` would."},
        footer = ExitCode.HELP)
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MeshDirectory mesh;

    @Option(names = "--stack", description = "Only plan and report these stacks (repeatable); the runs they depend on are still planned, other consumers are skipped.")
    List<String> stacks = new ArrayList<>();

    @Option(names = "--json", description = "Also write the plan as JSON to this file.")
    Path json;

    @Mixin
    PolicyConfigOption policyConfig;

    @Override
    public Integer call() throws IOException {
        OutputFile.requireWritable(spec, "--json", json);
        var policies = policyConfig.load(spec.commandLine().getErr());
        if (policies.isEmpty()) {
            return ExitCode.INVALID_INPUT.code();
        }
        var validated = mesh.validated(spec.commandLine().getErr(), Set.copyOf(stacks));
        if (validated.isEmpty()) {
            return ExitCode.INVALID_INPUT.code();
        }
        // The sample files do not depend on the plan: they are checked while the stacks plan (DuckDB's
        // start alone costs about as long as a stack run).
        FutureTask<Map<String, List<String>>> dataCheck = new FutureTask<>(() -> dataFailures(validated.get()));
        Thread checking = new Thread(dataCheck, "sample-data-check");
        checking.setDaemon(true);
        checking.start();
        MeshPlan plan = mesh.plan(validated.get(), Set.copyOf(stacks));
        List<StackPlan> selected = plan.stacks().stream()
                .filter(s -> stacks.isEmpty() || stacks.contains(s.stack())).toList();
        var checked = policyConfig.check(plan, selected, policies.get(), spec.commandLine().getErr());
        if (checked.isEmpty()) {
            return ExitCode.INVALID_INPUT.code();
        }
        Map<String, List<PolicyFinding>> findings = checked.get().findings();
        Map<String, List<String>> dataFailures = Futures.result(dataCheck);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Deploy order (first deployment): " + String.join(" → ", plan.deployOrder()));
        List<List<String>> waves = deployWaves(plan);
        out.println("In waves (`up --parallel N` runs a wave's stacks at once): " + IntStream.range(0, waves.size())
                .mapToObj(i -> (i + 1) + ". " + String.join(", ", waves.get(i))).collect(Collectors.joining(" → ")));
        plan.notes().forEach(note -> out.println("note: " + note));
        selected.forEach(s -> printStack(out, s, findings.get(s.stack()), dataFailures.getOrDefault(s.stack(), List.of())));
        if (json != null) {
            writeJson(plan, selected, findings, dataFailures);
            out.println("wrote " + json);
        }
        out.println();
        out.println(quotaSummary(AccountQuotas.usage(plan.stacks(), plan.settings())));
        long failed = checked.get().failedCount();
        out.println(selected.size() - failed + " stack(s) planned" + (failed == 0 ? "" : ", " + failed + " failed to plan")
                + ", " + checked.get().mandatoryCount() + " mandatory policy violation(s)"
                + ", " + dataFailures.values().stream().mapToInt(List::size).sum() + " sample data check failure(s)");
        return checked.get().exitCode();
    }

    /** The first deployment's steps as {@code up} runs them: each wave's stacks do not read each other's outputs. */
    private static List<List<String>> deployWaves(MeshPlan plan) {
        return Schedule.waves(Schedule.steps(Operation.UP, plan.deployOrder(), Set.of()), plan.reads()).stream()
                .map(wave -> wave.stream().map(Step::stack).toList()).toList();
    }

    /**
     * The sample files each selected producer uploads, checked against its contracts (as
     * {@code ./datamesh check-data}): warnings, not errors. The stack's resources do not depend on
     * what the files hold, so a bad row must not hold back an unrelated change (a revoked grant);
     * check-data, with its own exit code, is the gate a pipeline runs before upload.
     */
    private Map<String, List<String>> dataFailures(ValidatedMesh validated) {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        validated.uploads().forEach((stack, uploads) -> {
            if (stacks.isEmpty() || stacks.contains(stack)) {
                failures.put(stack, DataCheck.check(mesh.dir, uploads).failures().stream()
                        .map(f -> f.line(mesh.dir)).toList());
            }
        });
        return failures;
    }

    private static void printStack(PrintWriter out, StackPlan stack, List<PolicyFinding> findings, List<String> dataFailures) {
        out.println();
        out.println("== " + stack.stack() + " (" + stack.role() + ") — " + stack.resources().size() + " resources ==");
        Map<String, Long> byType = stack.resources().stream()
                .collect(Collectors.groupingBy(PlannedResource::type, TreeMap::new, Collectors.counting()));
        byType.forEach((type, count) -> out.printf("  %4d  %s%n", count, type));
        if (!stack.retainedOnDelete().isEmpty()) {
            out.println("  kept by `pulumi destroy`: " + stack.retainedOnDelete().stream()
                    .map(urn -> urn.substring(urn.lastIndexOf("::") + 2)).collect(Collectors.joining(", ")));
        }
        if (!stack.outputs().isEmpty()) {
            out.println("  outputs:");
            stack.outputs().forEach((k, v) -> out.println("    " + k + " = " + abbreviate(String.valueOf(v))));
        }
        stack.warnings().forEach(w -> out.println("  warning: " + w));
        stack.errors().forEach(e -> out.println("  error: " + e));
        dataFailures.forEach(f -> out.println("  warning: sample data: " + f));
        findings.forEach(f -> out.println("  " + CheckedPlan.line(f)));
    }

    /** The findings themselves are the stacks' warnings and errors; this says how many accounts were checked. */
    private static String quotaSummary(List<QuotaUsage> usage) {
        long accounts = usage.stream().map(QuotaUsage::account).distinct().count();
        return "AWS quotas: " + accounts + " account(s) checked against " + Quota.values().length + " quotas, "
                + usage.stream().filter(u -> u.level() == QuotaUsage.Level.ERROR).count() + " exceeded, "
                + usage.stream().filter(u -> u.level() == QuotaUsage.Level.WARNING).count() + " at 80% or more";
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }

    private void writeJson(MeshPlan plan, List<StackPlan> selected, Map<String, List<PolicyFinding>> findings,
                           Map<String, List<String>> dataFailures) throws IOException {
        Function<PlannedResource, Map<String, Object>> resourceJson = r -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("urn", r.urn());
            m.put("type", r.type());
            m.put("name", r.name());
            m.put("parent", r.parent().orElse(null));
            m.put("inputs", r.inputs());
            var options = new LinkedHashMap<String, Object>();
            options.put("dependsOn", r.options().dependsOn());
            options.put("deleteBeforeReplace", r.options().deleteBeforeReplace());
            options.put("retainOnDelete", r.options().retainOnDelete());
            options.put("protect", r.options().protect());
            options.put("aliases", r.options().aliases());
            m.put("options", options);
            return m;
        };
        List<Object> stacksJson = new ArrayList<>();
        for (StackPlan s : selected) {
            var m = new LinkedHashMap<String, Object>();
            m.put("stack", s.stack());
            m.put("role", s.role());
            m.put("account", plan.settings().get(s.stack()).identity().accountId());
            m.put("resources", s.resources().stream().map(resourceJson).toList());
            m.put("outputs", s.outputs());
            m.put("warnings", s.warnings());
            m.put("errors", s.errors());
            m.put("sampleDataFailures", dataFailures.getOrDefault(s.stack(), List.of()));
            m.put("retainedOnDelete", s.retainedOnDelete());
            m.put("dependsOn", s.dependsOn());
            m.put("policy", findings.get(s.stack()).stream().map(f -> {
                var p = new LinkedHashMap<String, Object>();
                p.put("policy", f.policy());
                p.put("pack", f.pack());
                p.put("level", f.level().configName());
                p.put("urn", f.urn());
                p.put("message", f.message());
                return p;
            }).toList());
            stacksJson.add(m);
        }
        var root = new LinkedHashMap<String, Object>();
        root.put("deployOrder", plan.deployOrder());
        root.put("deployWaves", deployWaves(plan));
        root.put("stacks", stacksJson);
        root.put("quotas", AccountQuotas.usage(plan.stacks(), plan.settings()).stream().map(u -> {
            var q = new LinkedHashMap<String, Object>();
            q.put("account", u.account());
            q.put("quota", u.quota().configKey());
            q.put("used", u.used());
            q.put("limit", u.limit());
            q.put("raised", u.raised());
            q.put("level", u.level().name().toLowerCase(java.util.Locale.ROOT));
            q.put("source", u.quota().source());
            return q;
        }).toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
    }
}
