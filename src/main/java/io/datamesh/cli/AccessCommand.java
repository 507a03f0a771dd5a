package io.datamesh.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datamesh.access.PlanAccessModel;
import io.datamesh.lakeformation.AccessEvaluator;
import io.datamesh.lakeformation.AccessExplainer;
import io.datamesh.lakeformation.AccessEvaluator.CatalogTable;
import io.datamesh.lakeformation.AccessEvaluator.TableAccess;
import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Principal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code datamesh access}: who reads which table and column, from the planned grants — or why one principal cannot. */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = {"Without --principal: the access matrix of every IAM role over every table of the mesh,"
                + " computed offline from the planned Lake Formation grants, tags, tables and resource links.",
                "With --principal and --table: a verdict with the reasoning — the grants and tags that allow it,"
                        + " or the first missing step.",
                "Exit codes: 0 ok (or access allowed), 2 invalid configuration or arguments,"
                        + " 4 access denied (with --principal/--table)."})
public final class AccessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MeshDirectory mesh;

    @Option(names = "--json", description = "Also write the matrix as JSON to this file.")
    Path json;

    @Option(names = "--principal", paramLabel = "<role|arn|account>",
            description = "An IAM role name (datamesh-marketing-analyst), a role ARN, or a 12-digit account id"
                    + " (what the account itself received).")
    String principal;

    @Option(names = "--table", paramLabel = "<database.table>", description = "The table to explain, e.g. sales.customers,"
            + " or through one of the principal's resource links, e.g. shared_sales.customers.")
    String table;

    @Option(names = "--column", description = "Explain one column of --table.")
    String column;

    @Override
    public Integer call() throws IOException {
        if ((principal == null) != (table == null) || (column != null && table == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--principal and --table go together (--column needs both)");
        }
        PrintWriter err = spec.commandLine().getErr();
        var plan = mesh.plan(err);
        if (plan.isEmpty()) {
            return DatameshCli.INVALID_CONFIG;
        }
        // A stack that failed to plan contributes only the resources it registered before failing.
        plan.get().stacks().forEach(s -> s.errors().forEach(e -> err.println("warning: stack " + s.stack()
                + " did not plan completely, its grants may be missing: " + e)));
        AccessModel model = PlanAccessModel.of(plan.get());
        var evaluator = new AccessEvaluator(model);
        PrintWriter out = spec.commandLine().getOut();
        if (principal != null) {
            Principal who = resolvePrincipal(model);
            return explain(out, evaluator, who, resolveTable(evaluator, model, who));
        }
        List<TableAccess> matrix = evaluator.matrix();
        printMatrix(out, matrix);
        if (json != null) {
            writeJson(matrix);
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }

    private int explain(PrintWriter out, AccessEvaluator evaluator, Principal who, CatalogTable what) {
        AccessExplainer.Explanation explanation;
        try {
            explanation = evaluator.explain(who, what, Optional.ofNullable(column));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.println((explanation.allowed() ? "ALLOWED: " : "DENIED: ") + explanation.verdict());
        explanation.missing().ifPresent(step -> out.println("first missing step: " + step));
        explanation.reasons().forEach(r -> out.println("  - " + r));
        out.flush();
        return explanation.allowed() ? 0 : DatameshCli.ACCESS_DENIED;
    }

    private static void printMatrix(PrintWriter out, List<TableAccess> matrix) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"ACCOUNT", "ROLE", "DATABASE", "TABLE", "COLUMNS", "PERMISSIONS", "VIA"});
        matrix.forEach(a -> rows.add(new String[]{a.principal().account(), a.principal().role().orElse("-"), a.database(),
                a.table(), a.columns().isEmpty() ? "-" : String.join(",", a.columns()),
                String.join(",", a.permissions()), String.join(" + ", a.via())}));
        TextTable.print(out, rows);
    }

    private void writeJson(List<TableAccess> matrix) throws IOException {
        List<Map<String, Object>> rows = matrix.stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("principal", a.principal().lakeFormationId());
            row.put("database", a.database());
            row.put("table", a.table());
            row.put("columns", a.columns());
            row.put("permissions", a.permissions());
            row.put("via", a.via());
            return row;
        }).toList();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), Map.of("access", rows));
    }

    /** An ARN or account id as given; a bare role name must name exactly one role of the plan. */
    private Principal resolvePrincipal(AccessModel model) {
        var parsed = Principal.parse(principal);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        List<Principal> named = model.rolePrincipals().stream()
                .filter(p -> p.role().orElseThrow().equals(principal)).toList();
        if (named.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), (named.isEmpty() ? "no role named '" : "several roles named '")
                    + principal + "' in the plan; roles: " + model.rolePrincipals().stream().map(Principal::lakeFormationId).toList());
        }
        return named.get(0);
    }

    /**
     * {@code database.table} in a catalog, or {@code link.table} through a resource link of the
     * principal's account — the name an analyst types in Athena.
     */
    private CatalogTable resolveTable(AccessEvaluator evaluator, AccessModel model, Principal who) {
        int dot = table.indexOf('.');
        List<CatalogTable> found = dot < 0 ? List.of() : evaluator.tables(table.substring(0, dot), table.substring(dot + 1));
        if (found.isEmpty() && dot >= 0) {
            String name = table.substring(dot + 1);
            found = model.links().stream()
                    .filter(l -> l.account().equals(who.account()) && l.name().equals(table.substring(0, dot)))
                    .flatMap(l -> evaluator.tables(l.targetDatabase(), name).stream()
                            .filter(t -> t.catalog().catalogId().equals(l.targetCatalogId())))
                    .toList();
        }
        if (found.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), (found.isEmpty() ? "no table '" : "several tables '")
                    + table + "' in the plan; tables: " + evaluator.tables().stream().map(t -> t.table().qualifiedName()).toList());
        }
        return found.get(0);
    }
}
