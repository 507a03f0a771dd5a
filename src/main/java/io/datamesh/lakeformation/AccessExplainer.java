package io.datamesh.lakeformation;

import io.datamesh.lakeformation.GrantReach.TableReach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns an {@link AccessPath} into an answer a person can act on: for access, the grants and the
 * tags that matched; for a denial, the first missing step in the order Lake Formation needs them.
 */
public final class AccessExplainer {
    private AccessExplainer() {
    }

    /** The steps of a cross-account read, in the order they are checked; the first missing one is reported. */
    public enum MissingStep {
        /** The catalog owner granted nothing on tables to the principal (or its account). */
        NO_GRANT,
        /** A grant's expression does not match the table's (or column's) effective tags. */
        EXPRESSION_MISMATCH,
        /** The table matches, but the column's own tag overrides the inherited value the expression needs. */
        COLUMN_OVERRIDE,
        /** The account holds the permission but not with the grant option, so it cannot re-grant it. */
        NO_GRANT_OPTION,
        /** The principal's account has not re-granted what it received to the role. */
        NO_REGRANT,
        /** Across accounts: no DESCRIBE on the table's database, which table grants do not imply there. */
        NO_DATABASE_DESCRIBE,
        /** The principal's account has no resource link to the table's database. */
        NO_RESOURCE_LINK,
        /** The role may not DESCRIBE the resource link, so queries through it fail. */
        NO_LINK_DESCRIBE,
        /** Access rests on a grant that a mandatory policy refuses, so it is never made. */
        REFUSED_BY_POLICY
    }

    /**
     * @param target  {@code database.table} or {@code database.table.column}
     * @param verdict one sentence; {@code reasons} the grants and tags behind it
     */
    public record Explanation(Principal principal, String catalogId, String target, boolean allowed,
                              Optional<MissingStep> missing, String verdict, List<String> reasons) {
        public Explanation {
            reasons = List.copyOf(reasons);
        }
    }

    /** Why one grant misses the target, from farthest to closest to giving it: the closest miss names the step. */
    private enum MissKind { NOT_THIS_RESOURCE, EXPRESSION_MISMATCH, COLUMN_OVERRIDE }

    private record Miss(MissKind kind, String reason) {
    }

    static Explanation explain(AccessPath path, Optional<String> column) {
        column.ifPresent(c -> {
            if (path.table().columns().stream().noneMatch(col -> col.name().equals(c))) {
                throw new IllegalArgumentException("table " + path.table().qualifiedName() + " has no column '" + c
                        + "' (columns: " + path.table().columns().stream().map(TaggedCatalog.Column::name).toList() + ")");
            }
        });
        String target = path.table().qualifiedName() + column.map(c -> "." + c).orElse("");
        Predicate<TableReach> covers = r -> column.map(r.columns()::contains).orElse(!r.columns().isEmpty());
        var answer = new Answer(path, column, target);
        String catalogId = path.catalog().catalogId();
        Principal holder = path.crossAccount() ? Principal.account(path.principal().account()) : path.principal();

        List<Grant> granted = new ArrayList<>(path.direct());
        granted.addAll(path.received());
        List<Grant> onTables = granted.stream().filter(AccessPath::onTables).toList();
        String grantees = path.crossAccount() ? path.principal() + " or its account " + holder : holder.toString();
        if (onTables.isEmpty()) {
            return answer.denied(MissingStep.NO_GRANT, "catalog " + catalogId + " grants nothing on tables to " + grantees
                    + (granted.isEmpty() ? "" : " (only " + names(granted) + ", which do not reach tables)"));
        }
        boolean direct = covers.test(path.directReach());
        if (!direct && !covers.test(path.receivedReach())) {
            List<Miss> misses = answer.misses(onTables);
            MissKind closest = misses.stream().map(Miss::kind).max(Comparator.naturalOrder()).orElseThrow();
            return answer.denied(switch (closest) {
                case COLUMN_OVERRIDE -> MissingStep.COLUMN_OVERRIDE;
                case EXPRESSION_MISMATCH -> MissingStep.EXPRESSION_MISMATCH;
                case NOT_THIS_RESOURCE -> MissingStep.NO_GRANT;
            }, misses.stream().map(Miss::reason).toList());
        }
        if (path.crossAccount()) {
            if (!direct && !covers.test(path.reGrantableReach())) {
                return answer.denied(MissingStep.NO_GRANT_OPTION, names(path.received().stream().filter(g -> !path.reach(g).isEmpty()).toList())
                        + " give " + holder + " access to " + target + " without the grant option, so its Lake Formation"
                        + " admin cannot re-grant it to " + path.principal().role().orElseThrow());
            }
            List<Grant> regrantsOnTables = path.regrants().stream().filter(AccessPath::onTables).toList();
            if (!direct && regrantsOnTables.isEmpty()) {
                return answer.denied(MissingStep.NO_REGRANT, holder + " received access to " + target + " but has not"
                        + " re-granted it: no grant in " + holder.account() + " to " + path.principal()
                        + " on tables of catalog " + catalogId);
            }
            if (!direct && !covers.test(path.reGrantedReach())) {
                // The account holds it, so whatever the re-grants miss, the fix is in the re-grant.
                return answer.denied(MissingStep.NO_REGRANT, answer.misses(regrantsOnTables).stream()
                        .map(m -> "re-grant " + m.reason()).toList());
            }
            if (path.databaseDescribes().isEmpty()) {
                return answer.denied(MissingStep.NO_DATABASE_DESCRIBE, path.principal() + " has no DESCRIBE on database "
                        + catalogId + "." + path.table().database() + " (by name or by a DATABASE tag expression): across"
                        + " accounts Lake Formation does not imply it from table grants, and a query through a resource link needs it");
            }
            if (path.links().isEmpty()) {
                return answer.denied(MissingStep.NO_RESOURCE_LINK, "account " + holder.account() + " has no resource link"
                        + " to " + catalogId + "." + path.table().database() + " (a Glue database with targetDatabase {catalogId: "
                        + catalogId + ", databaseName: " + path.table().database() + "})");
            }
            if (path.linkDescribes().isEmpty()) {
                return answer.denied(MissingStep.NO_LINK_DESCRIBE, path.principal() + " has no DESCRIBE on the resource link "
                        + path.links().stream().map(ResourceLink::name).collect(Collectors.joining(", "))
                        + " in " + holder.account() + ", so Athena cannot resolve " + target);
            }
        }
        return answer.allowed();
    }

    private static String names(List<Grant> grants) {
        return grants.stream().map(Grant::name).collect(Collectors.joining(", "));
    }

    /** Builds the explanation's sentences for one path and target. */
    private record Answer(AccessPath path, Optional<String> column, String target) {
        Explanation denied(MissingStep step, String reason) {
            return denied(step, List.of(reason));
        }

        Explanation denied(MissingStep step, List<String> reasons) {
            return new Explanation(path.principal(), path.catalog().catalogId(), target, false, Optional.of(step),
                    path.principal() + " cannot " + (column.isPresent() ? "read " : "read any column of ") + target, reasons);
        }

        List<Miss> misses(List<Grant> grants) {
            return grants.stream().map(this::miss).toList();
        }

        private Miss miss(Grant grant) {
            if (grant.resource() instanceof LfResource.TagPolicy policy) {
                var catalog = path.catalog();
                var table = path.table();
                Map<String, String> tableTags = catalog.effectiveTags(table);
                Map<String, String> tags = column.map(c -> catalog.effectiveTags(table, column(c))).orElse(tableTags);
                var mismatch = policy.expression().firstMismatch(tags);
                if (mismatch.isEmpty()) {
                    return new Miss(MissKind.NOT_THIS_RESOURCE, grant.name() + " (" + policy.expression() + ") matches "
                            + target + " but gives " + grant.permissions() + ", not SELECT");
                }
                var m = mismatch.get();
                if (column.isPresent() && policy.expression().matches(tableTags)) {
                    return new Miss(MissKind.COLUMN_OVERRIDE, grant.name() + ": column excluded by an override: column tag "
                            + m.key() + "=" + m.actual().orElseThrow() + " overrides the inherited "
                            + m.key() + "=" + tableTags.get(m.key()) + " (from " + tableOrigin(m.key()) + ") and the expression allows " + m.key() + " in " + m.allowed());
                }
                return new Miss(MissKind.EXPRESSION_MISMATCH, grant.name() + ": expression mismatch on key " + m.key()
                        + " with allowed values " + m.allowed() + " (" + target + " has "
                        + m.actual().map(v -> m.key() + "=" + v + " from " + origin(m.key())).orElse("no value for " + m.key())
                        + ")");
            }
            return new Miss(MissKind.NOT_THIS_RESOURCE, grant.name() + " is a named grant of " + grant.permissions()
                    + " on " + describe(grant.resource()) + ", which does not give SELECT on " + target);
        }

        Explanation allowed() {
            var reach = path.effective();
            String verdict = path.principal() + " can " + (column.isPresent() ? "SELECT " + target
                    : "read " + reach.columns() + " of " + target + " with " + reach.permissions());
            List<String> reasons = new ArrayList<>();
            for (Grant grant : path.via()) {
                reasons.add(grant.name() + ": account " + grant.grantorAccount() + " grants " + grant.principal() + " " + grant.permissions()
                        + (grant.grantable().isEmpty() ? "" : " (grant option " + grant.grantable() + ")")
                        + " on " + describe(grant.resource()) + matchedTags(grant));
            }
            return new Explanation(path.principal(), path.catalog().catalogId(), target, true, Optional.empty(),
                    verdict, reasons);
        }

        private String matchedTags(Grant grant) {
            if (!(grant.resource() instanceof LfResource.TagPolicy policy)) {
                return "";
            }
            var tags = column.map(c -> path.catalog().effectiveTags(path.table(), column(c)))
                    .orElse(path.catalog().effectiveTags(path.table()));
            return "; " + target + " has " + policy.expression().clauses().keySet().stream()
                    .map(k -> k + "=" + tags.get(k) + " (from " + origin(k) + ")").collect(Collectors.joining(", "));
        }

        /** Where a key's effective value comes from: the column, the table, or the database it inherits. */
        private String origin(String key) {
            return column.isPresent() && column(column.get()).tags().containsKey(key) ? "the column" : tableOrigin(key);
        }

        private String tableOrigin(String key) {
            return path.table().tags().containsKey(key) ? "table " + path.table().qualifiedName()
                    : "database " + path.table().database();
        }

        private TaggedCatalog.Column column(String name) {
            return path.table().columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        }
    }

    static String describe(LfResource resource) {
        if (resource instanceof LfResource.TagPolicy p) {
            return p.resourceType() + " in catalog " + p.catalogId() + " where " + p.expression();
        }
        if (resource instanceof LfResource.Database d) {
            return "database " + d.catalogId() + "." + d.name();
        }
        if (resource instanceof LfResource.Table t) {
            return "table " + t.catalogId() + "." + t.database() + "." + t.name().orElse("*");
        }
        if (resource instanceof LfResource.TableColumns c) {
            return (c.columns().isEmpty() ? "every column but " + new TreeSet<>(c.excluded()) : "columns " + new TreeSet<>(c.columns()))
                    + " of " + c.catalogId() + "." + c.database() + "." + c.name();
        }
        if (resource instanceof LfResource.DataLocation l) {
            return "data location " + l.arn();
        }
        var tag = (LfResource.TagValues) resource;
        return "LF-tag " + tag.key() + " " + tag.values();
    }
}
