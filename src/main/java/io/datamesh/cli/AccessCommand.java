package io.datamesh.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datamesh.access.AccessDiff;
import io.datamesh.access.PlanAccess;
import io.datamesh.access.PlannedContracts;
import io.datamesh.lakeformation.AccessEvaluator;
import io.datamesh.lakeformation.AccessEvaluator.CatalogTable;
import io.datamesh.lakeformation.AccessEvaluator.TableAccess;
import io.datamesh.lakeformation.AccessExplainer;
import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Principal;
import io.datamesh.util.NearestNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code datamesh access}: who reads which table and column, from the planned grants — or why one principal cannot. */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = {"Without --principal: the access matrix of every IAM role over every table of the mesh,"
                + " computed offline from the planned Lake Formation grants, tags, tables and resource links.",
                "With --principal and --table: a verdict with the reasoning — the grants and tags that allow it,"
                        + " or the first missing step.",
                "With --base: who gains and who loses which columns and permissions against BASE.",
                "The policies run as in `plan`. A grant a mandatory policy refuses grants nothing and is listed as refused;"
                        + " any other mandatory violation leaves no access to show: the violations are printed instead.",
                "Any mandatory violation exits 3, as `plan` does."},
        footer = ExitCode.HELP)
public final class AccessCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Format { text, markdown }

    @Spec
    CommandSpec spec;

    @Mixin
    MeshDirectory mesh;

    @Mixin
    PolicyConfigOption policyConfig;

    @Option(names = "--json", description = "Also write the matrix (or, with --base, the diff) as JSON to this file.")
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

    @Option(names = "--base", paramLabel = "<dir|plan.json|git-rev>", description = "Compare with this base: a directory"
            + " of stack files, a plan JSON written by `plan --json`, or a git revision (e.g. origin/main) of the repository.")
    String base;

    @Option(names = "--format", description = "Output of --base: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--fail-on-widening", description = "With --base: exit 6 when any principal gains access.")
    boolean failOnWidening;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputFile.requireWritable(spec, "--json", json);
        if ((principal == null) != (table == null) || (column != null && table == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--principal and --table go together (--column needs both)");
        }
        if (base != null && principal != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--base compares whole matrices; it does not take --principal/--table");
        }
        if (base == null && (failOnWidening || format != Format.text)) {
            throw new CommandLine.ParameterException(spec.commandLine(), (failOnWidening ? "--fail-on-widening" : "--format") + " needs --base");
        }
        CheckedPlan checked = policyConfig.checkAll(() -> MeshDirectory.complete(mesh.dir, err), err);
        CheckedPlan.print(err, checked.mandatory());
        PlanAccess head = PlanAccess.of(checked.plan(), checked.findings());
        requireModelled(head, "access", err);
        int answer = answer(head, err);
        // The plan's verdict outranks the answer: scripts must not take a refused configuration's access as real.
        return checked.exitCode() == ExitCode.OK.code() ? answer : checked.exitCode();
    }

    /** The answer of the mode the options ask for, from the access in force. */
    private int answer(PlanAccess head, PrintWriter err) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (base != null) {
            PlanAccess baseAccess = AccessBase.load(base, mesh.dir, err, this::access);
            CheckedPlan.print(err, baseAccess.unmodelled());
            requireModelled(baseAccess, "--base " + base, err);
            return diff(out, baseAccess, head);
        }
        var evaluator = new AccessEvaluator(head.inForce());
        if (principal != null) {
            Principal who = resolvePrincipal(head.inForce());
            return explain(out, head, who, resolveTable(evaluator, head.inForce(), who));
        }
        List<TableAccess> matrix = evaluator.matrix();
        printMatrix(out, matrix);
        out.println();
        printProducts(out, head.contracts().values());
        head.refused().forEach(r -> out.println("refused (grants nothing): " + r.grant() + " in stack " + r.stack()
                + " by " + r.pack() + "/" + r.policy() + ": " + r.detail().replace("\n", " — ")));
        if (json != null) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("access", matrix.stream().map(AccessCommand::json).toList());
            root.put("refused", head.refused().stream().map(AccessCommand::json).toList());
            root.put("products", head.contracts().values().stream().map(AccessCommand::json).toList());
            JSON.writeValue(json.toFile(), root);
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }

    /** A directory's plan, complete, with the policies applied as `plan` applies them. */
    private PlanAccess access(Path dir) {
        PrintWriter err = spec.commandLine().getErr();
        CheckedPlan checked = policyConfig.checkAll(() -> MeshDirectory.complete(dir, err), err);
        return PlanAccess.of(checked.plan(), checked.findings());
    }

    /**
     * Stops (exit 3) when a mandatory violation other than a refused grant was printed: the model
     * cannot leave such a refusal out, so any access shown could be access the refused configuration
     * would give (PlanAccess#unmodelled).
     */
    private static void requireModelled(PlanAccess access, String what, PrintWriter err) {
        if (access.unmodelled().isEmpty()) {
            return;
        }
        err.println(what + ": no access is shown: the mandatory policy violation(s) above stop their stack(s) and"
                + " change more than grants. Fix them, or set their level with --policy-config as for `plan`.");
        err.flush();
        throw new CommandFailure(ExitCode.MANDATORY_VIOLATION.code());
    }

    private int diff(PrintWriter out, PlanAccess baseAccess, PlanAccess head) throws IOException {
        var diff = AccessDiff.between(new AccessEvaluator(baseAccess.inForce()).matrix(),
                new AccessEvaluator(head.inForce()).matrix(), PlannedContracts.changes(baseAccess.contracts(), head.contracts()));
        out.print(format == Format.markdown ? diff.markdown() : diff.text());
        if (json != null) {
            JSON.writeValue(json.toFile(), diff.json());
            spec.commandLine().getErr().println("wrote " + json);
        }
        out.flush();
        return failOnWidening && !diff.gained().isEmpty() ? ExitCode.ACCESS_WIDENED.code() : 0;
    }

    private int explain(PrintWriter out, PlanAccess access, Principal who, CatalogTable what) {
        if (column != null && what.table().columns().stream().noneMatch(c -> c.name().equals(column.toLowerCase(Locale.ROOT)))) {
            return unknown("column '" + column + "' of " + what.table().qualifiedName(), column,
                    what.table().columns().stream().map(c -> c.name()).toList());
        }
        AccessExplainer.Explanation explanation = access.explain(who, what, Optional.ofNullable(column).map(c -> c.toLowerCase(Locale.ROOT)));
        out.println((explanation.allowed() ? "ALLOWED: " : "DENIED: ") + explanation.verdict());
        explanation.missing().ifPresent(step -> out.println("first missing step: " + step));
        explanation.reasons().forEach(r -> out.println("  - " + r));
        out.flush();
        return explanation.allowed() ? 0 : ExitCode.ACCESS_DENIED.code();
    }

    private static void printMatrix(PrintWriter out, List<TableAccess> matrix) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"ACCOUNT", "ROLE", "DATABASE", "TABLE", "COLUMNS", "PERMISSIONS", "VIA"});
        matrix.forEach(a -> rows.add(new String[]{a.principal().account(), a.principal().role().orElse("-"), a.database(),
                a.table(), a.columns().isEmpty() ? "-" : String.join(",", a.columns()),
                String.join(",", a.permissions()), String.join(" + ", a.via())}));
        TextTable.print(out, rows);
    }

    /** Who owns each data product the access is to, and the version of its contract. */
    private static void printProducts(PrintWriter out, Collection<PlannedContracts.Contract> contracts) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"DATA PRODUCT", "OWNER", "CONTRACT", "COLUMNS"});
        contracts.forEach(c -> rows.add(new String[]{c.table(), c.ownerText(), c.versionText(),
                String.valueOf(c.columns().size())}));
        TextTable.print(out, rows);
    }

    private static Map<String, Object> json(PlannedContracts.Contract c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", c.table());
        row.put("owner", c.owner().orElse(null));
        row.put("contractVersion", c.version().orElse(null));
        row.put("columns", c.columns());
        return row;
    }

    private static Map<String, Object> json(TableAccess a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("principal", a.principal().lakeFormationId());
        row.put("database", a.database());
        row.put("table", a.table());
        row.put("columns", a.columns());
        row.put("permissions", a.permissions());
        row.put("via", a.via());
        return row;
    }

    private static Map<String, Object> json(PlanAccess.Refusal r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("grant", r.grant());
        row.put("stack", r.stack());
        row.put("policy", r.pack() + "/" + r.policy());
        row.put("message", r.detail());
        return row;
    }

    /** An ARN or account id as given; a bare role name must name exactly one role of the plan. */
    private Principal resolvePrincipal(AccessModel model) {
        var parsed = Principal.parse(principal);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        List<Principal> named = model.rolePrincipals().stream()
                .filter(p -> p.role().orElseThrow().equals(principal)).toList();
        if (named.size() > 1) {
            throw failure("several roles named '" + principal + "' in the plan; give the ARN: "
                    + named.stream().map(Principal::lakeFormationId).toList());
        }
        if (named.isEmpty()) {
            throw new CommandFailure(unknown("role '" + principal + "'", principal,
                    model.rolePrincipals().stream().map(p -> p.role().orElseThrow()).distinct().toList()));
        }
        return named.get(0);
    }

    /**
     * {@code database.table} in a catalog, or {@code link.table} through a resource link of the
     * principal's account — the name an analyst types in Athena.
     */
    private CatalogTable resolveTable(AccessEvaluator evaluator, AccessModel model, Principal who) {
        String name = table.toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        List<CatalogTable> found = dot < 0 ? List.of() : evaluator.tables(name.substring(0, dot), name.substring(dot + 1));
        if (found.isEmpty() && dot >= 0) {
            found = model.links().stream()
                    .filter(l -> l.account().equals(who.account()) && l.name().equals(name.substring(0, dot)))
                    .flatMap(l -> evaluator.tables(l.targetDatabase(), name.substring(dot + 1)).stream()
                            .filter(t -> t.catalog().catalogId().equals(l.targetCatalogId())))
                    .toList();
        }
        if (found.size() > 1) {
            throw failure("several tables '" + table + "' in the plan, in catalogs "
                    + found.stream().map(t -> t.catalog().catalogId()).toList());
        }
        if (found.isEmpty()) {
            throw new CommandFailure(unknown("table '" + table + "'", table,
                    evaluator.tables().stream().map(t -> t.table().qualifiedName()).distinct().toList()));
        }
        return found.get(0);
    }

    /** One line: what is unknown and the nearest valid names (no usage text: the arguments were well-formed). */
    private int unknown(String what, String given, List<String> valid) {
        List<String> nearest = NearestNames.nearest(given, valid, 3);
        PrintWriter err = spec.commandLine().getErr();
        err.println("no " + what + " in the plan" + (nearest.isEmpty() ? "" : "; nearest: " + String.join(", ", nearest)));
        err.flush();
        return ExitCode.INVALID_INPUT.code();
    }

    private CommandFailure failure(String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
        return new CommandFailure(ExitCode.INVALID_INPUT.code());
    }
}
