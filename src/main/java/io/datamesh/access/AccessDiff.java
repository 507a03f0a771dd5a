package io.datamesh.access;

import io.datamesh.lakeformation.AccessEvaluator.TableAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who gains and who loses access between two access matrices (the base of a change and its head):
 * per principal and table, the columns SELECT newly reads (or no longer reads) and the permissions
 * newly held (or no longer held). A principal gaining columns gains SELECT on them, so a changed
 * column list always carries SELECT. Next to it, each table whose contract changed (columns, types,
 * LF-tags, owner, version) with who gains and who loses access to it.
 */
public record AccessDiff(List<Change> gained, List<Change> lost, List<PlannedContracts.Change> contracts) {
    public AccessDiff {
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
        contracts = List.copyOf(contracts);
    }

    /**
     * One principal's change on one table.
     *
     * @param principal the role name, or the account id for an account's own grants
     * @param table     {@code database.table}
     * @param via       the grants behind the access gained (in the head) or lost (in the base)
     */
    public record Change(String principal, String account, String table, List<String> columns,
                         List<String> permissions, List<String> via) {
        public Change {
            columns = List.copyOf(columns);
            permissions = List.copyOf(permissions);
            via = List.copyOf(via);
        }
    }

    public static AccessDiff between(List<TableAccess> base, List<TableAccess> head, List<PlannedContracts.Change> contracts) {
        Map<List<String>, TableAccess> before = byKey(base);
        Map<List<String>, TableAccess> after = byKey(head);
        List<Change> gained = new ArrayList<>();
        List<Change> lost = new ArrayList<>();
        after.forEach((key, now) -> change(now, before.get(key)).ifPresent(gained::add));
        before.forEach((key, then) -> change(then, after.get(key)).ifPresent(lost::add));
        return new AccessDiff(gained, lost, contracts);
    }

    /** No principal gains or loses access (a contract may still have changed). */
    public boolean isEmpty() {
        return gained.isEmpty() && lost.isEmpty();
    }

    /** What {@code present} has that {@code other} (absent: nothing) does not. */
    private static Optional<Change> change(TableAccess present, TableAccess other) {
        List<String> columns = present.columns().stream()
                .filter(c -> other == null || !other.columns().contains(c)).toList();
        List<String> permissions = present.permissions().stream()
                .filter(p -> other == null || !other.permissions().contains(p) || p.equals("SELECT") && !columns.isEmpty())
                .toList();
        if (permissions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Change(present.principal().role().orElse(present.principal().account()),
                present.principal().account(), present.database() + "." + present.table(), columns, permissions,
                present.via()));
    }

    private static Map<List<String>, TableAccess> byKey(List<TableAccess> matrix) {
        return matrix.stream().collect(Collectors.toMap(
                a -> List.of(a.principal().lakeFormationId(), a.catalogId(), a.database(), a.table()), a -> a,
                (a, b) -> a, LinkedHashMap::new));
    }

    /** For people: {@code +}/{@code -} lines grouped by principal. */
    public String text() {
        var out = new StringBuilder(isEmpty() ? "No access changes.\n"
                : "Access changes: " + gained.size() + " gained, " + lost.size() + " lost\n");
        byPrincipal().forEach((principal, changes) -> {
            out.append(principal).append('\n');
            changes.forEach(c -> out.append("  ").append(c.sign).append(' ').append(c.change.table()).append(": ")
                    .append(describe(c.change)).append("  (via ").append(String.join(" + ", c.change.via())).append(")\n"));
        });
        if (!contracts.isEmpty()) {
            out.append("Contract changes: ").append(contracts.size()).append(" table(s)\n");
            contracts.forEach(c -> {
                out.append("  ").append(c.table()).append(" (owner ").append(c.head().ownerText()).append(", contract ")
                        .append(c.versions()).append(")\n");
                c.changes().forEach(line -> out.append("    ").append(line).append('\n'));
                out.append("    gains access: ").append(who(gained, c.table())).append('\n')
                        .append("    loses access: ").append(who(lost, c.table())).append('\n');
            });
        }
        return out.toString();
    }

    /** Who gains (or loses) access to a table, with the columns: {@code role (account) [a, b]; ...}, or nobody. */
    private static String who(List<Change> changes, String table) {
        List<String> principals = changes.stream().filter(c -> c.table().equals(table))
                .map(c -> label(c) + (c.columns().isEmpty() ? "" : " [" + String.join(", ", c.columns()) + "]"))
                .toList();
        return principals.isEmpty() ? "nobody" : String.join("; ", principals);
    }

    /** For a pull-request comment or a job summary. */
    public String markdown() {
        var out = new StringBuilder("### Lake Formation access changes\n\n");
        if (isEmpty()) {
            out.append("No principal gains or loses access.\n");
        } else {
            accessTable(out);
        }
        if (!contracts.isEmpty()) {
            out.append("\n#### Contract changes\n\n| Table | Owner | Contract | Changes | Gains access | Loses access |\n"
                    + "|---|---|---|---|---|---|\n");
            contracts.forEach(c -> out.append("| `").append(c.table()).append("` | ").append(c.head().ownerText()).append(" | ")
                    .append(c.versions()).append(" | ").append(c.changes().isEmpty() ? "—" : String.join("<br>", c.changes()))
                    .append(" | ").append(who(gained, c.table())).append(" | ").append(who(lost, c.table()))
                    .append(" |\n"));
        }
        return out.toString();
    }

    private void accessTable(StringBuilder out) {
        out.append("**").append(gained.size()).append(" gained, ").append(lost.size()).append(" lost**")
                .append(gained.isEmpty() ? "" : " — widening: needs a reviewer").append("\n\n")
                .append("| | Principal | Account | Table | Columns | Permissions | Via |\n|---|---|---|---|---|---|---|\n");
        byPrincipal().forEach((principal, changes) -> changes.forEach(c -> out.append("| ")
                .append(c.sign.equals("+") ? "➕ gained" : "➖ lost").append(" | `").append(c.change.principal())
                .append("` | ").append(c.change.account()).append(" | `").append(c.change.table()).append("` | ")
                .append(c.change.columns().isEmpty() ? "—" : String.join(", ", c.change.columns())).append(" | ")
                .append(String.join(", ", c.change.permissions())).append(" | ")
                .append(String.join(" + ", c.change.via())).append(" |\n")));
    }

    /** For machines: {@code {"gained":[...],"lost":[...],"contracts":[...]}}. */
    public Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("gained", gained.stream().map(AccessDiff::json).toList());
        root.put("lost", lost.stream().map(AccessDiff::json).toList());
        root.put("contracts", contracts.stream().map(this::json).toList());
        return root;
    }

    private Map<String, Object> json(PlannedContracts.Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", c.table());
        m.put("owner", c.head().owner().orElse(null));
        m.put("baseVersion", c.base().version().orElse(null));
        m.put("headVersion", c.head().version().orElse(null));
        m.put("changes", c.changes());
        m.put("gained", gained.stream().filter(g -> g.table().equals(c.table())).map(Change::principal).toList());
        m.put("lost", lost.stream().filter(l -> l.table().equals(c.table())).map(Change::principal).toList());
        return m;
    }

    private static Map<String, Object> json(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("principal", c.principal());
        m.put("account", c.account());
        m.put("table", c.table());
        m.put("columns", c.columns());
        m.put("permissions", c.permissions());
        m.put("via", c.via());
        return m;
    }

    private record Signed(String sign, Change change) {
    }

    /** Gains before losses for each principal, principals in the order they first change. */
    private Map<String, List<Signed>> byPrincipal() {
        Map<String, List<Signed>> grouped = new LinkedHashMap<>();
        gained.forEach(c -> grouped.computeIfAbsent(label(c), k -> new ArrayList<>()).add(new Signed("+", c)));
        lost.forEach(c -> grouped.computeIfAbsent(label(c), k -> new ArrayList<>()).add(new Signed("-", c)));
        return grouped;
    }

    private static String label(Change c) {
        return Objects.equals(c.principal(), c.account()) ? "account " + c.account() : c.principal() + " (" + c.account() + ")";
    }

    private static String describe(Change c) {
        return (c.columns().isEmpty() ? "" : "columns [" + String.join(", ", c.columns()) + "] ")
                + "permissions [" + String.join(", ", c.permissions()) + "]";
    }
}
