package io.datamesh.cli;

import io.datamesh.policy.PolicyPacks;
import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code datamesh policies}: every rule of both packs with its default level, as a text table. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "List the policy-pack rules with their pack, default enforcement level and description.")
public final class PoliciesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pack", paramLabel = "<name>", description = "Only this pack (aws-baseline, datamesh-governance).")
    String pack;

    @Override
    public Integer call() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"POLICY", "PACK", "LEVEL", "KIND", "DESCRIPTION"});
        List<PolicyPack> packs = pack == null ? PolicyPacks.all() : List.of(PolicyPacks.named(pack));
        for (PolicyPack p : packs) {
            for (Rule rule : p.rules()) {
                rows.add(new String[]{rule.name(), p.name() + "@" + p.version(), p.levelOf(rule).configName(),
                        rule instanceof ResourceRule ? "resource" : "stack", rule.description()});
            }
        }
        int[] widths = new int[4];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %-" + widths[3] + "s  %s%n";
        rows.forEach(row -> out.printf(format, (Object[]) row));
        out.flush();
        return 0;
    }
}
