package io.datamesh.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datamesh.policy.PolicyPacks;
import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code datamesh policies}: every rule of both packs with its default level, as a text table. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "List the policy-pack rules with their pack, default enforcement level and description.",
        footer = ExitCode.HELP)
public final class PoliciesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pack", paramLabel = "<name>", description = "Only this pack (aws-baseline, datamesh-governance).")
    String pack;

    @Option(names = "--json", paramLabel = "<file>",
            description = "Also write the rules as JSON: name, pack, level, kind and, for resource rules, the resource types they apply to.")
    Path json;

    @Override
    public Integer call() throws IOException {
        OutputFile.requireWritable(spec, "--json", json);
        List<PolicyPack> packs;
        try {
            packs = pack == null ? PolicyPacks.all() : List.of(PolicyPacks.named(pack));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--pack: " + e.getMessage());
        }
        List<String[]> rows = new ArrayList<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        rows.add(new String[]{"POLICY", "PACK", "LEVEL", "KIND", "DESCRIPTION"});
        for (PolicyPack p : packs) {
            for (Rule rule : p.rules()) {
                String kind = rule instanceof ResourceRule ? "resource" : "stack";
                rows.add(new String[]{rule.name(), p.name() + "@" + p.version(), p.levelOf(rule).configName(), kind,
                        rule.description()});
                var entry = new LinkedHashMap<String, Object>();
                entry.put("name", rule.name());
                entry.put("pack", p.name());
                entry.put("version", p.version());
                entry.put("level", p.levelOf(rule).configName());
                entry.put("kind", kind);
                entry.put("resourceTypes", rule instanceof ResourceRule r ? r.resourceTypes().stream().sorted().toList() : List.of());
                rules.add(entry);
            }
        }
        TextTable.print(spec.commandLine().getOut(), rows);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), rules);
        }
        return 0;
    }
}
