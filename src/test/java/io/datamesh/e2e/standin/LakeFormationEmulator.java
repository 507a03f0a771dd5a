package io.datamesh.e2e.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.e2e.standin.EmulatedAws.Database;
import io.datamesh.e2e.standin.EmulatedAws.Grant;
import io.datamesh.e2e.standin.EmulatedAws.Share;
import io.datamesh.e2e.standin.EmulatedAws.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What AWS (Lake Formation, Glue, IAM, KMS, RAM) and terraform-provider-aws (behind pulumi-aws
 * 6.83.0) do with the resources the mesh declares, applied to an {@link EmulatedAws}. Each rule
 * here has a source in docs/aws-behaviours.md; resource types not handled here are accepted and
 * change nothing, as the stand-in always did.
 *
 * <p>Refusals throw {@link Refused} before the state changes. A provider failure that AWS does not
 * see (the read-back after a grant) changes the state and returns the provider's message.
 */
final class LakeFormationEmulator {
    static final String PERMISSIONS = "aws:lakeformation/permissions:Permissions";
    static final String RESOURCE_LF_TAG = "aws:lakeformation/resourceLfTag:ResourceLfTag";
    static final String LF_TAG = "aws:lakeformation/lfTag:LfTag";
    static final String SETTINGS = "aws:lakeformation/dataLakeSettings:DataLakeSettings";
    static final String DATABASE = "aws:glue/catalogDatabase:CatalogDatabase";
    static final String TABLE = "aws:glue/catalogTable:CatalogTable";
    static final String RESOURCE_POLICY = "aws:glue/resourcePolicy:ResourcePolicy";
    static final String ENCRYPTION = "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings";
    static final String KEY = "aws:kms/key:Key";
    static final String ALIAS = "aws:kms/alias:Alias";
    static final String ROLE = "aws:iam/role:Role";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String WORKGROUP = "aws:athena/workgroup:Workgroup";
    static final String SHARE_ACCEPTER = "aws:ram/resourceShareAccepter:ResourceShareAccepter";

    static final String REGISTRATION = "aws:lakeformation/resource:Resource";

    /**
     * Inputs whose change the provider schema marks ForceNew, so a change is a replacement. "*":
     * every input (Permissions and ResourceLfTag have no Update at all).
     */
    static final Map<String, Set<String>> FORCE_NEW = Map.of(
            PERMISSIONS, Set.of("*"),
            RESOURCE_LF_TAG, Set.of("*"),
            LF_TAG, Set.of("key", "catalogId"),
            DATABASE, Set.of("name", "catalogId", "targetDatabase"),
            TABLE, Set.of("name", "databaseName", "catalogId", "partitionIndices"),
            SETTINGS, Set.of("catalogId"),
            ROLE, Set.of("name", "namePrefix", "path"),
            ROLE_POLICY, Set.of("name", "namePrefix", "role"),
            SHARE_ACCEPTER, Set.of("shareArn"),
            ENCRYPTION, Set.of("catalogId"));

    static final String READ_BACK_TIMEOUT = "reading Lake Formation permissions: timeout while waiting for state to "
            + "become 'AVAILABLE' (last state: 'NOT FOUND', timeout: 1m0s)";
    static final String DEPLOYER_ROLE = "datamesh-deployer";
    private static final String IAM_ALLOWED = "IAM_ALLOWED_PRINCIPALS";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** AWS (or the provider) refused the operation; the message is what the CLI would print. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final String account;
    private final String region;
    private final RamSharing sharing;

    /**
     * @param account the account the provider process acts as (its credentials)
     * @param sharing whether RAM shares reach their receivers at once or as invitations
     */
    LakeFormationEmulator(String account, String region, RamSharing sharing) {
        this.account = account;
        this.region = region;
        this.sharing = sharing;
    }

    static String callerArn(String account) {
        return "arn:aws:iam::" + account + ":role/" + DEPLOYER_ROLE;
    }

    // ---- create / update / delete -------------------------------------------------------------

    /** Applies a create; null, or the provider's error after AWS already changed (see class comment). */
    String create(EmulatedAws aws, String type, Map<String, Object> inputs, Map<String, Object> state) {
        switch (type) {
            case SETTINGS -> writeSettings(aws, inputs);
            case DATABASE -> createDatabase(aws, inputs);
            case TABLE -> createTable(aws, inputs);
            case PERMISSIONS -> {
                return grant(aws, inputs);
            }
            case LF_TAG -> aws.lfTags.put(catalog(inputs) + "/" + inputs.get("key"), strings(inputs.get("values")));
            case RESOURCE_LF_TAG -> tagResource(aws, inputs);
            case RESOURCE_POLICY -> putCatalogPolicy(aws, inputs);
            case ENCRYPTION -> writeEncryption(aws, inputs);
            case KEY -> aws.keyPolicies.put((String) state.get("arn"), policyOrDefault(inputs.get("policy")));
            case ALIAS -> aws.keyAliases.put("arn:aws:kms:" + region + ":" + account + ":" + inputs.get("name"),
                    String.valueOf(inputs.get("targetKeyId")));
            case ROLE -> aws.roles.put((String) state.get("arn"), String.valueOf(inputs.get("assumeRolePolicy")));
            case ROLE_POLICY -> aws.rolePolicies.computeIfAbsent(EmulatedAws.roleArn(account, (String) inputs.get("role")),
                    k -> new TreeMap<>()).put(String.valueOf(inputs.get("name")), String.valueOf(inputs.get("policy")));
            case WORKGROUP -> aws.workgroups.add((String) state.get("arn"));
            case SHARE_ACCEPTER -> acceptShare(aws, (String) inputs.get("shareArn"));
            default -> {
            }
        }
        return null;
    }

    /** Applies an update (only of types with updatable inputs; the others are replaced). */
    String update(EmulatedAws aws, String type, Map<String, Object> news, Map<String, Object> state) {
        return switch (type) {
            case SETTINGS, LF_TAG, RESOURCE_POLICY, ENCRYPTION, KEY, ALIAS, ROLE, ROLE_POLICY -> create(aws, type, news, state);
            default -> null;
        };
    }

    /** Applies a delete of a resource whose last state (inputs plus outputs) is {@code state}. */
    void delete(EmulatedAws aws, String type, Map<String, Object> state) {
        switch (type) {
            // The provider's delete writes empty settings: no admins, no defaults, version 1.
            case SETTINGS -> putDataLakeSettings(aws, catalog(state), Map.of(
                    "parameters", Map.of("CROSS_ACCOUNT_VERSION", "1", "SET_CONTEXT", "TRUE")));
            case DATABASE -> {
                String key = catalog(state) + "/" + state.get("name");
                aws.databases.remove(key);
                aws.tables.keySet().removeIf(t -> t.startsWith(key + "/"));
            }
            case TABLE -> aws.tables.remove(catalog(state) + "/" + state.get("databaseName") + "/" + state.get("name"));
            case PERMISSIONS -> revoke(aws, state);
            case LF_TAG -> aws.lfTags.remove(catalog(state) + "/" + state.get("key"));
            case RESOURCE_LF_TAG -> untagResource(aws, state);
            case RESOURCE_POLICY -> aws.catalogPolicies.remove(account);
            case ENCRYPTION -> aws.catalogKeys.remove(catalog(state));
            case KEY -> aws.keyPolicies.remove((String) state.get("arn"));
            case ROLE -> {
                aws.roles.remove((String) state.get("arn"));
                aws.rolePolicies.remove((String) state.get("arn"));
            }
            case ROLE_POLICY -> {
                var policies = aws.rolePolicies.get(EmulatedAws.roleArn(account, (String) state.get("role")));
                if (policies != null) {
                    policies.remove(String.valueOf(state.get("name")));
                }
            }
            case WORKGROUP -> aws.workgroups.remove((String) state.get("arn"));
            case SHARE_ACCEPTER -> {
                Share share = aws.shares.get((String) state.get("shareArn"));
                if (share != null) {
                    share.status = "DISASSOCIATED";
                }
            }
            default -> {
            }
        }
    }

    // ---- Lake Formation settings --------------------------------------------------------------

    /**
     * The provider's PutDataLakeSettings: the settings are replaced whole, but the provider adds a
     * default-permissions list to the request only when it is non-empty (terraform-provider-aws
     * data_lake_settings.go, {@code d.GetOk}), and a request without one keeps the account's
     * (pulumi-aws #4366, cloudformation-coverage-roadmap #2197): IAM-only defaults survive it.
     */
    private void writeSettings(EmulatedAws aws, Map<String, Object> inputs) {
        String catalogId = catalog(inputs);
        var before = aws.settingsOf(catalogId);
        var request = new LinkedHashMap<>(inputs);
        for (String defaults : List.of("createDatabaseDefaultPermissions", "createTableDefaultPermissions")) {
            if (!(request.get(defaults) instanceof List<?> list) || list.isEmpty()) {
                request.put(defaults, before.get(defaults));
            }
        }
        putDataLakeSettings(aws, catalogId, request);
    }

    /** PutDataLakeSettings as the API takes it: whatever the request gives replaces the account's settings. */
    static void putDataLakeSettings(EmulatedAws aws, String catalogId, Map<String, Object> request) {
        var written = EmulatedAws.freshSettings(catalogId);
        written.put("createDatabaseDefaultPermissions", List.of());
        written.put("createTableDefaultPermissions", List.of());
        request.forEach((key, value) -> {
            if (written.containsKey(key) && value != null && !key.equals("catalogId") && !key.equals("id")) {
                written.put(key, value);
            }
        });
        aws.settings.put(catalogId, written);
    }

    Map<String, Object> dataLakeSettings(EmulatedAws aws, String catalogId) {
        return new LinkedHashMap<>(aws.settingsOf(catalogId));
    }

    // ---- Glue ---------------------------------------------------------------------------------

    /**
     * CreateDatabase copies the account's createDatabaseDefaultPermissions onto the new database, and
     * gives it the account's createTableDefaultPermissions as its default for new tables unless the
     * request carries a non-empty list (the provider sends none when the list is empty).
     */
    @SuppressWarnings("unchecked")
    private void createDatabase(EmulatedAws aws, Map<String, Object> inputs) {
        var db = new Database();
        db.catalogId = catalog(inputs);
        db.name = (String) inputs.get("name");
        if (aws.databases.containsKey(db.catalogId + "/" + db.name)) {
            throw new Refused("creating Glue Catalog Database (" + db.name + "): AlreadyExistsException: Database already exists.");
        }
        if (inputs.get("targetDatabase") instanceof Map<?, ?> target) {
            db.targetCatalogId = (String) target.get("catalogId");
            db.targetDatabase = (String) target.get("databaseName");
        }
        var settings = aws.settingsOf(db.catalogId);
        List<Map<String, Object>> requested = inputs.get("createTableDefaultPermissions") instanceof List<?> l
                ? (List<Map<String, Object>>) l : List.of();
        if (!requested.isEmpty()) {
            for (var p : requested) {
                Object principal = p.get("principal") instanceof Map<?, ?> m ? m.get("dataLakePrincipalIdentifier") : p.get("principal");
                db.tableDefaults.add(Map.of("principal", String.valueOf(principal), "permissions", strings(p.get("permissions"))));
            }
        } else {
            db.tableDefaults.addAll((List<Map<String, Object>>) settings.get("createTableDefaultPermissions"));
        }
        aws.databases.put(db.catalogId + "/" + db.name, db);
        for (var p : (List<Map<String, Object>>) settings.get("createDatabaseDefaultPermissions")) {
            var resource = new TreeMap<String, Object>(Map.of("type", "database", "catalogId", db.catalogId, "name", db.name));
            addGrant(aws, db.catalogId, String.valueOf(p.get("principal")), resource, strings(p.get("permissions")), List.of());
        }
    }

    /** CreateTable copies the database's default for new tables onto the table. */
    @SuppressWarnings("unchecked")
    private void createTable(EmulatedAws aws, Map<String, Object> inputs) {
        var table = new Table();
        table.region = region;
        table.catalogId = catalog(inputs);
        table.database = (String) inputs.get("databaseName");
        table.name = (String) inputs.get("name");
        Database db = aws.databases.get(table.catalogId + "/" + table.database);
        if (db == null) {
            throw new Refused("creating Glue Catalog Table (" + table.name + "): EntityNotFoundException: Database "
                    + table.database + " not found.");
        }
        if (inputs.get("storageDescriptor") instanceof Map<?, ?> sd && sd.get("columns") instanceof List<?> columns) {
            columns.forEach(c -> table.columns.add(String.valueOf(((Map<String, Object>) c).get("name"))));
        }
        if (inputs.get("partitionKeys") instanceof List<?> keys) {
            keys.forEach(c -> table.columns.add(String.valueOf(((Map<String, Object>) c).get("name"))));
        }
        aws.tables.put(table.catalogId + "/" + table.database + "/" + table.name, table);
        for (var p : db.tableDefaults) {
            var resource = new TreeMap<String, Object>(Map.of("type", "table", "catalogId", table.catalogId,
                    "databaseName", table.database, "name", table.name));
            addGrant(aws, table.catalogId, String.valueOf(p.get("principal")), resource, strings(p.get("permissions")), List.of());
        }
    }

    /**
     * PutResourcePolicy fails unless EnableHybrid is TRUE once the account has made cross-account
     * grants through Lake Formation (AWS RAM shares).
     */
    private void putCatalogPolicy(EmulatedAws aws, Map<String, Object> inputs) {
        boolean sharedThroughRam = aws.shares.values().stream().anyMatch(s -> s.owner.equals(account));
        if (sharedThroughRam && !"TRUE".equals(inputs.get("enableHybrid"))) {
            throw new Refused("putting policy request: InvalidInputException: " + account + " has made cross-account "
                    + "grants through Lake Formation (AWS RAM); PutResourcePolicy needs EnableHybrid TRUE (emulator wording)");
        }
        aws.catalogPolicies.put(account, String.valueOf(inputs.get("policy")));
    }

    private void writeEncryption(EmulatedAws aws, Map<String, Object> inputs) {
        String catalogId = catalog(inputs);
        Object settings = inputs.get("dataCatalogEncryptionSettings");
        Object atRest = settings instanceof Map<?, ?> m ? m.get("encryptionAtRest") : null;
        if (atRest instanceof Map<?, ?> r && "SSE-KMS".equals(r.get("catalogEncryptionMode")) && r.get("sseAwsKmsKeyId") != null) {
            aws.catalogKeys.put(catalogId, String.valueOf(r.get("sseAwsKmsKeyId")));
        } else {
            aws.catalogKeys.remove(catalogId);
        }
    }

    // ---- Lake Formation permissions -----------------------------------------------------------

    /**
     * GrantPermissions, with AWS's checks, then the provider's read-back: a grant whose LF-tag policy
     * lives in another account's catalog is not listed back, so the provider times out although
     * the grant exists.
     */
    private String grant(EmulatedAws aws, Map<String, Object> inputs) {
        String catalogId = catalog(inputs);
        String principal = String.valueOf(inputs.get("principal"));
        var resource = resourceOf(inputs);
        var permissions = strings(inputs.get("permissions"));
        var grantable = strings(inputs.get("permissionsWithGrantOptions"));
        // The provider wraps GrantPermissions errors twice (permissions.go resourcePermissionsCreate).
        String failure = "creating Lake Formation Permissions (input: " + describe(principal, resource, permissions, grantable)
                + "): creating Lake Formation Permissions: ";

        String resourceCatalog = (String) resource.get("catalogId");
        checkTagsExist(aws, resource, failure);
        String caller = callerArn(account);
        boolean admin = aws.admins(account).contains(caller);
        var wanted = new TreeSet<>(permissions);
        wanted.addAll(grantable);
        if (resourceCatalog.equals(account) ? !admin && !holds(aws, caller, resource, wanted)
                : !(admin && holds(aws, account, resource, wanted)) && !holds(aws, caller, resource, wanted)) {
            throw new Refused(failure + "AccessDeniedException: Insufficient Lake Formation permission(s) on "
                    + describeResource(resource) + " (the caller " + caller + " is no data lake administrator of "
                    + account + (resourceCatalog.equals(account) ? "" : " holding them with the grant option")
                    + ")");
        }
        String receiver = EmulatedAws.accountOf(principal);
        boolean crossAccount = receiver != null && !receiver.equals(account);
        if (crossAccount && aws.crossAccountVersion(account) >= 3) {
            String policy = aws.catalogPolicies.get(account);
            if (policy != null && !IamPolicy.resourceAllows(policy, IamPolicy.Request.of("ram.amazonaws.com",
                    "glue:ShareResource", "arn:aws:glue:" + region + ":" + account + ":catalog"))) {
                throw new Refused(failure + "InvalidInputException: the Data Catalog resource policy of " + account
                        + " does not allow glue:ShareResource to ram.amazonaws.com, which cross-account grants at "
                        + "cross-account version " + aws.crossAccountVersion(account) + " share through (AWS RAM)");
            }
            share(aws, receiver, principal);
        }
        addGrant(aws, catalogId, principal, resource, permissions, grantable);
        if ("lfTagPolicy".equals(resource.get("type")) && !resourceCatalog.equals(account)) {
            return READ_BACK_TIMEOUT;
        }
        return null;
    }

    /** RevokePermissions of exactly what the resource's state lists, on its key. */
    private void revoke(EmulatedAws aws, Map<String, Object> state) {
        String key = Grant.key(catalog(state), String.valueOf(state.get("principal")), resourceOf(state));
        Grant g = aws.grants.get(key);
        if (g == null) {
            return;
        }
        g.permissions.removeAll(strings(state.get("permissions")));
        g.grantable.removeAll(strings(state.get("permissionsWithGrantOptions")));
        if (g.permissions.isEmpty() && g.grantable.isEmpty()) {
            aws.grants.remove(key);
        }
    }

    /** Lake Formation keeps one entry per (catalog, principal, resource): grants add to it. */
    private static void addGrant(EmulatedAws aws, String catalogId, String principal, Map<String, Object> resource,
                                 Collection<String> permissions, Collection<String> grantable) {
        String key = Grant.key(catalogId, principal, resource);
        Grant g = aws.grants.computeIfAbsent(key, k -> {
            var n = new Grant();
            n.catalogId = catalogId;
            n.principal = principal;
            n.resource = new TreeMap<>(resource);
            return n;
        });
        g.permissions.addAll(permissions);
        g.grantable.addAll(grantable);
    }

    /**
     * Whether the principal holds all of {@code wanted} with the grant option on a resource that covers
     * {@code resource}: the same resource, a broader LF-tag expression, or a table by name or wildcard.
     */
    static boolean holds(EmulatedAws aws, String principal, Map<String, Object> resource, Set<String> wanted) {
        for (Grant g : aws.grants.values()) {
            if (g.principal.equals(principal) && Objects.equals(g.resourceCatalog(), resource.get("catalogId"))
                    && (g.grantable.contains("ALL") || g.grantable.containsAll(wanted)) && covers(g.resource, resource)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean covers(Map<String, Object> held, Map<String, Object> wanted) {
        if (held.equals(wanted)) {
            return true;
        }
        String type = (String) held.get("type");
        if ("lfTagPolicy".equals(type) && "lfTagPolicy".equals(wanted.get("type"))
                && Objects.equals(held.get("resourceType"), wanted.get("resourceType"))) {
            var asked = new TreeMap<String, List<String>>();
            ((List<Map<String, Object>>) wanted.get("expressions")).forEach(e -> asked.put((String) e.get("key"), strings(e.get("values"))));
            for (var e : (List<Map<String, Object>>) held.get("expressions")) {
                List<String> values = strings(e.get("values"));
                List<String> narrowed = asked.get((String) e.get("key"));
                if (narrowed == null || !(values.contains("*") || values.containsAll(narrowed))) {
                    return false;
                }
            }
            return true;
        }
        if ("table".equals(type) && Set.of("table", "tableWithColumns").contains(wanted.get("type"))
                && Objects.equals(held.get("databaseName"), wanted.get("databaseName"))) {
            return Boolean.TRUE.equals(held.get("wildcard")) || Objects.equals(held.get("name"), wanted.get("name"));
        }
        return false;
    }

    /** LF-tag keys and values of an expression or tag resource must be defined in the tag's catalog. */
    @SuppressWarnings("unchecked")
    private static void checkTagsExist(EmulatedAws aws, Map<String, Object> resource, String failure) {
        var pairs = new ArrayList<Map.Entry<String, List<String>>>();
        if ("lfTagPolicy".equals(resource.get("type"))) {
            ((List<Map<String, Object>>) resource.get("expressions"))
                    .forEach(e -> pairs.add(Map.entry((String) e.get("key"), strings(e.get("values")))));
        } else if ("lfTag".equals(resource.get("type"))) {
            pairs.add(Map.entry((String) resource.get("key"), strings(resource.get("values"))));
        }
        for (var pair : pairs) {
            List<String> defined = aws.lfTags.get(resource.get("catalogId") + "/" + pair.getKey());
            if (defined == null) {
                throw new Refused(failure + "EntityNotFoundException: Tag key " + pair.getKey()
                        + " does not exist in catalog " + resource.get("catalogId"));
            }
            for (String value : pair.getValue()) {
                if (!value.equals("*") && !defined.contains(value)) {
                    throw new Refused(failure + "InvalidInputException: Tag value " + value + " is not a value of the tag "
                            + pair.getKey() + " in catalog " + resource.get("catalogId"));
                }
            }
        }
    }

    // ---- AWS RAM -------------------------------------------------------------------------------

    static String shareArn(String region, String owner, String receiver) {
        return "arn:aws:ram:" + region + ":" + owner + ":resource-share/"
                + UUID.nameUUIDFromBytes((owner + "->" + receiver).getBytes(StandardCharsets.UTF_8));
    }

    static String invitationArn(String shareArn) {
        return shareArn.replace(":resource-share/", ":resource-share-invitation/");
    }

    /**
     * Lake Formation (version 3 or later) shares through one AWS RAM resource share per pair of accounts:
     * usable at once inside an Organization with RAM sharing enabled, else an invitation ({@link RamSharing}).
     */
    private void share(EmulatedAws aws, String receiver, String principal) {
        aws.shares.computeIfAbsent(shareArn(region, account, receiver), arn -> {
            var s = new Share();
            s.region = region;
            s.owner = account;
            s.receiver = receiver;
            boolean invited = sharing.invites(principal);
            s.status = invited ? "PENDING" : "ACTIVE";
            s.invitation = invited ? "PENDING" : null;
            return s;
        });
    }

    /**
     * The provider accepts a PENDING invitation for the share; inside an Organization with RAM sharing
     * there is none, so it fails there (resource_share_accepter.go, resourceResourceShareAccepterCreate).
     */
    private void acceptShare(EmulatedAws aws, String shareArn) {
        Share share = aws.shares.get(shareArn);
        if (share == null || !share.receiver.equals(account) || !"PENDING".equals(share.invitation)) {
            throw new Refused("No pending RAM Resource Share (" + shareArn + ") invitation found\n\n"
                    + "NOTE: If both AWS accounts are in the same AWS Organization and RAM Sharing with AWS "
                    + "Organizations is enabled, this resource is not necessary");
        }
        accept(share);
    }

    /** AcceptResourceShareInvitation, by the provider's accepter or through the API: the share becomes usable. */
    static void accept(Share share) {
        share.invitation = "ACCEPTED";
        share.status = "ACTIVE";
    }

    // ---- LF-tag assignments -------------------------------------------------------------------

    private void tagResource(EmulatedAws aws, Map<String, Object> inputs) {
        var tag = (Map<?, ?>) inputs.get("lfTag");
        String key = String.valueOf(tag.get("key"));
        String value = String.valueOf(tag.get("value"));
        String tagCatalog = tag.get("catalogId") instanceof String c ? c : catalog(inputs);
        List<String> defined = aws.lfTags.get(tagCatalog + "/" + key);
        String failure = "creating Lake Formation Resource LF Tag (" + key + "=" + value + "): ";
        if (defined == null || !defined.contains(value)) {
            throw new Refused(failure + "EntityNotFoundException: Tag " + key + "=" + value + " does not exist in catalog "
                    + tagCatalog);
        }
        for (String path : tagPaths(inputs)) {
            String resourcePath = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
            boolean exists = resourcePath.split("/").length == 2 ? aws.databases.containsKey(resourcePath)
                    : aws.tables.containsKey(resourcePath);
            if (!exists) {
                throw new Refused(failure + "EntityNotFoundException: " + resourcePath + " does not exist");
            }
            aws.tagAssignments.computeIfAbsent(path.replace('#', '/'), k -> new TreeMap<>()).put(key, value);
        }
    }

    private void untagResource(EmulatedAws aws, Map<String, Object> state) {
        String key = String.valueOf(((Map<?, ?>) state.get("lfTag")).get("key"));
        for (String path : tagPaths(state)) {
            var assigned = aws.tagAssignments.get(path.replace('#', '/'));
            if (assigned != null) {
                assigned.remove(key);
            }
        }
    }

    /** {@code catalog/db}, {@code catalog/db/table} or {@code catalog/db/table#column} per column. */
    private List<String> tagPaths(Map<String, Object> inputs) {
        var paths = new ArrayList<String>();
        if (inputs.get("database") instanceof Map<?, ?> d) {
            paths.add(orDefault(d.get("catalogId"), catalog(inputs)) + "/" + d.get("name"));
        } else if (inputs.get("table") instanceof Map<?, ?> t) {
            paths.add(orDefault(t.get("catalogId"), catalog(inputs)) + "/" + t.get("databaseName") + "/" + t.get("name"));
        } else if (inputs.get("tableWithColumns") instanceof Map<?, ?> t) {
            String table = orDefault(t.get("catalogId"), catalog(inputs)) + "/" + t.get("databaseName") + "/" + t.get("name");
            strings(t.get("columnNames")).forEach(c -> paths.add(table + "#" + c));
        }
        return paths;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A resource's catalog: its {@code catalogId} input, else the acting account (the API default). */
    private String catalog(Map<String, ?> inputs) {
        return orDefault(inputs.get("catalogId"), account);
    }

    private static String orDefault(Object value, String fallback) {
        return value instanceof String s && !s.isEmpty() ? s : fallback;
    }

    /**
     * The Lake Formation resource a write modifies, for {@link LakeFormationContention}; null for
     * a resource type that is no Lake Formation write. A grant modifies the permissions of its
     * resource (a {@code tableWithColumns} grant those of its table), a tag assignment its database
     * or table (a column's tag is part of its table), the settings the account's data lake, an
     * LF-tag its key, a registration its location. Two writes are "on the same resource" when
     * these are equal.
     */
    String contendedResource(String type, Map<String, Object> inputs) {
        return switch (type) {
            case PERMISSIONS -> {
                var r = resourceOf(inputs);
                yield switch (String.valueOf(r.get("type"))) {
                    case "database" -> "database " + r.get("catalogId") + "/" + r.get("name");
                    case "table", "tableWithColumns" -> "table " + r.get("catalogId") + "/" + r.get("databaseName")
                            + "/" + (r.get("name") != null ? r.get("name") : "*");
                    case "lfTag" -> "lfTag " + r.get("catalogId") + "/" + r.get("key");
                    case "dataLocation" -> "dataLocation " + r.get("arn");
                    default -> r.get("type") + " " + r;
                };
            }
            case RESOURCE_LF_TAG -> {
                var paths = tagPaths(inputs);
                String path = paths.isEmpty() ? catalog(inputs) : paths.get(0).split("#")[0];
                yield (path.split("/").length == 2 ? "database " : "table ") + path;
            }
            case SETTINGS -> "settings " + catalog(inputs);
            case LF_TAG -> "lfTag " + catalog(inputs) + "/" + inputs.get("key");
            case REGISTRATION -> "dataLocation " + inputs.get("arn");
            default -> null;
        };
    }

    /** The one Lake Formation resource of a Permissions, normalised so equal resources have equal keys. */
    Map<String, Object> resourceOf(Map<String, Object> inputs) {
        var r = new TreeMap<String, Object>();
        String defaultCatalog = account;
        for (String type : List.of("database", "table", "tableWithColumns", "lfTag", "lfTagPolicy", "dataLocation")) {
            if (inputs.get(type) instanceof Map<?, ?> m) {
                r.put("type", type);
                m.forEach((k, v) -> {
                    if (v != null && !(v instanceof Boolean b && !b) && !(v instanceof List<?> l && l.isEmpty())) {
                        r.put(String.valueOf(k), v instanceof List<?> l ? sorted(l) : v);
                    }
                });
                r.putIfAbsent("catalogId", defaultCatalog);
                if (type.equals("lfTagPolicy") && r.get("expressions") instanceof List<?> expressions) {
                    var normalised = new ArrayList<Map<String, Object>>();
                    expressions.forEach(e -> normalised.add(new TreeMap<>(Map.of("key", ((Map<?, ?>) e).get("key"),
                            "values", sorted((List<?>) ((Map<?, ?>) e).get("values"))))));
                    normalised.sort((a, b) -> String.valueOf(a.get("key")).compareTo(String.valueOf(b.get("key"))));
                    r.put("expressions", normalised);
                }
                return r;
            }
        }
        r.put("type", "catalog");
        r.put("catalogId", catalog(inputs));
        return r;
    }

    private static Object sorted(List<?> l) {
        if (l.stream().allMatch(e -> e instanceof String)) {
            return new ArrayList<>(new TreeSet<>(strings(l)));
        }
        return l;
    }

    static List<String> strings(Object value) {
        var list = new ArrayList<String>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> list.add(String.valueOf(v)));
        }
        return list;
    }

    private String policyOrDefault(Object policy) {
        // KMS's default key policy lets the account (its IAM policies) in, and no other account.
        return policy instanceof String s && !s.isBlank() ? s
                : "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account
                + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    }

    private static String describe(String principal, Map<String, Object> resource, List<String> permissions,
                                   List<String> grantable) {
        try {
            return JSON.writeValueAsString(Map.of("principal", principal, "resource", resource,
                    "permissions", permissions, "permissionsWithGrantOption", grantable));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describeResource(Map<String, Object> resource) {
        return resource.get("type") + " " + resource;
    }
}
