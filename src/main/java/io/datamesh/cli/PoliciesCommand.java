package io.datamesh.cli;

import io.datamesh.policy.PolicyPacks;
import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
        TextTable.print(spec.commandLine().getOut(), rows);
        return 0;
    }
}
