package io.datamesh.lakeformation;

import io.datamesh.lakeformation.GrantReach.TableReach;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The grants that stand between one principal and one table of a catalog. A role of the catalog's
 * own account is granted directly. A role of another account is either granted directly by the
 * catalog owner (cross-account version 3 and later), or gets what its account received once that
 * account re-grants it, and then only what the account holds with the grant option; either way it
 * also needs a resource link to the table's database and DESCRIBE on that link.
 *
 * @param received    the catalog owner's grants to the principal itself, or to its account when the
 *                    principal is a role of another account
 * @param direct      the catalog owner's grants to the role itself when it is of another account
 * @param regrants    the principal's own account's grants to it on the catalog (cross-account only)
 * @param links       resource links in the principal's account to the table's database
 * @param linkDescribes grants of DESCRIBE to the principal on one of those links
 * @param databaseDescribes grants of DESCRIBE to the principal on the table's (target) database, by
 *                      name or by a DATABASE tag expression: across accounts Lake Formation does
 *                      not imply it from table grants, and a query through a link needs it
 */
record AccessPath(Principal principal, TaggedCatalog catalog, TaggedCatalog.Table table, boolean crossAccount,
                  List<Grant> received, List<Grant> direct, List<Grant> regrants, List<ResourceLink> links,
                  List<Grant> linkDescribes, List<Grant> databaseDescribes) {

    static AccessPath of(AccessModel model, Principal principal, TaggedCatalog catalog, TaggedCatalog.Table table) {
        String catalogId = catalog.catalogId();
        boolean crossAccount = !principal.isAccount() && !principal.account().equals(catalogId);
        Principal holder = crossAccount ? Principal.account(principal.account()) : principal;
        List<Grant> received = grantsOn(model, catalogId, holder, catalogId);
        if (!crossAccount) {
            return new AccessPath(principal, catalog, table, false, received, List.of(), List.of(), List.of(), List.of(), List.of());
        }
        List<ResourceLink> links = model.links().stream()
                .filter(l -> l.account().equals(principal.account()) && l.targetCatalogId().equals(catalogId)
                        && l.targetDatabase().equals(table.database()))
                .toList();
        List<Grant> linkDescribes = model.grants().stream()
                .filter(g -> g.principal().equals(principal) && g.permissions().contains("DESCRIBE"))
                .filter(g -> links.stream().anyMatch(l -> g.resource().equals(new LfResource.Database(l.account(), l.name()))))
                .toList();
        var database = catalog.database(table.database());
        List<Grant> databaseDescribes = model.grants().stream()
                .filter(g -> g.principal().equals(principal) && g.permissions().contains("DESCRIBE")
                        && g.resource().catalogId().equals(catalogId))
                .filter(g -> g.resource().equals(new LfResource.Database(catalogId, table.database()))
                        || g.resource() instanceof LfResource.TagPolicy p && p.resourceType() == LfResource.ResourceType.DATABASE
                        && database.map(d -> p.expression().matches(catalog.effectiveTags(d))).orElse(false))
                .toList();
        return new AccessPath(principal, catalog, table, true, received, grantsOn(model, catalogId, principal, catalogId),
                grantsOn(model, principal.account(), principal, catalogId), links, linkDescribes, databaseDescribes);
    }

    private static List<Grant> grantsOn(AccessModel model, String grantor, Principal principal, String catalogId) {
        return model.grants().stream()
                .filter(g -> g.grantorAccount().equals(grantor) && g.principal().equals(principal)
                        && g.resource().catalogId().equals(catalogId))
                .toList();
    }

    /** What one grant gives on this table, whoever holds it. */
    TableReach reach(Grant grant) {
        return GrantReach.of(grant.resource(), grant.permissions(), catalog, table);
    }

    /** Whether a grant's resource can reach tables at all (DATABASE, location and tag grants cannot). */
    static boolean onTables(Grant grant) {
        return GrantReach.onTables(grant.resource());
    }

    /** Effective permissions are the union of every grant, tag-based or named. */
    TableReach union(List<Grant> grants) {
        Set<String> permissions = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Grant grant : grants) {
            TableReach reach = reach(grant);
            permissions.addAll(reach.permissions());
            columns.addAll(reach.columns());
        }
        return new TableReach(List.copyOf(permissions), inTableOrder(columns));
    }

    /** What the account received and may pass on. */
    TableReach receivedReach() {
        return union(received);
    }

    TableReach reGrantableReach() {
        return union(received.stream().map(Grant::reGrantable).toList());
    }

    /** A re-grant cannot give more than the account holds with the grant option. */
    TableReach reGrantedReach() {
        return intersect(reGrantableReach(), union(regrants));
    }

    /** What the catalog owner grants the role of another account itself. */
    TableReach directReach() {
        return union(direct);
    }

    /** What the role holds on the table, before the resource link that queries need. */
    TableReach heldReach() {
        if (!crossAccount) {
            return receivedReach();
        }
        TableReach direct = directReach();
        TableReach regranted = reGrantedReach();
        Set<String> permissions = new LinkedHashSet<>(direct.permissions());
        permissions.addAll(regranted.permissions());
        Set<String> columns = new LinkedHashSet<>(direct.columns());
        columns.addAll(regranted.columns());
        return new TableReach(List.copyOf(permissions), inTableOrder(columns));
    }

    /** What the principal can do on the table. */
    TableReach effective() {
        if (crossAccount && (linkDescribes.isEmpty() || databaseDescribes.isEmpty())) {
            return new TableReach(List.of(), List.of());
        }
        return heldReach();
    }

    /** The grants the effective access rests on, in the order a reader follows them. */
    List<Grant> via() {
        TableReach effective = effective();
        if (effective.isEmpty()) {
            return List.of();
        }
        // Across accounts only the re-grantable part of what the account received can reach the role.
        Function<Grant, Grant> held = crossAccount ? Grant::reGrantable : Function.identity();
        List<Grant> via = new ArrayList<>(direct.stream().filter(g -> overlaps(reach(g), effective)).toList());
        if (!overlaps(directReach(), effective) || !directReach().columns().containsAll(effective.columns())) {
            via.addAll(received.stream().filter(g -> overlaps(reach(held.apply(g)), effective)).toList());
            via.addAll(regrants.stream().filter(g -> overlaps(reach(g), effective)).toList());
        }
        via.addAll(databaseDescribes);
        via.addAll(linkDescribes);
        return via;
    }

    private static boolean overlaps(TableReach a, TableReach b) {
        return a.permissions().stream().anyMatch(p -> b.permissions().contains(p)
                && (!p.equals("SELECT") || a.columns().stream().anyMatch(b.columns()::contains)));
    }

    private TableReach intersect(TableReach a, TableReach b) {
        List<String> columns = a.columns().stream().filter(b.columns()::contains).toList();
        return new TableReach(a.permissions().stream().filter(b.permissions()::contains)
                .filter(p -> !p.equals("SELECT") || !columns.isEmpty()).toList(), columns);
    }

    private List<String> inTableOrder(Set<String> columns) {
        return columnNames().stream().filter(columns::contains).toList();
    }

    private List<String> columnNames() {
        return table.columns().stream().map(TaggedCatalog.Column::name).toList();
    }
}
