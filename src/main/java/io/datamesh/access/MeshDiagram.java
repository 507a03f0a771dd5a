package io.datamesh.access;

import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Grant;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.Principal;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.plan.MeshPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Mermaid flowchart of the planned mesh: one subgraph per account (labelled with its stacks)
 * holding its LF admin, LF-tags, databases, resource links and roles, and one edge per grant from
 * what it is on to whom it goes, labelled with the expression and permissions. Tag-expression
 * grants start at the catalog's LF-tags because they reach whatever the tags match.
 */
public final class MeshDiagram {
    private final Map<String, List<String>> stacksByAccount = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> nodesByAccount = new LinkedHashMap<>();
    private final List<String> edges = new ArrayList<>();

    private MeshDiagram() {
    }

    public static String mermaid(MeshPlan plan) {
        var diagram = new MeshDiagram();
        plan.stacks().forEach(s -> diagram.stacksByAccount
                .computeIfAbsent(plan.settings().get(s.stack()).identity().accountId(), a -> new ArrayList<>()).add(s.stack()));
        diagram.draw(PlanAccessModel.of(plan));
        return diagram.render();
    }

    private void draw(AccessModel model) {
        stacksByAccount.keySet().forEach(this::adminNode);
        for (TaggedCatalog catalog : model.catalogs()) {
            catalog.databases().forEach(db -> node(catalog.catalogId(), databaseId(catalog.catalogId(), db.name()),
                    "[(\"" + db.name() + "<br/>" + tagsText(db.tags()) + "\")]"));
        }
        for (ResourceLink link : model.links()) {
            node(link.account(), databaseId(link.account(), link.name()), "[[\"" + link.name() + "<br/>resource link\"]]");
            edges.add(databaseId(link.account(), link.name()) + " -.->|\"points to\"| "
                    + databaseId(link.targetCatalogId(), link.targetDatabase()));
        }
        model.rolePrincipals().forEach(this::principalNode);
        model.grants().forEach(this::grantEdge);
    }

    private void grantEdge(Grant grant) {
        var resource = grant.resource();
        String from;
        String on = "";
        if (resource instanceof LfResource.TagPolicy policy) {
            from = grant.grantorAccount().equals(policy.catalogId()) ? tagsNode(policy.catalogId()) : adminNode(grant.grantorAccount());
            on = (from.startsWith("admin_") ? "re-grant on catalog " + policy.catalogId() + ": " : "")
                    + policy.resourceType() + " where " + policy.expression();
        } else if (resource instanceof LfResource.Database db) {
            from = databaseId(db.catalogId(), db.name());
            on = "database";
        } else if (resource instanceof LfResource.Table table) {
            from = databaseId(table.catalogId(), table.database());
            on = "tables " + table.database() + "." + table.name().orElse("*");
        } else if (resource instanceof LfResource.TableColumns columns) {
            from = databaseId(columns.catalogId(), columns.database());
            on = "columns " + columns.columns() + " of " + columns.database() + "." + columns.name();
        } else if (resource instanceof LfResource.DataLocation location) {
            from = id("location", location.arn());
            node(location.catalogId(), from, "[/\"" + location.arn().replaceFirst("^arn:aws:s3:::", "s3://") + "\"/]");
        } else {
            var tag = (LfResource.TagValues) resource;
            from = tagsNode(tag.catalogId());
            on = "tag " + tag.key() + " " + tag.values();
        }
        String permissions = String.join(", ", grant.permissions()) + (grant.grantable().isEmpty() ? "" : " (grantable)");
        edges.add(from + " -->|\"" + (on.isEmpty() ? "" : on + "<br/>") + permissions + "\"| " + principalNode(grant.principal()));
    }

    private String principalNode(Principal principal) {
        if (principal.isAccount()) {
            return adminNode(principal.account());
        }
        String role = principal.role().orElseThrow();
        return node(principal.account(), id("role", principal.account() + "_" + role), "([\"" + role + "\"])");
    }

    /** The account itself as a grantee: its Lake Formation admin holds account grants and re-grants them. */
    private String adminNode(String account) {
        return node(account, id("admin", account), "{{\"LF admin " + account + "\"}}");
    }

    private String tagsNode(String catalogId) {
        return node(catalogId, id("tags", catalogId), "{{\"LF-tags of catalog " + catalogId + "\"}}");
    }

    private String node(String account, String id, String shape) {
        nodesByAccount.computeIfAbsent(account, a -> new LinkedHashMap<>()).putIfAbsent(id, id + shape);
        return id;
    }

    private static String databaseId(String catalogId, String name) {
        return id("db", catalogId + "_" + name);
    }

    private static String id(String kind, String name) {
        return kind + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String tagsText(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private String render() {
        var out = new StringBuilder("flowchart LR\n");
        nodesByAccount.forEach((account, nodes) -> {
            List<String> stacks = stacksByAccount.getOrDefault(account, List.of());
            out.append("  subgraph ").append(id("account", account)).append("[\"account ").append(account)
                    .append(stacks.isEmpty() ? " (no stack)" : " — stack " + String.join(", ", stacks)).append("\"]\n");
            nodes.values().forEach(n -> out.append("    ").append(n).append('\n'));
            out.append("  end\n");
        });
        edges.forEach(e -> out.append("  ").append(e).append('\n'));
        return out.toString();
    }
}
