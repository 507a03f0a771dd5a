package io.datamesh.policy.rules.mesh;

import io.datamesh.lakeformation.GrantReach;
import io.datamesh.lakeformation.LfInputs;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.policy.rules.MeshConfig;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
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
        Tables tables = new Tables(stack, ownCatalog);
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
        Optional<Props> target = grant.object("table").or(() -> grant.object("tableWithColumns"));
        if (!readsData || target.isEmpty()) {
            return List.of();
        }
        Optional<String> catalog = target.get().string("catalogId").filter(c -> !c.isBlank())
                .or(() -> grant.string("catalogId").filter(c -> !c.isBlank()));
        // Only this stack's own catalog has its tags here; without an own account id only an unqualified grant is.
        if (!(catalog.isEmpty() || catalog.equals(ownCatalog))) {
            return List.of();
        }
        var resource = LfInputs.resource(tables.catalogId, grant).orElseThrow();
        String database = target.get().string("databaseName").orElse("");
        String what = resource instanceof LfResource.Table t && t.name().isEmpty()
                ? "wildcard grant of " + grant.strings("permissions") + " on " + database + ".* to " + principal
                : "named grant of " + grant.strings("permissions") + " on " + database + "."
                  + target.get().string("name").orElse("") + " to " + principal;
        boolean wildcard = resource instanceof LfResource.Table t && t.name().isEmpty();
        // A crawler reads every column to detect schema drift; its wildcard grant cannot leave PII out.
        if (wildcard && tables.isCrawlerRole(principal)) {
            return List.of();
        }
        TaggedCatalog own = tables.catalog();
        List<String> problems = new ArrayList<>();
        List<TaggedCatalog.Table> judged = new ArrayList<>(own.tables().stream().map(t -> withNamedColumns(t, resource)).toList());
        // A named table the stack neither declares nor tags still inherits its database's tags.
        target.get().string("name").filter(n -> !wildcard && !n.isBlank() && own.table(database, n).isEmpty())
                .ifPresent(n -> judged.add(withNamedColumns(new TaggedCatalog.Table(database, n, Map.of(), List.of()), resource)));
        for (TaggedCatalog.Table table : judged) {
            // What the grant reaches, by the one model of what a grant reaches (DESCRIBE: the table itself).
            var reach = GrantReach.of(resource, List.of("SELECT", "DESCRIBE"), own, table);
            if (reach.isEmpty()) {
                continue;
            }
            List<String> pii = reach.columns().stream()
                    .filter(c -> PII.equals(own.effectiveTags(table, column(table, c)).get(tagKey)))
                    .toList();
            String where = wildcard ? what + ": table " + table.name() : what;
            if (!pii.isEmpty()) {
                problems.add(where + " reaches columns " + pii + " tagged " + tagKey + " = " + PII
                        + "; exclude them, grant through an lfTagPolicy with " + tagKey + " = false, or allow-list the principal");
            } else if (table.columns().isEmpty() && PII.equals(own.effectiveTags(table).get(tagKey))) {
                // A whole-table grant on a table tagged PII whose columns the stack does not declare.
                problems.add(where + " reaches a table tagged " + tagKey + " = " + PII
                        + "; grant through an lfTagPolicy with " + tagKey + " = false, or allow-list the principal");
            }
        }
        if (wildcard && problems.isEmpty() && own.database(database)
                .map(d -> PII.equals(own.effectiveTags(d).get(tagKey))).orElse(false)) {
            problems.add(what + " reaches a database tagged " + tagKey + " = " + PII
                    + ", so every table it will hold; grant through an lfTagPolicy with " + tagKey
                    + " = false, or allow-list the principal");
        }
        return problems;
    }

    /** Columns a grant names exist even when the stack does not declare them, and inherit the table's tags. */
    private static TaggedCatalog.Table withNamedColumns(TaggedCatalog.Table table, LfResource resource) {
        if (!(resource instanceof LfResource.TableColumns named) || !named.database().equals(table.database())
                || !named.name().equals(table.name())) {
            return table;
        }
        List<TaggedCatalog.Column> columns = new ArrayList<>(table.columns());
        named.columns().stream().sorted().filter(c -> columns.stream().noneMatch(k -> k.name().equals(c)))
                .forEach(c -> columns.add(new TaggedCatalog.Column(c, Map.of())));
        return new TaggedCatalog.Table(table.database(), table.name(), table.tags(), columns);
    }

    private static TaggedCatalog.Column column(TaggedCatalog.Table table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The stack's own catalog (tables, columns, tags) and crawler roles, read on first use: an
     * unknown among them then stops only the grant that needed them (as that grant's advisory finding).
     */
    private static final class Tables {
        private final StackResources stack;
        /** The stack's own account, or a stand-in when the stack names none (only unqualified grants are judged then). */
        private final String catalogId;
        private TaggedCatalog catalog;

        Tables(StackResources stack, Optional<String> ownCatalog) {
            this.stack = stack;
            this.catalogId = ownCatalog.orElse("own");
        }

        TaggedCatalog catalog() {
            if (catalog == null) {
                var inputs = new LfInputs();
                // The catalog only: another grant's unknown inputs must not stop this one.
                for (var entry : stack.all()) {
                    if (!entry.resource().type().equals(ResourceTypes.LF_PERMISSIONS)) {
                        inputs.add(catalogId, entry.resource().type(), entry.resource().name(), entry.inputs());
                    }
                }
                catalog = inputs.catalog(catalogId).orElse(new TaggedCatalog(catalogId, List.of(), List.of()));
            }
            return catalog;
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
