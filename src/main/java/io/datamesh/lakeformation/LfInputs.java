package io.datamesh.lakeformation;

import io.datamesh.resource.Props;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one reader of planned Glue and Lake Formation resource inputs into the Lake Formation model:
 * databases, declared tables (columns and partition keys) and their {@code ResourceLfTag}
 * assignments become {@link TaggedCatalog}s, {@code Permissions} become {@link Grant}s, resource
 * links {@link ResourceLink}s. The access explainer reads every stack with it, the policy rules
 * one stack. A resource without an explicit catalogId lives in its stack's own account, as in AWS.
 */
public final class LfInputs {
    private final Set<List<String>> databases = new LinkedHashSet<>();
    /** Declared columns by [catalogId, database, table], in declaration order. */
    private final Map<List<String>, List<String>> tables = new LinkedHashMap<>();
    /** Tags assigned directly, by [catalogId, database(, table(, column))]. */
    private final Map<List<String>, Map<String, String>> assigned = new LinkedHashMap<>();
    private final List<ResourceLink> links = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();

    /** Adds one resource of a stack whose account is {@code account}; other types are ignored. */
    public void add(String account, String type, String name, Props in) {
        String catalogId = in.string("catalogId").filter(c -> !c.isBlank()).orElse(account);
        switch (type) {
            case ResourceTypes.GLUE_DATABASE -> in.object("targetDatabase").ifPresentOrElse(
                    target -> links.add(new ResourceLink(catalogId, in.string("name").orElseThrow(),
                            target.string("catalogId").orElseThrow(), target.string("databaseName").orElseThrow())),
                    () -> databases.add(key(catalogId, in.string("name").orElseThrow())));
            case ResourceTypes.GLUE_TABLE -> {
                var key = key(catalogId, in.string("databaseName").orElseThrow(), in.string("name").orElseThrow());
                databases.add(key.subList(0, 2));
                var columns = tables.computeIfAbsent(key, k -> new ArrayList<>());
                Stream.concat(in.objects("storageDescriptor", "columns").stream(), in.objects("partitionKeys").stream())
                        .forEach(c -> c.string("name").ifPresent(columns::add));
            }
            case ResourceTypes.LF_RESOURCE_TAG -> TagAssignment.read(in).forEach(a -> {
                var path = new ArrayList<String>();
                path.add(a.catalogId().filter(c -> !c.isBlank()).orElse(account));
                path.addAll(a.names());
                var key = key(path.toArray(String[]::new));
                assigned.computeIfAbsent(key, p -> new LinkedHashMap<>()).put(a.key(), a.value());
                // A tag can only be assigned to a resource that exists: the assignment proves it.
                databases.add(key.subList(0, 2));
                if (key.size() > 2) {
                    var columns = tables.computeIfAbsent(key.subList(0, 3), k -> new ArrayList<>());
                    if (key.size() > 3 && !columns.contains(key.get(3))) {
                        columns.add(key.get(3));
                    }
                }
            });
            case ResourceTypes.LF_PERMISSIONS -> grant(catalogId, name, in).ifPresent(grants::add);
            default -> {
            }
        }
    }

    /**
     * A {@code Permissions} resource as a grant; empty for principals the model does not know
     * (groups, SAML users, {@code IAM_ALLOWED_PRINCIPALS}) and resources it does not read.
     */
    public static Optional<Grant> grant(String grantor, String name, Props in) {
        Optional<Principal> principal = in.string("principal").flatMap(Principal::parse);
        Optional<LfResource> resource = resource(grantor, in);
        if (principal.isEmpty() || resource.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Grant(name, grantor, principal.get(), in.strings("permissions"),
                in.strings("permissionsWithGrantOptions"), resource.get()));
    }

    /** What a {@code Permissions} resource is on: a tag policy, a named table (or its columns), database, location or tag. */
    public static Optional<LfResource> resource(String grantor, Props in) {
        var policy = in.object("lfTagPolicy");
        if (policy.isPresent()) {
            Map<String, List<String>> clauses = new LinkedHashMap<>();
            policy.get().objects("expressions").forEach(e -> clauses.put(e.string("key").orElseThrow(), e.strings("values")));
            return Optional.of(new LfResource.TagPolicy(catalogOf(policy.get(), grantor),
                    LfResource.ResourceType.valueOf(policy.get().string("resourceType").orElse("TABLE")), TagExpression.of(clauses)));
        }
        var columns = in.object("tableWithColumns");
        if (columns.isPresent()) {
            var t = columns.get();
            List<String> named = t.strings("columnNames");
            return Optional.of(new LfResource.TableColumns(catalogOf(t, grantor), t.string("databaseName").orElseThrow(),
                    t.string("name").orElseThrow(), Set.copyOf(named),
                    named.isEmpty() ? Set.copyOf(t.strings("excludedColumnNames")) : Set.of()));
        }
        return in.object("table").<LfResource>map(t -> new LfResource.Table(catalogOf(t, grantor),
                        t.string("databaseName").orElseThrow(),
                        t.bool("wildcard").orElse(false) ? Optional.empty() : t.string("name").filter(n -> !n.isBlank())))
                .or(() -> in.object("database").map(d -> new LfResource.Database(catalogOf(d, grantor), d.string("name").orElseThrow())))
                .or(() -> in.object("dataLocation").map(l -> new LfResource.DataLocation(catalogOf(l, grantor), l.string("arn").orElseThrow())))
                .or(() -> in.object("lfTag").map(t -> new LfResource.TagValues(catalogOf(t, grantor), t.string("key").orElseThrow(),
                        t.strings("values"))));
    }

    private static String catalogOf(Props resource, String grantor) {
        return resource.string("catalogId").filter(c -> !c.isBlank()).orElse(grantor);
    }

    /** Every catalog with a database, its tables and their effective-tag inputs. */
    public List<TaggedCatalog> catalogs() {
        Map<String, List<TaggedCatalog.Database>> byCatalog = new LinkedHashMap<>();
        for (var db : databases) {
            byCatalog.computeIfAbsent(db.get(0), c -> new ArrayList<>())
                    .add(new TaggedCatalog.Database(db.get(1), tagsOf(db)));
        }
        Map<String, List<TaggedCatalog.Table>> tablesByCatalog = new LinkedHashMap<>();
        tables.forEach((key, columns) -> tablesByCatalog.computeIfAbsent(key.get(0), c -> new ArrayList<>())
                .add(new TaggedCatalog.Table(key.get(1), key.get(2), tagsOf(key), columns.stream()
                        .map(c -> new TaggedCatalog.Column(c, tagsOf(key(key.get(0), key.get(1), key.get(2), c)))).toList())));
        List<TaggedCatalog> catalogs = new ArrayList<>();
        byCatalog.forEach((id, dbs) -> catalogs.add(new TaggedCatalog(id, dbs, tablesByCatalog.getOrDefault(id, List.of()))));
        return catalogs;
    }

    public Optional<TaggedCatalog> catalog(String catalogId) {
        return catalogs().stream().filter(c -> c.catalogId().equals(catalogId)).findFirst();
    }

    public List<ResourceLink> links() {
        return List.copyOf(links);
    }

    public List<Grant> grants() {
        return List.copyOf(grants);
    }

    private Map<String, String> tagsOf(List<String> key) {
        return assigned.getOrDefault(key, Map.of());
    }

    // Glue stores names in lower case, so the catalog treats Sales and sales as one resource.
    private static List<String> key(String... names) {
        return Stream.of(names).map(TaggedCatalog::lower).toList();
    }
}
