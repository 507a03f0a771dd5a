package io.datamesh.access;

import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Grant;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.Principal;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.lakeformation.TagExpression;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.plan.MeshPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A Mermaid flowchart of the planned mesh that stays readable as the mesh grows: one subgraph per
 * account (labelled with its stacks) and, in the catalog's account, one subgraph per database
 * (labelled with its LF-tags) holding its tables with their owner, contract version, own and their
 * columns' tags. Each
 * distinct grant expression is a node of its own, so an edge carries only the permissions and
 * many grants of one expression share its text instead of repeating it on every edge. Named
 * grants start at the database or table they are on, a role's DESCRIBE on LF-tag values is one
 * edge per role.
 */
public final class MeshDiagram {
    private final Map<String, List<String>> stacksByAccount = new LinkedHashMap<>();
    /** Lines per account subgraph, in order (nodes and nested database subgraphs). */
    private final Map<String, Map<String, String>> nodesByAccount = new LinkedHashMap<>();
    private final Map<String, String> expressionNodes = new LinkedHashMap<>();
    private final Map<String, Map<String, List<String>>> tagValuesByPrincipal = new LinkedHashMap<>();
    private final List<String> edges = new ArrayList<>();
    private final Map<String, PlannedContracts.Contract> contracts;

    private MeshDiagram(Map<String, PlannedContracts.Contract> contracts) {
        this.contracts = contracts;
    }

    public static String mermaid(MeshPlan plan) {
        var stacks = PlanAccessModel.stacks(plan);
        var model = PlanAccessModel.of(plan);
        var diagram = new MeshDiagram(PlannedContracts.of(stacks, model));
        plan.stacks().forEach(s -> diagram.stacksByAccount
                .computeIfAbsent(plan.settings().get(s.stack()).identity().accountId(), a -> new ArrayList<>()).add(s.stack()));
        diagram.draw(model);
        return diagram.render();
    }

    private void draw(AccessModel model) {
        stacksByAccount.keySet().forEach(a -> nodesByAccount.computeIfAbsent(a, k -> new LinkedHashMap<>()));
        for (TaggedCatalog catalog : model.catalogs()) {
            catalog.databases().forEach(db -> node(catalog.catalogId(), databaseId(catalog.catalogId(), db.name()),
                    databaseSubgraph(catalog, db)));
        }
        for (ResourceLink link : model.links()) {
            node(link.account(), databaseId(link.account(), link.name()), databaseId(link.account(), link.name())
                    + "[[\"" + link.name() + "<br/>resource link\"]]");
            edges.add(databaseId(link.account(), link.name()) + " -.->|\"points to\"| "
                    + databaseId(link.targetCatalogId(), link.targetDatabase()));
        }
        model.rolePrincipals().forEach(this::principalNode);
        model.grants().forEach(this::grantEdge);
        tagValuesByPrincipal.forEach((principal, byCatalog) -> byCatalog.forEach((from, values) ->
                edges.add(from + " -->|\"DESCRIBE on tag values " + String.join(", ", values) + "\"| " + principal)));
    }

    /**
     * A database and its tables: the database's tags on the subgraph; in each table's node its owner
     * and contract version (when its contract names them), its own and its columns' tags.
     */
    private String databaseSubgraph(TaggedCatalog catalog, TaggedCatalog.Database db) {
        String id = databaseId(catalog.catalogId(), db.name());
        var out = new StringBuilder("subgraph " + id + "[\"database " + db.name()
                + (db.tags().isEmpty() ? "" : ": " + PlannedContracts.tagsText(db.tags())) + "\"]\n");
        for (TaggedCatalog.Table table : catalog.tables()) {
            if (!table.database().equals(db.name())) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            lines.add(table.name());
            Optional.ofNullable(contracts.get(table.qualifiedName())).filter(c -> c.owner().isPresent() || c.version().isPresent())
                    .ifPresent(c -> lines.add("owner " + c.ownerText() + " · contract " + c.versionText()));
            if (!table.tags().isEmpty()) {
                lines.add(PlannedContracts.tagsText(table.tags()));
            }
            Map<String, List<String>> columnsByTags = new LinkedHashMap<>();
            table.columns().stream().filter(c -> !c.tags().isEmpty())
                    .forEach(c -> columnsByTags.computeIfAbsent(PlannedContracts.tagsText(c.tags()), t -> new ArrayList<>()).add(c.name()));
            columnsByTags.forEach((tags, columns) -> lines.add(String.join(", ", columns) + ": " + tags));
            out.append("      ").append(tableId(catalog.catalogId(), table.database(), table.name()))
                    .append("[\"").append(String.join("<br/>", lines)).append("\"]\n");
        }
        return out.append("    end").toString();
    }

    private void grantEdge(Grant grant) {
        var resource = grant.resource();
        String to = principalNode(grant.principal());
        String permissions = String.join(", ", grant.permissions()) + (grant.grantable().isEmpty() ? "" : " (grantable)");
        if (resource instanceof LfResource.TagPolicy policy) {
            edges.add(expressionNode(grant.grantorAccount(), policy) + " -->|\"" + permissions + "\"| " + to);
        } else if (resource instanceof LfResource.Database db) {
            edges.add(databaseId(db.catalogId(), db.name()) + " -->|\"" + permissions + "\"| " + to);
        } else if (resource instanceof LfResource.Table table) {
            edges.add(table.name().map(n -> tableId(table.catalogId(), table.database(), n))
                    .orElse(databaseId(table.catalogId(), table.database()))
                    + " -->|\"" + (table.name().isPresent() ? "table" : "every table") + ": " + permissions + "\"| " + to);
        } else if (resource instanceof LfResource.TableColumns columns) {
            edges.add(tableId(columns.catalogId(), columns.database(), columns.name()) + " -->|\""
                    + (columns.columns().isEmpty() ? "all columns but " + new TreeSet<>(columns.excluded())
                    : "columns " + new TreeSet<>(columns.columns())) + ": " + permissions + "\"| " + to);
        } else if (resource instanceof LfResource.DataLocation location) {
            String from = id("location", location.arn());
            node(location.catalogId(), from, from + "[/\"" + location.arn().replaceFirst("^arn:aws:s3:::", "s3://") + "\"/]");
            edges.add(from + " -->|\"" + permissions + "\"| " + to);
        } else {
            var tag = (LfResource.TagValues) resource;
            tagValuesByPrincipal.computeIfAbsent(to, p -> new LinkedHashMap<>())
                    .computeIfAbsent(tagsNode(tag.catalogId()), c -> new ArrayList<>()).add(tag.key() + " " + tag.values());
        }
    }

    /** One node per distinct expression; a re-grant by another account than the catalog's is drawn in that account. */
    private String expressionNode(String grantor, LfResource.TagPolicy policy) {
        String key = grantor + "|" + policy;
        String id = expressionNodes.computeIfAbsent(key, k -> "expr_" + (expressionNodes.size() + 1));
        String text = policy.resourceType() + " where " + expression(policy.expression())
                + (grantor.equals(policy.catalogId()) ? "" : "<br/>(re-grant on catalog " + policy.catalogId() + ")");
        return node(grantor, id, id + "{{\"" + text + "\"}}");
    }

    private static String expression(TagExpression expression) {
        return expression.clauses().entrySet().stream().map(e -> e.getKey() + " in [" + String.join(", ", e.getValue()) + "]")
                .collect(Collectors.joining(" AND "));
    }

    private String principalNode(Principal principal) {
        if (principal.isAccount()) {
            String id = id("account", principal.account()) + "_admin";
            return node(principal.account(), id, id + "{{\"LF admin " + principal.account() + "\"}}");
        }
        String role = principal.role().orElseThrow();
        String id = id("role", principal.account() + "_" + role);
        return node(principal.account(), id, id + "([\"" + role + "\"])");
    }

    private String tagsNode(String catalogId) {
        String id = id("tags", catalogId);
        return node(catalogId, id, id + "{{\"LF-tags of catalog " + catalogId + "\"}}");
    }

    private String node(String account, String id, String line) {
        nodesByAccount.computeIfAbsent(account, a -> new LinkedHashMap<>()).putIfAbsent(id, line);
        return id;
    }

    private static String databaseId(String catalogId, String name) {
        return id("db", catalogId + "_" + name);
    }

    private static String tableId(String catalogId, String database, String name) {
        return id("table", catalogId + "_" + database + "_" + name);
    }

    private static String id(String kind, String name) {
        return kind + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }

    private String render() {
        var out = new StringBuilder("flowchart LR\n");
        nodesByAccount.forEach((account, nodes) -> {
            if (nodes.isEmpty()) {
                return;
            }
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
