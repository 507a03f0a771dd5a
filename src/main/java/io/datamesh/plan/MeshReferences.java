package io.datamesh.plan;

import io.datamesh.config.AnalystRole;
import io.datamesh.config.CentralSettings;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.ContractCheck;
import io.datamesh.config.DomainAccess;
import io.datamesh.config.DomainAccount;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackIdentity;
import io.datamesh.config.StackSettings;
import io.datamesh.util.NearestNames;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What the stack files of a directory say about each other: every stack one of them names exists
 * (or is marked as living elsewhere), every domain they name is in the mesh, and the domain stacks
 * are the ones central lists. A reference to nothing would otherwise plan green while a domain's
 * access silently goes missing.
 */
final class MeshReferences {
    private final String project;
    private final Set<String> present;
    private final Map<String, RawStackConfig> configs;
    private final Map<String, StackSettings> settings;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    MeshReferences(StackFiles.Project project, Map<String, RawStackConfig> configs, Map<String, StackSettings> settings) {
        this.project = project.name();
        this.present = project.present();
        this.configs = configs;
        this.settings = settings;
        stackReferences();
        problems.addAll(contractsAndListings());
        analystDomains();
    }

    /** Every problem, one line each: {@code file: key: message}. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The stacks named in a fully qualified form, which the plan does not plan: one line each, for the reader. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The stack a reference names in this directory, if it names one here: a plain stack name, or
     * one qualified with the local backend's organization and this project. A reference qualified
     * otherwise ({@code <org>/<project>/<stack>}) says the stack lives elsewhere.
     */
    private Optional<String> localStack(String qualified) {
        String here = StackFiles.LOCAL_ORG + "/" + project + "/";
        return qualified.startsWith(here) ? Optional.of(qualified.substring(here.length())) : Optional.empty();
    }

    private void stackReferences() {
        settings.forEach((stack, s) -> {
            if (s instanceof CentralSettings central) {
                entries(stack, "producers", central.producers());
                entries(stack, "consumers", central.consumers());
            } else {
                DomainAccess access = s instanceof ProducerSettings p ? p.access() : ((ConsumerSettings) s).access();
                reference(stack, "datamesh:centralStack", s.identity().qualify(access.centralStack()),
                        "this stack plans as if central were not deployed yet (no resource links)");
            }
        });
    }

    private void entries(String stack, String key, List<DomainAccount> entries) {
        for (int i = 0; i < entries.size(); i++) {
            DomainAccount entry = entries.get(i);
            reference(stack, "datamesh:" + key + "[" + i + "].stack", entry.stack(), "central plans domain '" + entry.domain()
                    + "' as not deployed yet (its catalog and grants wait for its outputs)");
        }
    }

    private void reference(String stack, String key, String qualified, String consequence) {
        String file = configs.get(stack).source();
        Optional<String> local = localStack(qualified);
        if (local.isEmpty()) {
            notes.add(file + ": " + key + ": '" + qualified + "' lives outside this directory: not planned here; "
                    + consequence);
        } else if (!present.contains(local.get())) {
            String name = local.get();
            problems.add(file + ": " + key + ": stack '" + name + "' has no stack file " + StackFiles.fileOf(name)
                    + " in this directory" + NearestNames.likelyMeant(name, configs.keySet())
                    .map(n -> "; did you mean '" + n + "'?").orElse("") + " (found " + configs.keySet() + "); add the file,"
                    + " or, if the stack lives in another project or directory, name it as <org>/<project>/" + name);
        }
    }

    /** An analyst narrowed to a domain central does not onboard would be narrowed to nothing. */
    private void analystDomains() {
        settings.forEach((stack, s) -> {
            DomainAccess access = s instanceof ProducerSettings p ? p.access() : s instanceof ConsumerSettings c ? c.access() : null;
            if (access == null) {
                return;
            }
            Optional<CentralSettings> central = localStack(s.identity().qualify(access.centralStack()))
                    .map(settings::get).filter(CentralSettings.class::isInstance).map(CentralSettings.class::cast);
            if (central.isEmpty()) {
                return;
            }
            List<String> producers = central.get().producers().stream().map(DomainAccount::domain).toList();
            for (int i = 0; i < access.analysts().size(); i++) {
                AnalystRole analyst = access.analysts().get(i);
                for (int j = 0; j < analyst.domains().size(); j++) {
                    String domain = analyst.domains().get(j);
                    if (!producers.contains(domain)) {
                        problems.add(configs.get(stack).source() + ": datamesh:analysts[" + i + "].domains[" + j + "]: '"
                                + domain + "' is not a producer domain of " + configs.get(central.get().identity().stack()).source()
                                + " " + producers + NearestNames.likelyMeant(domain, producers).map(d -> "; did you mean " + d + "?")
                                .orElse("") + "; the role '" + analyst.name() + "' would be narrowed to nothing it could read");
                    }
                }
            }
        });
    }

    /**
     * Contracts live in producer files, the ontology in the central file; central lists the domain
     * stacks, each domain stack names its domain, account and central: check them together, so a
     * mismatch is one configuration problem naming both files and keys, not a failed run of one
     * stack and misleading failures of the stacks after it.
     */
    private List<String> contractsAndListings() {
        Collection<StackSettings> all = settings.values();
        List<String> problems = new ArrayList<>();
        List<CentralSettings> centrals = all.stream().filter(s -> s instanceof CentralSettings)
                .map(s -> (CentralSettings) s).toList();
        for (StackSettings s : all) {
            if (s instanceof ProducerSettings producer) {
                problems.addAll(listingProblems(centrals, producer.identity(), producer.domain(), producer.access(),
                        "producers", c -> c.producers()));
            } else if (s instanceof ConsumerSettings consumer) {
                problems.addAll(listingProblems(centrals, consumer.identity(), consumer.domain(), consumer.access(),
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
                        .forEach(p -> problems.add(p.line(file) + " (ontology of " + configs.get(central.identity().stack()).source() + ")"));
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
    private List<String> listingProblems(List<CentralSettings> centrals,
                                                StackIdentity domain, String name, DomainAccess access, String key,
                                                Function<CentralSettings, List<DomainAccount>> listed) {
        String file = configs.get(domain.stack()).source();
        String qualified = domain.qualify(domain.stack());
        List<String> problems = new ArrayList<>();
        if (!centrals.isEmpty() && localStack(domain.qualify(access.centralStack())).filter(configs::containsKey).isPresent()
                && centrals.stream().noneMatch(c -> domain.qualify(access.centralStack())
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
}
