package io.datamesh.e2e.standin;

import io.datamesh.e2e.standin.EmulatedAws.Database;
import io.datamesh.e2e.standin.EmulatedAws.Grant;
import io.datamesh.e2e.standin.EmulatedAws.Share;
import io.datamesh.e2e.standin.EmulatedAws.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a query through a resource link could read, computed only from the emulated AWS's recorded
 * state (grants, LF-tags, defaults copied at creation, RAM shares, IAM and KMS policies) — an
 * independent model of Lake Formation, not the project's. For every IAM role with DESCRIBE on a
 * resource link of its account (or any Lake Formation grant), and every table of the link's target
 * database, either the readable columns in table order or the first reason it reads nothing.
 *
 * <p>{@code java ... io.datamesh.e2e.standin.AccessInForce STATE_FILE} prints
 * {@code e2e: access in force: <role> <db>.<table> <col,col,...>} per readable table and
 * {@code e2e: access denied: <role> <db>.<table>: <reason>} per table it cannot read.
 */
public final class AccessInForce {
    private static final List<String> CATALOG_KEY_ACTIONS = List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");

    private AccessInForce() {
    }

    /** One role and one target table: the readable columns, or why there are none. */
    record Access(String role, String database, String table, List<String> columns, String denial) {
        String line() {
            return denial == null
                    ? "e2e: access in force: " + role + " " + database + "." + table + " " + String.join(",", columns)
                    : "e2e: access denied: " + role + " " + database + "." + table + ": " + denial;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: AccessInForce STATE_FILE");
            System.exit(2);
        }
        compute(EmulatedAws.read(Path.of(args[0]))).forEach(a -> System.out.println(a.line()));
    }

    static List<Access> compute(EmulatedAws aws) {
        var result = new ArrayList<Access>();
        for (String role : aws.roles.keySet()) {
            String account = EmulatedAws.accountOf(role);
            boolean anyGrant = aws.grants.values().stream().anyMatch(g -> g.principal.equals(role));
            for (Database link : aws.databases.values()) {
                if (!link.catalogId.equals(account) || link.targetCatalogId == null) {
                    continue;
                }
                boolean describe = holdsOn(aws, account, role, Map.of("type", "database", "catalogId", account,
                        "name", link.name), "DESCRIBE");
                if (!describe && !anyGrant) {
                    continue;
                }
                for (Table table : aws.tables.values()) {
                    if (table.catalogId.equals(link.targetCatalogId) && table.database.equals(link.targetDatabase)) {
                        result.add(evaluate(aws, role, account, link, describe, table));
                    }
                }
            }
        }
        return result;
    }

    private static Access evaluate(EmulatedAws aws, String role, String account, Database link, boolean describe,
                                   Table table) {
        String central = table.catalogId;
        String denial = !describe ? "no DESCRIBE on the resource link " + account + "." + link.name
                : targetDatabase(aws, role, account, table)
                .or(() -> iamAllowedPrincipals(aws, account, table))
                .or(() -> sharing(aws, central, account))
                .or(() -> iam(aws, role, account, table))
                .or(() -> catalogKey(aws, role, table))
                .orElse(null);
        List<String> columns = denial == null ? readable(aws, role, account, table) : List.of();
        if (denial == null && columns.isEmpty()) {
            denial = "no SELECT on any column (no Lake Formation grant to the role covers them, directly from "
                    + central + " or re-granted by " + account + " within what it holds with the grant option)";
        }
        return new Access(role, table.database, table.name, columns, denial);
    }

    /**
     * Lake Formation DG, "Granting permissions on Data Catalog resources": within one account a table
     * grant implies DESCRIBE on its database, but "for cross-account resources, you must explicitly
     * grant DESCRIBE"; through a resource link the caller needs permissions on the target too ("Resource
     * link handling in AWS Glue APIs"). Held directly from the catalog owner, or re-granted by the
     * role's account within what it holds with the grant option.
     */
    private static Optional<String> targetDatabase(EmulatedAws aws, String role, String account, Table table) {
        String central = table.catalogId;
        if (central.equals(account)) {
            return Optional.empty();
        }
        Map<String, String> tags = aws.tagAssignments.getOrDefault(central + "/" + table.database, Map.of());
        boolean direct = false;
        boolean regranted = false;
        boolean held = false;
        for (Grant g : aws.grants.values()) {
            if (!central.equals(g.resourceCatalog()) || !describesDatabase(g.resource, table.database, tags)) {
                continue;
            }
            if (g.principal.equals(role) && describes(g.permissions)) {
                direct |= g.catalogId.equals(central);
                regranted |= !g.catalogId.equals(central);
            }
            held |= g.principal.equals(account) && g.catalogId.equals(central) && describes(g.grantable);
        }
        return direct || (regranted && held) ? Optional.empty() : Optional.of("no DESCRIBE on the target database "
                + central + "." + table.database + " (across accounts it is never implied by a table grant)");
    }

    @SuppressWarnings("unchecked")
    private static boolean describesDatabase(Map<String, Object> resource, String database, Map<String, String> tags) {
        return switch (String.valueOf(resource.get("type"))) {
            case "database" -> database.equals(resource.get("name"));
            case "lfTagPolicy" -> "DATABASE".equals(resource.get("resourceType"))
                    && matches((List<Map<String, Object>>) resource.get("expressions"), tags);
            default -> false;
        };
    }

    private static boolean describes(Set<String> permissions) {
        return permissions.contains("DESCRIBE") || permissions.contains("ALL");
    }

    /**
     * Cross-account prerequisites page: with IAMAllowedPrincipals permissions on the resource,
     * Lake Formation throws AccessDeniedException to a caller with cross-account permissions.
     */
    private static Optional<String> iamAllowedPrincipals(EmulatedAws aws, String account, Table table) {
        if (table.catalogId.equals(account)) {
            return Optional.empty();
        }
        var resource = Map.<String, Object>of("type", "table", "catalogId", table.catalogId,
                "databaseName", table.database, "name", table.name);
        Grant g = aws.grants.get(Grant.key(table.catalogId, "IAM_ALLOWED_PRINCIPALS", new TreeMap<>(resource)));
        return g == null ? Optional.empty() : Optional.of("IAM_ALLOWED_PRINCIPALS holds " + g.permissions + " on "
                + table.catalogId + "." + table.database + "." + table.name
                + ": Lake Formation throws AccessDeniedException to cross-account callers");
    }

    private static Optional<String> sharing(EmulatedAws aws, String central, String account) {
        if (central.equals(account)) {
            return Optional.empty();
        }
        int version = aws.crossAccountVersion(central);
        if (version < 3) {
            return Optional.of("catalog " + central + " is at cross-account version " + version
                    + "; the emulator models sharing through AWS RAM (version 3 or later) only");
        }
        Optional<Share> share = aws.shares.values().stream()
                .filter(s -> s.owner.equals(central) && s.receiver.equals(account)).findFirst();
        if (share.isEmpty()) {
            return Optional.of("no AWS RAM resource share from " + central + " to " + account);
        }
        return "ACTIVE".equals(share.get().status) ? Optional.empty()
                : Optional.of("the AWS RAM resource share " + LakeFormationEmulator.shareArn(share.get().region,
                central, account) + " is " + share.get().status + " in " + account);
    }

    private static Optional<String> iam(EmulatedAws aws, String role, String account, Table table) {
        var policies = new ArrayList<>(aws.rolePolicies.getOrDefault(role, Map.of()).values());
        String tableArn = "arn:aws:glue:" + table.region + ":" + table.catalogId + ":table/" + table.database + "/" + table.name;
        if (!IamPolicy.identityAllows(policies, IamPolicy.Request.of(role, "lakeformation:GetDataAccess", "*"))) {
            return Optional.of("its IAM policies do not allow lakeformation:GetDataAccess");
        }
        if (!IamPolicy.identityAllows(policies, IamPolicy.Request.of(role, "glue:GetTable", tableArn))) {
            return Optional.of("its IAM policies do not allow glue:GetTable on " + tableArn);
        }
        List<String> workgroups = aws.workgroups.stream().filter(w -> account.equals(EmulatedAws.accountOf(w))).toList();
        if (workgroups.stream().noneMatch(w -> IamPolicy.identityAllows(policies,
                IamPolicy.Request.of(role, "athena:StartQueryExecution", w)))) {
            return Optional.of("its IAM policies do not allow athena:StartQueryExecution on a workgroup of " + account
                    + " " + workgroups);
        }
        return Optional.empty();
    }

    /**
     * Athena user guide, "Access to encrypted metadata in the AWS Glue Data Catalog": the caller needs
     * kms:Decrypt, kms:Encrypt and kms:GenerateDataKey on the catalog key, and the key policy must let it in.
     */
    private static Optional<String> catalogKey(EmulatedAws aws, String role, Table table) {
        String configured = aws.catalogKeys.get(table.catalogId);
        if (configured == null) {
            return Optional.empty();
        }
        String keyArn = keyArn(aws, configured, table);
        String keyPolicy = aws.keyPolicies.get(keyArn);
        if (keyPolicy == null) {
            return Optional.of("the catalog of " + table.catalogId + " is encrypted with " + configured
                    + ", a key the emulated AWS does not have");
        }
        var policies = new ArrayList<>(aws.rolePolicies.getOrDefault(role, Map.of()).values());
        // Glue calls KMS on the caller's behalf, so a kms:ViaService condition for Glue holds.
        var context = Map.of("kms:ViaService", "glue." + table.region + ".amazonaws.com");
        for (String action : CATALOG_KEY_ACTIONS) {
            var request = new IamPolicy.Request(role, action, keyArn, context);
            if (!IamPolicy.identityAllows(policies, request)) {
                return Optional.of("its IAM policies do not allow " + action + " on the catalog key " + keyArn);
            }
            if (!IamPolicy.resourceAllows(keyPolicy, request)) {
                return Optional.of("the key policy of the catalog key " + keyArn + " does not allow " + action + " to it");
            }
        }
        return Optional.empty();
    }

    private static String keyArn(EmulatedAws aws, String configured, Table table) {
        String prefix = "arn:aws:kms:" + table.region + ":" + table.catalogId + ":";
        String arn = configured.startsWith("arn:") ? configured : prefix + (configured.startsWith("alias/") ? configured
                : "key/" + configured);
        String target = aws.keyAliases.get(arn);
        return target == null ? arn : target.startsWith("arn:") ? target : prefix + "key/" + target;
    }

    /**
     * Columns covered by a SELECT the central catalog granted the role, plus those the role's own
     * account re-granted on the central catalog's resources, within what that account holds with
     * the grant option.
     */
    private static List<String> readable(EmulatedAws aws, String role, String account, Table table) {
        String central = table.catalogId;
        Set<String> direct = new LinkedHashSet<>();
        Set<String> regranted = new LinkedHashSet<>();
        Set<String> heldGrantable = new LinkedHashSet<>();
        for (Grant g : aws.grants.values()) {
            if (!central.equals(g.resourceCatalog())) {
                continue;
            }
            if (g.principal.equals(role) && selects(g.permissions)) {
                (g.catalogId.equals(central) ? direct : regranted).addAll(covered(aws, g.resource, table));
            }
            if (g.principal.equals(account) && g.catalogId.equals(central) && selects(g.grantable)) {
                heldGrantable.addAll(covered(aws, g.resource, table));
            }
        }
        regranted.retainAll(heldGrantable);
        return table.columns.stream().filter(c -> direct.contains(c) || regranted.contains(c)).toList();
    }

    private static boolean selects(Set<String> permissions) {
        return permissions.contains("SELECT") || permissions.contains("ALL");
    }

    private static boolean holdsOn(EmulatedAws aws, String catalog, String principal, Map<String, Object> resource,
                                   String permission) {
        Grant g = aws.grants.get(Grant.key(catalog, principal, new TreeMap<>(resource)));
        return g != null && (g.permissions.contains(permission) || g.permissions.contains("ALL"));
    }

    /** The table's columns a grant's resource covers (SELECT is column-granular). */
    @SuppressWarnings("unchecked")
    static List<String> covered(EmulatedAws aws, Map<String, Object> resource, Table table) {
        String type = (String) resource.get("type");
        boolean sameTable = table.database.equals(resource.get("databaseName"))
                && (Boolean.TRUE.equals(resource.get("wildcard")) || table.name.equals(resource.get("name")));
        return switch (type) {
            case "lfTagPolicy" -> "TABLE".equals(resource.get("resourceType"))
                    ? table.columns.stream().filter(c -> matches((List<Map<String, Object>>) resource.get("expressions"),
                    effectiveTags(aws, table, c))).toList() : List.of();
            case "table" -> sameTable ? table.columns : List.of();
            case "tableWithColumns" -> {
                if (!sameTable) {
                    yield List.of();
                }
                List<String> named = LakeFormationEmulator.strings(resource.get("columnNames"));
                List<String> excluded = LakeFormationEmulator.strings(resource.get("excludedColumnNames"));
                yield table.columns.stream().filter(c -> named.isEmpty() ? !excluded.contains(c) : named.contains(c)).toList();
            }
            default -> List.of();
        };
    }

    /** AND across the expression's keys, OR within a key's values; a column without the key does not match. */
    private static boolean matches(List<Map<String, Object>> expressions, Map<String, String> tags) {
        for (var e : expressions) {
            String value = tags.get((String) e.get("key"));
            List<String> values = LakeFormationEmulator.strings(e.get("values"));
            if (value == null || !(values.contains("*") || values.contains(value))) {
                return false;
            }
        }
        return true;
    }

    /** Database tags, overridden per key by the table's, overridden per key by the column's. */
    static Map<String, String> effectiveTags(EmulatedAws aws, Table table, String column) {
        var tags = new TreeMap<String, String>();
        String db = table.catalogId + "/" + table.database;
        for (String path : List.of(db, db + "/" + table.name, db + "/" + table.name + "/" + column)) {
            tags.putAll(aws.tagAssignments.getOrDefault(path, Map.of()));
        }
        return tags;
    }
}
