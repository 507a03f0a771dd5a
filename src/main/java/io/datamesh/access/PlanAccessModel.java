package io.datamesh.access;

import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Grant;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.Principal;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.lakeformation.TagExpression;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.PlannedResource;
import io.datamesh.plan.StackPlan;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.rules.ResourceTypes;
import io.datamesh.policy.rules.mesh.LfTagAssignments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the access model from the planned resources of every stack — the very grants, tags,
 * tables and links a deployment would create — so the explainer cannot drift from the program. A
 * resource without an explicit catalogId lives in its stack's own account, as in AWS.
 */
public final class PlanAccessModel {
    private final List<CatalogEntry<String>> databases = new ArrayList<>();
    private final List<CatalogEntry<TaggedCatalog.Table>> tables = new ArrayList<>();
    /** Tags assigned directly, by [catalogId, database(, table(, column))]. */
    private final Map<List<String>, Map<String, String>> assigned = new HashMap<>();
    private final List<ResourceLink> links = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<Principal> roles = new ArrayList<>();

    private record CatalogEntry<T>(String catalogId, T entry) {
    }

    private PlanAccessModel() {
    }

    public static AccessModel of(MeshPlan plan) {
        var model = new PlanAccessModel();
        for (StackPlan stack : plan.stacks()) {
            String account = plan.settings().get(stack.stack()).identity().accountId();
            stack.resources().forEach(r -> model.add(account, r));
        }
        return model.build();
    }

    private void add(String account, PlannedResource resource) {
        Props in = Props.of(resource.inputs());
        String catalogId = in.string("catalogId").orElse(account);
        switch (resource.type()) {
            case ResourceTypes.GLUE_DATABASE -> in.object("targetDatabase").ifPresentOrElse(
                    target -> links.add(new ResourceLink(catalogId, in.string("name").orElseThrow(),
                            target.string("catalogId").orElseThrow(), target.string("databaseName").orElseThrow())),
                    () -> databases.add(new CatalogEntry<>(catalogId, in.string("name").orElseThrow())));
            case ResourceTypes.GLUE_TABLE -> tables.add(new CatalogEntry<>(catalogId, new TaggedCatalog.Table(
                    in.string("databaseName").orElseThrow(), in.string("name").orElseThrow(), Map.of(),
                    in.objects("storageDescriptor", "columns").stream()
                            .map(c -> new TaggedCatalog.Column(c.string("name").orElseThrow(), Map.of())).toList())));
            case ResourceTypes.LF_RESOURCE_TAG -> LfTagAssignments.read(in).forEach(a -> {
                var path = new ArrayList<String>();
                path.add(a.catalogId().orElse(account));
                path.addAll(a.names());
                assigned.computeIfAbsent(List.copyOf(path), p -> new LinkedHashMap<>()).put(a.key(), a.value());
            });
            case ResourceTypes.LF_PERMISSIONS -> grant(catalogId, resource.name(), in);
            case ResourceTypes.IAM_ROLE -> in.string("name").ifPresent(name -> roles.add(Principal.role(account, name)));
            default -> {
            }
        }
    }

    private static String catalogOf(Props resource, String grantor) {
        return resource.string("catalogId").orElse(grantor);
    }

    // Groups, SAML users and IAM_ALLOWED_PRINCIPALS never appear in the mesh program's grants.
    private void grant(String grantor, String name, Props in) {
        Optional<Principal> principal = in.string("principal").flatMap(Principal::parse);
        Optional<LfResource> resource = resource(grantor, in);
        if (principal.isPresent() && resource.isPresent()) {
            grants.add(new Grant(name, grantor, principal.get(), in.strings("permissions"),
                    in.strings("permissionsWithGrantOptions"), resource.get()));
        }
    }

    private static Optional<LfResource> resource(String grantor, Props in) {
        var policy = in.object("lfTagPolicy");
        if (policy.isPresent()) {
            Map<String, List<String>> clauses = new LinkedHashMap<>();
            policy.get().objects("expressions").forEach(e -> clauses.put(e.string("key").orElseThrow(), e.strings("values")));
            return Optional.of(new LfResource.TagPolicy(catalogOf(policy.get(), grantor),
                    LfResource.ResourceType.valueOf(policy.get().string("resourceType").orElseThrow()), TagExpression.of(clauses)));
        }
        var columns = in.object("tableWithColumns");
        if (columns.isPresent()) {
            var t = columns.get();
            return Optional.of(new LfResource.TableColumns(catalogOf(t, grantor), t.string("databaseName").orElseThrow(),
                    t.string("name").orElseThrow(), Set.copyOf(t.strings("columnNames"))));
        }
        return in.object("table").<LfResource>map(t -> new LfResource.Table(catalogOf(t, grantor),
                        t.string("databaseName").orElseThrow(),
                        t.bool("wildcard").orElse(false) ? Optional.empty() : t.string("name")))
                .or(() -> in.object("database").map(d -> new LfResource.Database(catalogOf(d, grantor), d.string("name").orElseThrow())))
                .or(() -> in.object("dataLocation").map(l -> new LfResource.DataLocation(catalogOf(l, grantor), l.string("arn").orElseThrow())))
                .or(() -> in.object("lfTag").map(t -> new LfResource.TagValues(catalogOf(t, grantor), t.string("key").orElseThrow(),
                        t.strings("values"))));
    }

    private AccessModel build() {
        Map<String, List<TaggedCatalog.Database>> databasesByCatalog = new LinkedHashMap<>();
        for (var db : databases) {
            databasesByCatalog.computeIfAbsent(db.catalogId(), c -> new ArrayList<>())
                    .add(new TaggedCatalog.Database(db.entry(), tagsOf(db.catalogId(), db.entry())));
        }
        Map<String, List<TaggedCatalog.Table>> tablesByCatalog = new LinkedHashMap<>();
        for (var entry : tables) {
            var t = entry.entry();
            String catalogId = entry.catalogId();
            tablesByCatalog.computeIfAbsent(catalogId, c -> new ArrayList<>()).add(new TaggedCatalog.Table(
                    t.database(), t.name(), tagsOf(catalogId, t.database(), t.name()),
                    t.columns().stream().map(c -> new TaggedCatalog.Column(c.name(),
                            tagsOf(catalogId, t.database(), t.name(), c.name()))).toList()));
        }
        List<TaggedCatalog> catalogs = new ArrayList<>();
        databasesByCatalog.forEach((id, dbs) -> catalogs.add(new TaggedCatalog(id, dbs, tablesByCatalog.getOrDefault(id, List.of()))));
        return new AccessModel(catalogs, links, grants, roles);
    }

    private Map<String, String> tagsOf(String... path) {
        return assigned.getOrDefault(List.of(path), Map.of());
    }
}
