package io.datamesh.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.datamesh.names.MeshNames;
import io.datamesh.quota.Quota;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a stack's raw configuration into validated settings in one pass, collecting every problem
 * with its key. Nothing here touches Pulumi, so the real program and the offline plan share it.
 */
public final class StackConfigParser {
    public static final String NS = "datamesh:";

    private static final Set<String> COMMON_KEYS = Set.of("role", "accountId", "namePrefix",
            "crossAccountVersion", "lakeFormationAdmins", "quotas");
    private static final Set<String> DOMAIN_KEYS = Set.of("domain", "centralAccountId", "centralStack",
            "analysts", "athena", "ramShareArns");
    private static final Map<StackRole, Set<String>> ROLE_KEYS = Map.of(
            StackRole.CENTRAL, Set.of("lfTags", "producers", "consumers", "grants", "ramSharing",
                    "crawlerLogRetentionDays"),
            StackRole.PRODUCER, union(DOMAIN_KEYS, Set.of("databaseTags", "dataProducts", "uploadSampleData",
                    "sampleDataDir", "auditTrail", "noncurrentVersionExpirationDays")),
            StackRole.CONSUMER, DOMAIN_KEYS);

    private static final Map<String, StackRole> ROLES = Map.of("central", StackRole.CENTRAL,
            "producer", StackRole.PRODUCER, "consumer", StackRole.CONSUMER);
    private static final Map<String, GrantResource> GRANT_RESOURCES = Map.of("DATABASE", GrantResource.DATABASE,
            "TABLE", GrantResource.TABLE);
    /** Central grants each domain's query roles, which only read: writes stay with the producer's own catalog. */
    private static final Map<GrantResource, Set<String>> GRANTABLE = Map.of(
            GrantResource.DATABASE, Set.of("DESCRIBE"),
            GrantResource.TABLE, Set.of("SELECT", "DESCRIBE"));
    private static final Map<String, RamSharing> RAM_SHARING = new TreeMap<>(Map.of(
            RamSharing.ORGANIZATION.configValue(), RamSharing.ORGANIZATION,
            RamSharing.INVITATIONS.configValue(), RamSharing.INVITATIONS));
    private static final Set<String> FORMATS = Set.of("csv", "json", "parquet");
    private static final Pattern GLUE_TYPE = Pattern.compile(
            "string|boolean|tinyint|smallint|int|bigint|float|double|date|timestamp|binary"
                    + "|decimal\\(\\d{1,2},\\d{1,2}\\)|varchar\\(\\d+\\)|char\\(\\d+\\)");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    private static final Pattern IAM_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+");
    private static final Pattern RAM_SHARE_ARN = Pattern.compile("arn:aws[a-z-]*:ram:[a-z0-9-]+:\\d{12}:resource-share/.+");
    private static final Pattern PREFIX = Pattern.compile("([a-z0-9][a-z0-9_\\-]*/)+");
    private static final Pattern NAME_PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    /** An IAM role or user ARN, or an ArnLike pattern of one; the account is checked separately. */
    private static final Pattern IAM_ARN_PATTERN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):(role|user)/([\\w+=,.@/*?-]+)");
    /** The retention periods CloudWatch Logs accepts (PutRetentionPolicy). */
    private static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final ObjectMapper JSON = new ObjectMapper();

    private StackConfigParser() {
    }

    /** @throws InvalidConfigException with every problem found, if there is any */
    public static StackSettings parse(RawStackConfig raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        raw.values().forEach((key, text) -> values.put(key, toJson(text)));
        var root = new Root(values, problems);

        StackRole role = root.key("role").requiredText().isEmpty() ? null
                : root.key("role").oneOf(ROLES, null);
        String region = raw.get("aws:region").orElse("");
        if (region.isEmpty()) {
            problems.add(new ConfigProblem("aws:region", "is required (the AWS region every resource goes to)"));
        } else if (!REGION.matcher(region).matches()) {
            problems.add(new ConfigProblem("aws:region", "'" + region + "' is not an AWS region name"));
        }
        String accountId = root.key("accountId").requiredAccountId();
        String namePrefix = root.key("namePrefix").text("datamesh");
        if (!NAME_PREFIX.matcher(namePrefix).matches() || namePrefix.startsWith("xn--")
                || namePrefix.startsWith("sthree-")) {
            root.key("namePrefix").problem("'" + namePrefix + "' must be 1-20 lower-case letters, digits and '-',"
                    + " starting with a letter and not with xn-- or sthree- (it starts role and bucket names)");
        }
        var identity = new StackIdentity(raw.org(), raw.project(), raw.stack(), accountId, region, namePrefix,
                (int) root.key("crossAccountVersion").number(4, 4, 5),
                ownAccountIamArns(root.key("lakeFormationAdmins"), accountId), raisedQuotas(root.key("quotas")));
        if (role != null) {
            reportUnknownKeys(raw, role, problems);
        }
        StackSettings settings = role == null ? null : switch (role) {
            case CENTRAL -> central(root, identity);
            case PRODUCER -> producer(root, identity);
            case CONSUMER -> new ConsumerSettings(identity, domainName(root, identity), domainAccess(root, identity));
        };
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(raw.source(), problems);
        }
        return settings;
    }

    /** Quotas the account has had raised, by the quota's key: a positive whole number each. */
    private static Map<Quota, Long> raisedQuotas(ConfigNode node) {
        Map<Quota, Long> raised = new LinkedHashMap<>();
        node.entries().forEach((key, value) -> Quota.ofConfigKey(key).ifPresentOrElse(
                quota -> raised.put(quota, value.number(quota.defaultLimit(), 1, Integer.MAX_VALUE)),
                () -> value.problem("'" + key + "' is not a known quota " + Quota.configKeys())));
        return raised;
    }

    private static CentralSettings central(Root root, StackIdentity identity) {
        var lfTags = root.key("lfTags");
        Map<String, List<String>> ontology = new LinkedHashMap<>();
        lfTags.entries().forEach((key, values) -> {
            List<String> allowed = values.texts();
            if (allowed.isEmpty()) {
                values.problem("an LF-tag needs at least one value");
            }
            ConfigNode.requireUnique(values, allowed, "value");
            ontology.put(key, allowed);
        });
        if (!lfTags.isPresent()) {
            lfTags.problem("is required (the LF-tag ontology: key → allowed values)");
        } else if (!ontology.containsKey("domain")) {
            lfTags.problem("must define the 'domain' key: every domain database is tagged domain=<domain>");
        }

        var producersNode = root.key("producers");
        var consumersNode = root.key("consumers");
        List<DomainAccount> producers = domainAccounts(producersNode, identity);
        List<DomainAccount> consumers = domainAccounts(consumersNode, identity);
        var domainTag = ontology.getOrDefault("domain", List.of());
        for (int i = 0; i < producers.size(); i++) {
            String domain = producers.get(i).domain();
            if (!domain.isEmpty() && ontology.containsKey("domain") && !domainTag.contains(domain)) {
                producersNode.elements().get(i).field("domain").problem("'" + domain
                        + "' is not a value of the LF-tag 'domain' " + domainTag);
            }
        }
        List<String> allDomains = Stream.concat(producers.stream(), consumers.stream()).map(DomainAccount::domain).toList();
        ConfigNode.requireUnique(root.key("consumers"), allDomains, "domain (producers and consumers share one namespace)");
        List<String> accounts = Stream.concat(Stream.of(identity.accountId()),
                Stream.concat(producers.stream(), consumers.stream()).map(DomainAccount::accountId)).toList();
        ConfigNode.requireUnique(root.key("consumers"), accounts,
                "account id (each domain and the central catalog need their own account)");

        var grantsNode = root.key("grants");
        List<TagGrant> grants = grantsNode.list(g -> tagGrant(g, ontology, allDomains));
        ConfigNode.requireUnique(grantsNode, grants.stream().map(TagGrant::name).toList(), "grant name");
        RamSharing ramSharing = root.key("ramSharing").oneOf(RAM_SHARING, RamSharing.ORGANIZATION);
        var retentionNode = root.key("crawlerLogRetentionDays");
        int retention = (int) retentionNode.number(CentralSettings.DEFAULT_CRAWLER_LOG_RETENTION_DAYS, 1, 3653);
        if (!LOG_RETENTION_DAYS.contains(retention)) {
            retentionNode.problem(retention + " is not a retention CloudWatch Logs accepts: one of " + LOG_RETENTION_DAYS);
        }
        return new CentralSettings(identity, ontology, producers, consumers, grants, ramSharing, retention);
    }

    private static List<DomainAccount> domainAccounts(ConfigNode list, StackIdentity identity) {
        return list.list(d -> {
            String domain = d.field("domain").requiredName();
            return new DomainAccount(domain, d.field("accountId").requiredAccountId(),
                    identity.qualify(d.field("stack").text(domain)));
        });
    }

    private static TagGrant tagGrant(ConfigNode g, Map<String, List<String>> ontology, List<String> domains) {
        String name = g.field("name").requiredText();
        var toNode = g.field("to");
        String to = toNode.requiredText();
        if (!to.isEmpty() && !domains.contains(to)) {
            toNode.problem("'" + to + "' is not a configured producer or consumer domain " + domains);
        }
        var resourceNode = g.field("resource");
        GrantResource resource = resourceNode.isPresent() ? resourceNode.oneOf(GRANT_RESOURCES, GrantResource.TABLE)
                : GrantResource.TABLE;
        var permissionsNode = g.field("permissions");
        List<String> permissions = permissionsNode.texts();
        if (permissions.isEmpty()) {
            permissionsNode.problem("is required: list the permissions, e.g. [SELECT, DESCRIBE]");
        }
        for (String p : permissions) {
            if (!GRANTABLE.get(resource).contains(p)) {
                permissionsNode.problem("'" + p + "' cannot be granted on " + resource + " here: central grants the"
                        + " domain's query roles, which only read; allowed: " + GRANTABLE.get(resource).stream().sorted().toList());
            }
        }
        var expressionNode = g.field("expression");
        Map<String, List<String>> expression = new LinkedHashMap<>();
        expressionNode.entries().forEach((key, valuesNode) -> {
            List<String> values = valuesNode.oneOrMoreTexts();
            ContractCheck.checkTagValues(key, values, ontology, valuesNode::problem);
            expression.put(key, values);
        });
        if (expression.isEmpty()) {
            expressionNode.problem("is required: an LF-tag expression such as {domain: [sales]}");
        }
        return new TagGrant(name, to, resource, permissions, expression);
    }

    private static ProducerSettings producer(Root root, StackIdentity identity) {
        String domain = domainName(root, identity);
        var productsNode = root.key("dataProducts");
        if (!productsNode.isPresent()) {
            productsNode.problem("is required: a producer publishes at least one data product");
        }
        List<DataProduct> products = productsNode.list(StackConfigParser::dataProduct);
        ConfigNode.requireUnique(productsNode, products.stream().map(DataProduct::name).toList(), "data product");
        ConfigNode.requireUnique(productsNode, products.stream().map(DataProduct::prefix).toList(), "prefix");
        var databaseTags = root.key("databaseTags").tagAssignments();
        if (databaseTags.containsKey(ContractCheck.DOMAIN_TAG)) {
            root.key("databaseTags").field(ContractCheck.DOMAIN_TAG).problem("is set by the mesh to the producer's domain; remove it");
        }
        var auditTrail = root.key("auditTrail");
        auditTrail.allowOnlyFields(Set.of("enabled", "retentionDays"));
        return new ProducerSettings(identity, domain, domainAccess(root, identity), databaseTags, products,
                root.key("uploadSampleData").bool(true), root.key("sampleDataDir").text("sample-data"),
                new AuditTrailSettings(auditTrail.field("enabled").bool(AuditTrailSettings.DEFAULTS.enabled()),
                        (int) auditTrail.field("retentionDays").number(AuditTrailSettings.DEFAULTS.retentionDays(), 90, 3650)),
                (int) root.key("noncurrentVersionExpirationDays").number(
                        ProducerSettings.DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS, 1, 365));
    }

    /** A domain name: a Glue database name that also fits the domain's S3 bucket names. */
    private static String domainName(Root root, StackIdentity identity) {
        var node = root.key("domain");
        String domain = node.requiredName();
        String longest = MeshNames.athenaResultsBucket(identity.namePrefix(), domain, "000000000000",
                identity.region().isEmpty() ? "ap-southeast-2" : identity.region());
        if (!domain.isEmpty() && longest.length() > MeshNames.MAX_BUCKET_NAME) {
            node.problem("'" + domain + "' is too long: the bucket name " + longest.replace("000000000000", "<account>")
                    + " would exceed S3's " + MeshNames.MAX_BUCKET_NAME + " characters");
        }
        return domain;
    }

    private static DataProduct dataProduct(ConfigNode p) {
        String name = p.field("name").requiredName();
        var formatNode = p.field("format");
        String format = formatNode.text("csv");
        if (!FORMATS.contains(format)) {
            formatNode.problem("'" + format + "' is not one of " + FORMATS.stream().sorted().toList());
        }
        var prefixNode = p.field("prefix");
        String prefix = prefixNode.text(name + "/");
        if (!PREFIX.matcher(prefix).matches()) {
            prefixNode.problem("'" + prefix + "' must be a relative S3 prefix ending in '/', e.g. orders/");
        }
        var columnsNode = p.field("columns");
        List<ContractColumn> columns = columnsNode.list(c -> {
            var typeNode = c.field("type");
            String type = typeNode.requiredText();
            if (!type.isEmpty() && !GLUE_TYPE.matcher(type).matches()) {
                typeNode.problem("'" + type + "' is not a Glue/Hive column type (string, bigint, double, decimal(10,2), date, timestamp, ...)");
            }
            return new ContractColumn(c.field("name").requiredName(), type, c.field("comment").text(""),
                    withoutDomainTag(c.field("tags")));
        });
        if (columns.isEmpty()) {
            columnsNode.problem("is required: a contract declares its columns");
        }
        ConfigNode.requireUnique(columnsNode, columns.stream().map(ContractColumn::name).toList(), "column");
        return new DataProduct(name, p.field("description").text(""), format, prefix, withoutDomainTag(p.field("tags")),
                columns);
    }

    /**
     * Tags of a table or column. {@code domain} is the mesh's to set: a table relabelled with
     * another domain would match the grants meant for that domain.
     */
    private static Map<String, String> withoutDomainTag(ConfigNode tags) {
        var assigned = tags.tagAssignments();
        if (assigned.containsKey(ContractCheck.DOMAIN_TAG)) {
            tags.field(ContractCheck.DOMAIN_TAG).problem("is set by the mesh to the producer's domain; remove it");
        }
        return assigned;
    }

    private static DomainAccess domainAccess(Root root, StackIdentity identity) {
        String central = root.key("centralAccountId").requiredAccountId();
        if (!central.isEmpty() && central.equals(identity.accountId())) {
            root.key("centralAccountId").problem("must differ from datamesh:accountId: each domain has its own account");
        }
        var analystsNode = root.key("analysts");
        List<AnalystRole> analysts = analystsNode.list(a -> {
            var nameNode = a.field("name");
            String name = nameNode.requiredName();
            String roleName = MeshNames.analystRole(identity.namePrefix(), root.key("domain").text(""), name);
            if (roleName.length() > MeshNames.MAX_ROLE_NAME) {
                nameNode.problem("makes the IAM role name " + roleName + " longer than IAM's " + MeshNames.MAX_ROLE_NAME
                        + " characters");
            }
            return new AnalystRole(name, a.field("domains").texts(), assumedBy(a.field("assumedBy"), identity.accountId()));
        });
        ConfigNode.requireUnique(analystsNode, analysts.stream().map(AnalystRole::name).toList(), "analyst role");
        var athena = root.key("athena");
        var enabledNode = athena.field("enabled");
        boolean enabled = enabledNode.bool(!analysts.isEmpty());
        if (!enabled && !analysts.isEmpty()) {
            enabledNode.problem("is false, but datamesh:analysts query through the workgroup; remove the analysts or this setting");
        }
        var athenaSettings = new AthenaSettings(enabled,
                (int) athena.field("bytesScannedCutoffPerQuery").number(AthenaSettings.DEFAULT_BYTES_SCANNED_CUTOFF,
                        10L * 1024 * 1024, Integer.MAX_VALUE),
                (int) athena.field("resultsExpirationDays").number(AthenaSettings.DEFAULT_RESULTS_EXPIRATION_DAYS, 1, 3650));
        var sharesNode = root.key("ramShareArns");
        List<String> shares = sharesNode.texts();
        shares.stream().filter(s -> !RAM_SHARE_ARN.matcher(s).matches())
                .forEach(s -> sharesNode.problem("'" + s + "' is not an AWS RAM resource-share ARN"));
        return new DomainAccess(central, identity.qualify(root.key("centralStack").text("central")), analysts,
                athenaSettings, shares);
    }

    /**
     * Who may assume a role: principals of the account itself (the trust names the account root
     * with an aws:PrincipalArn condition), each naming a role or user rather than all of them.
     */
    private static List<String> assumedBy(ConfigNode node, String accountId) {
        List<String> arns = node.texts();
        for (String arn : arns) {
            Matcher m = IAM_ARN_PATTERN.matcher(arn);
            if (!m.matches()) {
                node.problem("'" + arn + "' is not an IAM role or user ARN (ArnLike wildcards * and ? allowed in the name)");
            } else if (!accountId.isEmpty() && !m.group(1).equals(accountId)) {
                node.problem("'" + arn + "' is not in account " + accountId + ": a role trusts principals of its own account");
            } else if (m.group(3).chars().allMatch(c -> c == '*' || c == '?' || c == '/')) {
                node.problem("'" + arn + "' matches every " + m.group(2) + " of the account: name the roles that may assume it");
            }
        }
        return arns;
    }

    /** Lake Formation admins must be principals of the account itself. */
    private static List<String> ownAccountIamArns(ConfigNode node, String accountId) {
        List<String> arns = node.texts();
        for (String arn : arns) {
            if (!IAM_ARN.matcher(arn).matches()) {
                node.problem("'" + arn + "' is not an IAM role or user ARN");
            } else if (!accountId.isEmpty() && !arn.contains(":iam::" + accountId + ":")) {
                node.problem("'" + arn + "' is not in account " + accountId + ": Lake Formation admins belong to the account");
            }
        }
        return arns;
    }

    private static void reportUnknownKeys(RawStackConfig raw, StackRole role, List<ConfigProblem> problems) {
        Set<String> known = union(COMMON_KEYS, ROLE_KEYS.get(role));
        raw.values().keySet().stream()
                .filter(k -> k.startsWith(NS) && !known.contains(k.substring(NS.length())))
                .sorted()
                .forEach(k -> problems.add(new ConfigProblem(k, "is not a setting of a " + role.configValue()
                        + " stack (known: " + known.stream().sorted().map(s -> NS + s).toList() + ")")));
    }

    private static JsonNode toJson(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(text);
            }
        }
        return TextNode.valueOf(text);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var result = new HashSet<>(a);
        result.addAll(b);
        return Set.copyOf(result);
    }

    /** The config's top level: {@code datamesh:<name>} keys. */
    private record Root(Map<String, JsonNode> values, List<ConfigProblem> problems) {
        ConfigNode key(String name) {
            return new ConfigNode(NS + name, values.get(NS + name), problems);
        }
    }
}
