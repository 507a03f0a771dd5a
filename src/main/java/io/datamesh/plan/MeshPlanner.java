package io.datamesh.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import io.datamesh.MeshProgram;
import io.datamesh.config.CentralSettings;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.ContractCheck;
import io.datamesh.config.DomainAccess;
import io.datamesh.config.DomainAccount;
import io.datamesh.config.InvalidConfigException;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackConfigParser;
import io.datamesh.config.StackIdentity;
import io.datamesh.config.StackRole;
import io.datamesh.config.StackSettings;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.ResourceOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Plans every stack of a mesh directory offline: each stack runs through the Pulumi SDK's mock
 * engine in deploy order, and each stack's outputs are fed to the stacks that reference it.
 */
public final class MeshPlanner {
    private MeshPlanner() {
    }

    public static MeshPlan plan(Path dir, AccountState account) throws InvalidMeshException {
        return plan(dir, account, Set.of());
    }

    /**
     * Plans only the {@code selected} stacks (all if empty) and the runs they depend on: the deploy
     * order up to the last run of a selected stack, without the consumers no selected stack is.
     */
    public static MeshPlan plan(Path dir, AccountState account, Set<String> selected) throws InvalidMeshException {
        Map<String, RawStackConfig> configs = new LinkedHashMap<>();
        Map<String, StackSettings> settings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            String project = StackFiles.projectName(dir);
            for (String stack : StackFiles.stackNames(dir)) {
                RawStackConfig raw = StackFiles.load(dir, project, stack);
                configs.put(stack, raw);
                try {
                    settings.put(stack, StackConfigParser.parse(raw));
                } catch (InvalidConfigException e) {
                    e.problems().forEach(p -> problems.add(e.source() + ": " + p));
                }
            }
        } catch (StackFiles.UnreadableException e) {
            problems.add(e.getMessage());
        }
        // Between the files that parsed: every problem at once, each file's own problems first.
        problems.addAll(crossStackProblems(configs, settings.values()));
        if (configs.isEmpty() && problems.isEmpty()) {
            problems.add(dir + ": no Pulumi.<stack>.yaml files");
        }
        List<String> unknown = selected.stream().filter(s -> !configs.containsKey(s)).sorted().toList();
        if (!unknown.isEmpty() && !configs.isEmpty()) {
            problems.add("no stack file for " + unknown + " in " + dir + " (found " + configs.keySet() + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidMeshException(problems);
        }

        List<String> order = deployOrder(settings);
        Map<String, Map<String, Object>> deployed = new HashMap<>();
        Map<String, StackPlan> converged = new LinkedHashMap<>();
        List<StackRun> runs = new ArrayList<>();
        for (String stack : runsFor(order, selected)) {
            StackSettings stackSettings = settings.get(stack);
            long start = System.nanoTime();
            StackPlan plan = run(stack, stackSettings, dir, account, deployed);
            runs.add(new StackRun(stack, Duration.ofNanos(System.nanoTime() - start)));
            deployed.put(stackSettings.identity().qualify(stack), plan.outputs());
            converged.remove(stack);
            converged.put(stack, plan);
        }
        // Report in first-deploy order, each stack once, with the plan of its last run.
        List<StackPlan> stacks = new ArrayList<>();
        order.stream().distinct().filter(converged::containsKey).forEach(s -> stacks.add(converged.get(s)));
        return new MeshPlan(AccountQuotas.annotate(stacks, settings), order, runs, configs, settings);
    }

    /** Every run up to the last one of a selected stack: each may read the outputs of any before it. */
    private static List<String> runsFor(List<String> order, Set<String> selected) {
        if (selected.isEmpty()) {
            return order;
        }
        int last = IntStream.range(0, order.size()).filter(i -> selected.contains(order.get(i))).max().orElse(-1);
        return order.subList(0, last + 1);
    }

    /**
     * Domains first (their data and query roles), central (catalog and the grants to those roles),
     * then the domains again, once central shares with them (their resource links).
     */
    static List<String> deployOrder(Map<String, StackSettings> settings) {
        List<String> domains = new ArrayList<>(byRole(settings, StackRole.PRODUCER));
        domains.addAll(byRole(settings, StackRole.CONSUMER));
        List<String> centrals = byRole(settings, StackRole.CENTRAL);
        List<String> order = new ArrayList<>(domains);
        order.addAll(centrals);
        if (!centrals.isEmpty()) {
            order.addAll(domains);
        }
        return order;
    }

    private static List<String> byRole(Map<String, StackSettings> settings, StackRole role) {
        return settings.entrySet().stream().filter(e -> e.getValue().role() == role).map(Map.Entry::getKey).toList();
    }

    /**
     * Contracts live in producer files, the ontology in the central file; central lists the domain
     * stacks, each domain stack names its domain, account and central: check them together, so a
     * mismatch is one configuration problem naming both files and keys, not a failed run of one
     * stack and misleading failures of the stacks after it.
     */
    private static List<String> crossStackProblems(Map<String, RawStackConfig> configs, Collection<StackSettings> all) {
        List<String> problems = new ArrayList<>();
        List<CentralSettings> centrals = all.stream().filter(s -> s instanceof CentralSettings)
                .map(s -> (CentralSettings) s).toList();
        for (StackSettings s : all) {
            if (s instanceof ProducerSettings producer) {
                problems.addAll(listingProblems(configs, centrals, producer.identity(), producer.domain(), producer.access(),
                        "producers", c -> c.producers()));
            } else if (s instanceof ConsumerSettings consumer) {
                problems.addAll(listingProblems(configs, centrals, consumer.identity(), consumer.domain(), consumer.access(),
                        "consumers", c -> c.consumers()));
            }
        }
        for (StackSettings s : all) {
            if (!(s instanceof ProducerSettings producer)) {
                continue;
            }
            String file = configs.get(producer.identity().stack()).source();
            for (CentralSettings central : centrals) {
                if (!producer.identity().qualify(producer.access().centralStack())
                        .equals(central.identity().qualify(central.identity().stack()))) {
                    continue;
                }
                ContractCheck.againstOntology(producer.databaseTags(), producer.dataProducts(), central.tagOntology())
                        .forEach(p -> problems.add(file + ": " + p + " (ontology of " + configs.get(central.identity().stack()).source() + ")"));
                if (!producer.identity().namePrefix().equals(central.identity().namePrefix())) {
                    problems.add(file + ": datamesh:namePrefix: '" + producer.identity().namePrefix()
                            + "' differs from the central stack's '" + central.identity().namePrefix()
                            + "'; producer policies name central roles by it");
                }
            }
        }
        return problems;
    }

    /** A domain stack must be the one its central lists under {@code key}: same stack, domain and account. */
    private static List<String> listingProblems(Map<String, RawStackConfig> configs, List<CentralSettings> centrals,
                                                StackIdentity domain, String name, DomainAccess access, String key,
                                                Function<CentralSettings, List<DomainAccount>> listed) {
        String file = configs.get(domain.stack()).source();
        String qualified = domain.qualify(domain.stack());
        List<String> problems = new ArrayList<>();
        if (!centrals.isEmpty() && centrals.stream().noneMatch(c -> domain.qualify(access.centralStack())
                .equals(c.identity().qualify(c.identity().stack())))) {
            problems.add(file + ": datamesh:centralStack: '" + access.centralStack() + "' is not a central stack of this directory ("
                    + centrals.stream().map(c -> c.identity().stack()).toList() + ")");
        }
        for (CentralSettings central : centrals) {
            if (!domain.qualify(access.centralStack()).equals(central.identity().qualify(central.identity().stack()))) {
                continue;
            }
            String centralFile = configs.get(central.identity().stack()).source();
            if (!access.centralAccountId().equals(central.identity().accountId())) {
                problems.add(file + ": datamesh:centralAccountId: '" + access.centralAccountId() + "' is not the account of "
                        + centralFile + " (datamesh:accountId: '" + central.identity().accountId() + "')");
            }
            List<DomainAccount> entries = listed.apply(central);
            int byStack = IntStream.range(0, entries.size()).filter(i -> entries.get(i).stack().equals(qualified)).findFirst().orElse(-1);
            if (byStack < 0) {
                int byDomain = IntStream.range(0, entries.size()).filter(i -> entries.get(i).domain().equals(name)).findFirst().orElse(-1);
                problems.add(byDomain >= 0
                        ? file + ": stack '" + domain.stack() + "' is not the stack " + centralFile + " lists for domain '" + name
                          + "' (datamesh:" + key + "[" + byDomain + "].stack: '" + entries.get(byDomain).stack() + "'); fix one of the two"
                        : file + ": domain '" + name + "' (stack " + domain.stack() + ") is not listed in datamesh:" + key + " of "
                          + centralFile + "; add {domain: " + name + ", accountId: \"" + domain.accountId() + "\", stack: "
                          + domain.stack() + "} there, or remove " + file);
                continue;
            }
            DomainAccount entry = entries.get(byStack);
            if (!entry.domain().equals(name)) {
                problems.add(file + ": datamesh:domain: '" + name + "' differs from " + centralFile + " datamesh:" + key + "["
                        + byStack + "].domain: '" + entry.domain() + "' for stack " + domain.stack() + "; fix one of the two");
            }
            if (!entry.accountId().equals(domain.accountId())) {
                problems.add(file + ": datamesh:accountId: '" + domain.accountId() + "' differs from " + centralFile + " datamesh:"
                        + key + "[" + byStack + "].accountId: '" + entry.accountId() + "'; fix one of the two");
            }
        }
        return problems;
    }

    static StackPlan run(String stack, StackSettings settings, Path dir, AccountState account,
                         Map<String, Map<String, Object>> deployed) {
        return run(stack, settings.identity(), settings.role().configValue(), account, deployed,
                ctx -> MeshProgram.define(ctx, settings, dir));
    }

    /**
     * Any program as the offline plan runs a stack's: the mesh's stacks, and single components in
     * their tests.
     *
     * @param program defines the resources and answers its warnings
     */
    public static StackPlan run(String stack, StackIdentity identity, String role, AccountState account,
                                Map<String, Map<String, Object>> deployed, Function<Context, List<String>> program) {
        var recorder = new StackRecorder(stack, identity.project());
        var mocks = new PlanMocks(identity.accountId(), identity.region(), account, deployed);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try {
            var result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder()
                            .organizationName(identity.org()).projectName(identity.project()).stackName(stack)
                            .preview(false).resourceTransformations(List.of(recorder)).build())
                    .runTest(ctx -> warnings.addAll(program.apply(ctx)));
            List<String> errors = result.exceptions().stream().map(MeshPlanner::userMessage).distinct().toList();
            Map<String, Object> outputs = new LinkedHashMap<>();
            if (errors.isEmpty()) {
                result.outputs().forEach((name, output) -> outputs.put(name, plain(output)));
            }
            List<PlannedResource> resources = new ArrayList<>();
            List<String> retained = new ArrayList<>();
            Map<String, List<String>> dependsOn = new LinkedHashMap<>();
            for (var r : recorder.registrations()) {
                List<String> dependencies = r.dependsOn().stream().map(recorder::urnOf).flatMap(Optional::stream).toList();
                if (!dependencies.isEmpty()) {
                    dependsOn.put(r.urn(), dependencies);
                }
                resources.add(new PlannedResource(r.urn(), r.type(), r.name(), r.parentUrn(),
                        PlanValues.normalize(mocks.inputs(r.type(), r.name())),
                        new ResourceOptions(dependencies, r.deleteBeforeReplace(), r.retainOnDelete(), r.protect(),
                                r.aliases())));
                if (r.retainOnDelete()) {
                    retained.add(r.urn());
                }
            }
            return new StackPlan(stack, role, resources, outputs, warnings, errors, retained,
                    dependsOn);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static Object plain(Output<?> output) {
        return PlanValues.normalizeValue(PulumiTest.extractValue(output));
    }

    /** The message a user needs: a RunException's text, else the innermost cause's. */
    static String userMessage(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof RunException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }
}
