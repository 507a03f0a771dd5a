package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.policy.rules.MeshConfig;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.datamesh.policy.rules.mesh.LfNoGrantAdmitsPii.PII;

/**
 * A named table or column grant must not reach a column whose effective PII tag (database → table
 * → column) is {@code true}, unless the principal is allow-listed (same config as
 * {@code lf-no-grant-admits-pii}, which judges tag expressions before they are made). A stack rule
 * because named grants are judged by the stack's tag assignments; grants on another account's
 * catalog (a domain's re-grants on the central catalog) are not judged, as the stack holds no tags
 * for it.
 *
 * <p>A {@code table} grant with {@code wildcard: true} reaches every table of its database: every
 * table of that database the stack declares (or tags) is judged, and a database tagged PII makes
 * the grant reach PII in tables yet to come. The exception is the {@code role} of a Glue crawler
 * of the same stack: a crawler must read every column of every table to detect schema drift, so
 * its wildcard grant cannot exclude PII columns.
 */
public final class LfNoNamedGrantReachesPii extends StackRule {
    /** Permissions that read table data; ALL and SUPER include SELECT. */
    private static final Set<String> READS_DATA = Set.of("SELECT", "ALL", "SUPER");

    public LfNoNamedGrantReachesPii() {
        super("lf-no-named-grant-reaches-pii", EnforcementLevel.MANDATORY,
                "Named Lake Formation grants do not reach PII-tagged columns unless the principal is allow-listed.");
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return LfNoGrantAdmitsPii.piiConfigSchema();
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        String tagKey = env.config().string("tagKey").orElseThrow();
        List<String> allowed = env.config().strings("allowedPrincipals");
        Optional<String> ownCatalog = MeshConfig.of(env.context()).accountId();
        Tables tables = new Tables(stack);
        return eachResource(stack.ofType(ResourceTypes.LF_PERMISSIONS), grant -> {
            String principal = grant.inputs().string("principal").orElse("");
            if (LfPrincipals.allowed(principal, allowed) || grant.inputs().object("lfTagPolicy").isPresent()) {
                return List.of();
            }
            return problems(grant.inputs(), principal, tagKey, ownCatalog, tables).stream()
                    .map(p -> new Violation(grant.urn(), p)).toList();
        });
    }

    /** A named {@code table} or {@code tableWithColumns} grant that reads PII columns of this stack's catalog. */
    private static List<String> problems(Props grant, String principal, String tagKey, Optional<String> ownCatalog,
                                         Tables tables) {
        boolean readsData = Stream.concat(grant.strings("permissions").stream(),
                grant.strings("permissionsWithGrantOptions").stream()).anyMatch(READS_DATA::contains);
        Optional<Props> table = grant.object("table");
        Optional<Props> columns = grant.object("tableWithColumns");
        Optional<Props> target = table.or(() -> columns);
        if (!readsData || target.isEmpty()) {
            return List.of();
        }
        Optional<String> catalog = target.get().string("catalogId").filter(c -> !c.isBlank())
                .or(() -> grant.string("catalogId").filter(c -> !c.isBlank()));
        // Only this stack's own catalog has its tags here; without an own account id only an unqualified grant is.
        if (!(catalog.isEmpty() || catalog.equals(ownCatalog))) {
            return List.of();
        }
        String database = target.get().string("databaseName").orElse("");
        if (table.isPresent() && table.get().bool("wildcard").orElse(false)) {
            // A crawler reads every column to detect schema drift; its wildcard grant cannot leave PII out.
            if (tables.isCrawlerRole(principal)) {
                return List.of();
            }
            return wildcardProblems(database, "wildcard grant of " + grant.strings("permissions") + " on " + database
                    + ".* to " + principal, tagKey, tables);
        }
        Optional<String> name = target.get().string("name").filter(n -> !n.isBlank());
        if (name.isEmpty()) {
            return List.of();
        }
        List<String> excluded = columns.map(c -> c.strings("excludedColumnNames")).orElse(List.of());
        boolean wholeTable = table.isPresent() || columns.get().bool("wildcard").orElse(false);
        List<String> named = wholeTable ? null : columns.get().strings("columnNames");
        return tableProblems(database, name.get(), named, excluded,
                "named grant of " + grant.strings("permissions") + " on " + database + "." + name.get() + " to " + principal,
                tagKey, tables).stream().toList();
    }

    private static List<String> wildcardProblems(String database, String what, String tagKey, Tables tables) {
        List<String> problems = new ArrayList<>();
        Set<String> names = tables.tables(database);
        for (String name : names) {
            tableProblems(database, name, null, List.of(), what + ": table " + name, tagKey, tables)
                    .ifPresent(problems::add);
        }
        if (problems.isEmpty() && PII.equalsIgnoreCase(tables.tags().ofDatabase(database).get(tagKey))) {
            problems.add(what + " reaches a database tagged " + tagKey + " = " + PII
                    + ", so every table it will hold; grant through an lfTagPolicy with " + tagKey
                    + " = false, or allow-list the principal");
        }
        return problems;
    }

    /**
     * The problem of a grant on one table: {@code columnNames} null for the whole table (less
     * {@code excluded}), else the named columns.
     */
    private static Optional<String> tableProblems(String database, String name, List<String> columnNames,
                                                  List<String> excluded, String what, String tagKey, Tables tables) {
        Set<String> reached = new LinkedHashSet<>();
        boolean wholeTable = columnNames == null;
        if (wholeTable) {
            reached.addAll(tables.columns(database, name));
            reached.removeAll(lowerCase(excluded));
        } else {
            reached.addAll(lowerCase(columnNames));
        }
        List<String> pii = reached.stream()
                .filter(column -> PII.equalsIgnoreCase(tables.tags().ofColumn(database, name, column).get(tagKey)))
                .toList();
        if (!pii.isEmpty()) {
            return Optional.of(what + " reaches columns " + pii + " tagged " + tagKey + " = " + PII
                    + "; exclude them, grant through an lfTagPolicy with " + tagKey + " = false, or allow-list the principal");
        }
        // A whole-table grant on a table tagged PII whose columns the stack does not declare.
        if (wholeTable && reached.isEmpty() && PII.equalsIgnoreCase(tables.tags().ofTable(database, name).get(tagKey))) {
            return Optional.of(what + " reaches a table tagged " + tagKey + " = " + PII
                    + "; grant through an lfTagPolicy with " + tagKey + " = false, or allow-list the principal");
        }
        return Optional.empty();
    }

    // Glue stores names in lower case; so does LfTagAssignments.
    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * The stack's tag assignments, tables and crawler roles, read on first use: an unknown among
     * them then stops only the grant that needed them (as that grant's advisory finding).
     */
    private static final class Tables {
        private final StackResources stack;
        private LfTagAssignments tags;

        Tables(StackResources stack) {
            this.stack = stack;
        }

        LfTagAssignments tags() {
            if (tags == null) {
                tags = LfTagAssignments.of(stack);
            }
            return tags;
        }

        /** The tables of a database the stack declares, plus any it tags on its own. */
        Set<String> tables(String database) {
            Set<String> names = new LinkedHashSet<>();
            for (var table : stack.ofType(ResourceTypes.GLUE_TABLE)) {
                Props in = table.inputs();
                if (in.string("databaseName").orElse("").equalsIgnoreCase(database)) {
                    in.string("name").filter(n -> !n.isBlank()).ifPresent(names::add);
                }
            }
            names.addAll(tags().tablesTagged(database));
            return new LinkedHashSet<>(lowerCase(List.copyOf(names)));
        }

        /** The declared columns of a table in the stack, plus any column the stack tags on its own. */
        Set<String> columns(String database, String name) {
            Set<String> columns = new LinkedHashSet<>();
            for (var table : stack.ofType(ResourceTypes.GLUE_TABLE)) {
                Props in = table.inputs();
                if (in.string("databaseName").orElse("").equalsIgnoreCase(database)
                        && in.string("name").orElse("").equalsIgnoreCase(name)) {
                    Stream.concat(in.objects("storageDescriptor", "columns").stream(), in.objects("partitionKeys").stream())
                            .forEach(c -> c.string("name").ifPresent(columns::add));
                }
            }
            columns.addAll(tags().columnsTagged(database, name));
            return new LinkedHashSet<>(lowerCase(List.copyOf(columns)));
        }

        /** Whether the principal is the role (ARN, or name when the crawler names its role) of a crawler of the stack. */
        boolean isCrawlerRole(String principal) {
            for (var crawler : stack.ofType(ResourceTypes.GLUE_CRAWLER)) {
                Optional<String> role = crawler.inputs().string("role").filter(r -> !r.isBlank());
                if (role.isPresent() && (role.get().equals(principal)
                        || (!role.get().startsWith("arn:") && principal.matches("arn:aws[a-z-]*:iam::\\d{12}:role/(.*/)?"
                        + Pattern.quote(role.get()))))) {
                    return true;
                }
            }
            return false;
        }
    }
}
