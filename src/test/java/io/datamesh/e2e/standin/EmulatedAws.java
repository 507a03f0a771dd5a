package io.datamesh.e2e.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The state of ONE emulated AWS with many accounts, shared by every provider process of an e2e run:
 * each {@code pulumi up} starts its own stand-in process, so the state lives in a JSON file that each
 * operation reads, changes and writes back under a file lock (other processes) and a monitor (other
 * threads of this process; a JVM cannot hold two locks on one file). Plain public fields so Jackson
 * writes the file without mapping code; only the emulator classes of this package change them.
 */
final class EmulatedAws {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper KEYS = new ObjectMapper();
    private static final Object MONITOR = new Object();

    /** Lake Formation settings per account, in the shape getDataLakeSettings answers. */
    public Map<String, Map<String, Object>> settings = new TreeMap<>();
    /** Glue databases (resource links too) by {@code catalog/name}. */
    public Map<String, Database> databases = new TreeMap<>();
    /** Glue tables by {@code catalog/database/name}. */
    public Map<String, Table> tables = new TreeMap<>();
    /** Lake Formation permissions by {@link Grant#key}. */
    public Map<String, Grant> grants = new TreeMap<>();
    /** LF-tag definitions by {@code catalog/key}: the allowed values. */
    public Map<String, List<String>> lfTags = new TreeMap<>();
    /** LF-tag assignments by resource path ({@code catalog/db[/table[/column]]}): key to value. */
    public Map<String, Map<String, String>> tagAssignments = new TreeMap<>();
    /** The Glue Data Catalog resource policy of each account. */
    public Map<String, String> catalogPolicies = new TreeMap<>();
    /** The catalog's SSE-KMS key (as configured: ARN, id or alias) of each encrypted account. */
    public Map<String, String> catalogKeys = new TreeMap<>();
    /** KMS key policies by key ARN. */
    public Map<String, String> keyPolicies = new TreeMap<>();
    /** KMS aliases ({@code arn:aws:kms:region:account:alias/name}) to the key they name. */
    public Map<String, String> keyAliases = new TreeMap<>();
    /** IAM roles by ARN: their trust policy. */
    public Map<String, String> roles = new TreeMap<>();
    /** Inline IAM role policies by role ARN, then policy name. */
    public Map<String, Map<String, String>> rolePolicies = new TreeMap<>();
    /** Athena workgroup ARNs. */
    public TreeSet<String> workgroups = new TreeSet<>();
    /** AWS RAM resource shares Lake Formation made, by share ARN. */
    public Map<String, Share> shares = new TreeMap<>();
    /**
     * The identity policies of each account's deployer ({@code datamesh-deployer} role), by account:
     * policy name to document. An account without an entry has a deployer with AdministratorAccess,
     * which is what the provider's emulation assumes (it never refuses the deployer an action).
     */
    public Map<String, Map<String, String>> deployerPolicies = new TreeMap<>();
    /** Every resource made with a name AWS knows it by ({@link NamedResources}): its inputs and state. */
    public Map<String, Object> made = new TreeMap<>();
    /** The faults {@link InjectedFaults} fired once in this AWS, so that the run after them completes. */
    public TreeSet<String> injectedFaults = new TreeSet<>();

    public static final class Database {
        public String catalogId;
        public String name;
        public String targetCatalogId;
        public String targetDatabase;
        /** The database's default for new tables: {@code [{principal, permissions}]}. */
        public List<Map<String, Object>> tableDefaults = new ArrayList<>();
    }

    public static final class Table {
        public String region;
        public String catalogId;
        public String database;
        public String name;
        public List<String> columns = new ArrayList<>();
    }

    public static final class Grant {
        public String catalogId;
        public String principal;
        /** Normalised resource: {@code type} plus the fields of that resource type. */
        public Map<String, Object> resource = new TreeMap<>();
        public TreeSet<String> permissions = new TreeSet<>();
        public TreeSet<String> grantable = new TreeSet<>();

        static String key(String catalogId, String principal, Map<String, Object> resource) {
            try {
                return catalogId + "|" + principal + "|" + KEYS.writeValueAsString(resource);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String key() {
            return key(catalogId, principal, resource);
        }

        String resourceCatalog() {
            return (String) resource.get("catalogId");
        }
    }

    public static final class Share {
        public String region;
        public String owner;
        public String receiver;
        /** ACTIVE (usable), PENDING (an invitation not accepted yet) or DISASSOCIATED (the receiver left). */
        public String status;
        /** The receiver's invitation: PENDING or ACCEPTED; null when the share needed none (inside an Organization). */
        public String invitation;
    }

    static Map<String, Object> freshSettings(String account) {
        var iamAllowed = new LinkedHashMap<String, Object>();
        iamAllowed.put("permissions", List.of("ALL"));
        iamAllowed.put("principal", "IAM_ALLOWED_PRINCIPALS");
        var r = new LinkedHashMap<String, Object>();
        r.put("admins", List.of());
        r.put("allowExternalDataFiltering", false);
        r.put("allowFullTableExternalDataAccess", false);
        r.put("authorizedSessionTagValueLists", List.of());
        r.put("catalogId", account);
        r.put("createDatabaseDefaultPermissions", List.of(iamAllowed));
        r.put("createTableDefaultPermissions", List.of(iamAllowed));
        r.put("externalDataFilteringAllowLists", List.of());
        r.put("id", account);
        r.put("parameters", Map.of());
        r.put("readOnlyAdmins", List.of());
        r.put("trustedResourceOwners", List.of());
        return r;
    }

    /** The account's settings; a fresh account's when it never wrote any. */
    Map<String, Object> settingsOf(String account) {
        return settings.computeIfAbsent(account, EmulatedAws::freshSettings);
    }

    int crossAccountVersion(String account) {
        var parameters = settingsOf(account).get("parameters");
        Object v = parameters instanceof Map<?, ?> m ? m.get("CROSS_ACCOUNT_VERSION") : null;
        return v == null ? 1 : Integer.parseInt(String.valueOf(v));
    }

    @SuppressWarnings("unchecked")
    List<String> admins(String account) {
        return (List<String>) settingsOf(account).getOrDefault("admins", List.of());
    }

    /** The role ARN for a role name (or ARN) in an account. */
    static String roleArn(String account, String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : "arn:aws:iam::" + account + ":role/" + nameOrArn;
    }

    /** The account of an ARN, or the id itself for a 12-digit account principal; null otherwise. */
    static String accountOf(String principal) {
        if (principal == null) {
            return null;
        }
        if (principal.matches("\\d{12}")) {
            return principal;
        }
        String[] parts = principal.split(":");
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    static EmulatedAws read(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return new EmulatedAws();
        }
        return JSON.readValue(file.toFile(), EmulatedAws.class);
    }

    /**
     * Reads the state, applies the change and writes it back, holding the lock throughout; a change
     * that throws leaves the file as it was.
     */
    static <T> T transact(Path file, Function<EmulatedAws, T> change) {
        synchronized (MONITOR) {
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            try (var channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var ignored = channel.lock()) {
                EmulatedAws state = read(file);
                T result = change.apply(state);
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                JSON.writeValue(tmp.toFile(), state);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return result;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read or write the emulated AWS state " + file, e);
            }
        }
    }
}
