package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.policy.rules.MeshConfig;
import io.datamesh.policy.rules.ResourceTypes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * No grant hands personal data to a principal that is not allow-listed: a TABLE tag expression must
 * pin the PII key to {@code false}, and a named table or column grant must not reach a column whose
 * effective PII tag (database → table → column) is {@code true}. A stack rule because named grants
 * are judged by the stack's tag assignments; grants on another account's catalog (a domain's
 * re-grants on the central catalog) are not judged, as the stack holds no tags for it.
 */
public final class LfNoGrantAdmitsPii extends StackRule {
    private static final String PII = "true";
    /** Permissions that read table data; ALL and SUPER include SELECT. */
    private static final Set<String> READS_DATA = Set.of("SELECT", "ALL", "SUPER");

    public LfNoGrantAdmitsPii() {
        super("lf-no-grant-admits-pii", EnforcementLevel.MANDATORY,
                "Lake Formation grants exclude PII-tagged data unless the principal is allow-listed.");
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of(
                "tagKey", Map.of("type", "string", "default", "pii", "description", "LF-tag key marking personal data."),
                "allowedPrincipals", ConfigSchemas.stringList("Principals that may be granted PII.", List.of()));
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        String tagKey = env.config().string("tagKey").orElseThrow();
        List<String> allowed = env.config().strings("allowedPrincipals");
        Optional<String> ownCatalog = MeshConfig.of(env.context()).accountId();
        Tables tables = new Tables(stack);
        return eachResource(stack.ofType(ResourceTypes.LF_PERMISSIONS), grant -> {
            String principal = grant.inputs().string("principal").orElse("");
            if (allowed.contains(principal)) {
                return List.of();
            }
            List<String> problems = grant.inputs().object("lfTagPolicy")
                    .map(policy -> expressionProblems(policy, principal, tagKey))
                    .orElseGet(() -> namedGrantProblems(grant.inputs(), principal, tagKey, ownCatalog, tables));
            return problems.stream().map(p -> new Violation(grant.urn(), p)).toList();
        });
    }

    private static List<String> expressionProblems(Props policy, String principal, String tagKey) {
        // DATABASE expressions only reach database metadata; data is read through TABLE grants.
        if (policy.string("resourceType").orElse("TABLE").equals("DATABASE")) {
            return List.of();
        }
        // An expression without the PII key places no constraint on it, so it matches PII data too.
        List<Props> piiTerms = policy.objects("expressions").stream()
                .filter(e -> e.string("key").orElse("").equals(tagKey))
                .toList();
        if (piiTerms.isEmpty()) {
            return List.of("expression for " + principal + " has no '" + tagKey + "' key, so it admits PII-tagged data; add "
                    + tagKey + " = false");
        }
        return piiTerms.stream()
                .filter(e -> e.strings("values").stream().anyMatch(PII::equalsIgnoreCase))
                .map(e -> "expression for " + principal + " admits " + tagKey + " = " + PII)
                .toList();
    }

    /** A named {@code table} or {@code tableWithColumns} grant that reads PII columns of this stack's catalog. */
    private static List<String> namedGrantProblems(Props grant, String principal, String tagKey,
                                                   Optional<String> ownCatalog, Tables tables) {
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
        boolean ownTags = catalog.isEmpty() || catalog.equals(ownCatalog);
        String database = target.get().string("databaseName").orElse("");
        Optional<String> name = target.get().string("name").filter(n -> !n.isBlank());
        // A table wildcard (every table of the database) is not a named grant; see docs/policy-rules.md.
        if (!ownTags || name.isEmpty()) {
            return List.of();
        }
        Set<String> reached = new LinkedHashSet<>();
        boolean wholeTable = table.isPresent() || columns.get().bool("wildcard").orElse(false);
        if (wholeTable) {
            reached.addAll(tables.columns(database, name.get()));
            reached.removeAll(lowerCase(columns.map(c -> c.strings("excludedColumnNames")).orElse(List.of())));
        } else {
            reached.addAll(lowerCase(columns.get().strings("columnNames")));
        }
        List<String> pii = reached.stream()
                .filter(column -> PII.equalsIgnoreCase(tables.tags().ofColumn(database, name.get(), column).get(tagKey)))
                .toList();
        String what = "named grant of " + grant.strings("permissions") + " on " + database + "." + name.get() + " to " + principal;
        if (!pii.isEmpty()) {
            return List.of(what + " reaches columns " + pii + " tagged " + tagKey + " = " + PII
                    + "; exclude them, grant through an lfTagPolicy with " + tagKey + " = false, or allow-list the principal");
        }
        // A whole-table grant on a table tagged PII whose columns the stack does not declare.
        if (wholeTable && reached.isEmpty() && PII.equalsIgnoreCase(tables.tags().ofTable(database, name.get()).get(tagKey))) {
            return List.of(what + " reaches a table tagged " + tagKey + " = " + PII
                    + "; grant through an lfTagPolicy with " + tagKey + " = false, or allow-list the principal");
        }
        return List.of();
    }

    // Glue stores column names in lower case; so does LfTagAssignments.
    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * The stack's tag assignments and table columns, read on first use: an unknown among them then
     * stops only the named grant that needed them (as that grant's advisory finding).
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
    }
}
