package io.datamesh.verify;

import io.datamesh.access.PlanAccessModel;
import io.datamesh.names.MeshNames;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.DomainAccess;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.StackSettings;
import io.datamesh.lakeformation.AccessEvaluator;
import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Principal;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.MeshPlan;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import io.datamesh.resource.Props;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The live state each stack's account must have, derived from the offline plan and its access matrix. */
public final class Expectations {
    /**
     * The account the plan assumes for verify: no admins of its own, so the planned admins are exactly
     * the ones the mesh adds (the real account may have more), its IAM-only defaults cleared as a
     * deployment needs them, and the deployer as in the offline plan.
     */
    public static final AccountState VERIFIED_ACCOUNT = new AccountState(List.of(), 1, false,
            AccountState.TYPICAL.deployerRoleName());

    private Expectations() {
    }

    /**
     * One expectation per planned stack (in deploy order) of {@code selected}, all if empty.
     *
     * @param credentials each selected stack's, from {@link StackCredentials#readAll}
     * @param readRows    also probe each role and table with a query that reads one row
     */
    public static List<AccountExpectation> of(MeshPlan plan, Set<String> selected, Map<String, StackCredentials> credentials,
                                              boolean readRows) throws InvalidMeshException {
        List<String> problems = new ArrayList<>();
        AccessModel model = PlanAccessModel.of(plan);
        var evaluator = new AccessEvaluator(model);
        AccountExpectation.Scope scope = scope(plan, model);
        Set<String> accounts = plan.settings().values().stream().map(s -> s.identity().accountId()).collect(Collectors.toSet());
        List<AccountExpectation> expectations = new ArrayList<>();
        for (StackPlan stack : plan.stacks()) {
            if (!selected.isEmpty() && !selected.contains(stack.stack())) {
                continue;
            }
            stack.errors().forEach(e -> problems.add("stack " + stack.stack() + " did not plan completely, so there is"
                    + " nothing complete to verify against: " + e));
            StackSettings settings = plan.settings().get(stack.stack());
            String account = settings.identity().accountId();
            Set<String> ownGrants = stack.ofType(ResourceTypes.LF_PERMISSIONS).stream().map(PlannedResource::name)
                    .collect(Collectors.toSet());
            List<ResourceLink> links = model.links().stream().filter(l -> l.account().equals(account)).toList();
            expectations.add(new AccountExpectation(stack.stack(), account, settings.identity().region(),
                    credentials.get(stack.stack()),
                    stack.ofType(ResourceTypes.LF_SETTINGS).stream()
                            .flatMap(r -> Props.of(r.inputs()).strings("admins").stream()).toList(),
                    settings.identity().crossAccountVersion(),
                    model.grants().stream().filter(g -> g.grantorAccount().equals(account) && ownGrants.contains(g.name())).toList(),
                    scope, links, queries(stack, settings, evaluator, links, readRows), accounts));
        }
        if (!problems.isEmpty()) {
            throw new InvalidMeshException(problems);
        }
        return expectations;
    }

    private static AccountExpectation.Scope scope(MeshPlan plan, AccessModel model) {
        Set<List<String>> databases = new HashSet<>();
        model.catalogs().forEach(c -> c.databases().forEach(d -> databases.add(List.of(c.catalogId(), d.name()))));
        model.links().forEach(l -> databases.add(List.of(l.account(), l.name())));
        Set<String> tagKeys = new HashSet<>();
        Set<String> locations = new HashSet<>();
        for (StackPlan stack : plan.stacks()) {
            stack.ofType(ResourceTypes.LF_TAG).forEach(r -> Props.of(r.inputs()).string("key").ifPresent(tagKeys::add));
            stack.ofType(ResourceTypes.LF_RESOURCE).forEach(r -> Props.of(r.inputs()).string("arn").ifPresent(locations::add));
        }
        return new AccountExpectation.Scope(databases, tagKeys, locations);
    }

    /**
     * Every analyst or engineer role of a domain stack, against every table behind each resource link
     * of its account: the columns the access matrix gives it, or none (the query must be refused); with
     * {@code readRows}, each zero-row probe is followed by the same query reading one row.
     */
    private static List<QueryExpectation> queries(StackPlan stack, StackSettings settings, AccessEvaluator evaluator,
                                                   List<ResourceLink> links, boolean readRows) {
        Optional<DomainAccess> access = settings instanceof ProducerSettings p ? Optional.of(p.access())
                : settings instanceof ConsumerSettings c ? Optional.of(c.access()) : Optional.empty();
        Optional<String> workgroup = stack.ofType(ResourceTypes.ATHENA_WORKGROUP).stream()
                .flatMap(r -> Props.of(r.inputs()).string("name").stream()).findFirst();
        if (access.isEmpty() || workgroup.isEmpty()) {
            return List.of();
        }
        String domain = settings instanceof ProducerSettings p ? p.domain() : ((ConsumerSettings) settings).domain();
        var identity = settings.identity();
        List<QueryExpectation> queries = new ArrayList<>();
        for (var analyst : access.get().analysts()) {
            Principal role = Principal.role(identity.accountId(), MeshNames.analystRole(identity.namePrefix(), domain, analyst.name()));
            for (ResourceLink link : links) {
                evaluator.tables().stream()
                        .filter(t -> t.catalog().catalogId().equals(link.targetCatalogId())
                                && t.table().database().equals(link.targetDatabase()))
                        .forEach(t -> {
                            var reach = evaluator.access(role, t);
                            List<String> columns = reach.permissions().contains("SELECT") ? reach.columns() : List.of();
                            queries.add(new QueryExpectation(role, workgroup.get(), link.name(), t.table().name(), columns, false));
                            if (readRows) {
                                queries.add(new QueryExpectation(role, workgroup.get(), link.name(), t.table().name(), columns, true));
                            }
                        });
            }
        }
        return queries;
    }
}
