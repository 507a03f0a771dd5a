package io.datamesh.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.lakeformation.LfResource.ResourceType;
import io.datamesh.lakeformation.TagExpression;
import io.datamesh.names.MeshNames;
import io.datamesh.quota.Quota;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a stack's raw configuration into validated settings in one pass, collecting every problem
 * with its key: the role's schema ({@link StackSchema}) checks each value's shape, this class what
 * relates values to each other. Nothing here touches Pulumi, so the real program and the offline
 * plan share it.
 */
public final class StackConfigParser {
    public static final String NS = "datamesh:";

    /** Central grants each domain's query roles, which only read: writes stay with the producer's own catalog. */
    private static final Map<ResourceType, Set<LfPermission>> GRANTABLE = Map.of(
            ResourceType.DATABASE, Set.of(LfPermission.DESCRIBE),
            ResourceType.TABLE, Set.of(LfPermission.SELECT, LfPermission.DESCRIBE));
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    /** An IAM role or user ARN, or an ArnLike pattern of one (the schema holds its shape). */
    private static final Pattern IAM_ARN_PATTERN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):(role|user)/(.+)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private StackConfigParser() {
    }

    /**
     * Parses a stack whose project is the working directory, as under the Pulumi CLI.
     *
     * @throws InvalidConfigException with every problem found, if there is any
     */
    public static StackSettings parse(RawStackConfig raw) {
        return parse(raw, Path.of("."));
    }

    /**
     * @param projectDir the directory of {@code Pulumi.yaml}, which the contract files a producer lists are in
     * @throws InvalidConfigException with every problem found, if there is any
     */
    public static StackSettings parse(RawStackConfig raw, Path projectDir) {
        List<ConfigProblem> problems = new ArrayList<>();
        ObjectNode config = JSON.createObjectNode();
        raw.values().forEach((key, text) -> {
            if (key.startsWith(NS)) {
                config.set(key.substring(NS.length()), toJson(text));
            }
        });
        Optional<StackRole> role = Arrays.stream(StackRole.values())
                .filter(r -> r.configValue().equals(config.path("role").asText())).findFirst();
        Set<String> secrets = ConfigKeys.check(raw, SchemaNode.root(StackSchema.file(role)).properties().keySet(), problems);
        var root = new Root(StackSchema.validate(config, role, problems), problems);
        root.document().fieldNames().forEachRemaining(key -> root.key(key).requireUniqueValues());
        raw.values().forEach((key, text) -> {
            if (key.startsWith(NS)) {
                AwsLimits.noControlCharacters(root.key(key.substring(NS.length())));
            } else {
                AwsLimits.noControlCharacters(key, text, problems);
            }
        });

        String region = raw.get("aws:region").orElse("");
        if (region.isEmpty()) {
            problems.add(new ConfigProblem("aws:region", "is required (the AWS region every resource goes to)"));
        } else if (!REGION.matcher(region).matches()) {
            problems.add(new ConfigProblem("aws:region", "'" + region + "' is not an AWS region name"));
        }
        String accountId = root.key("accountId").text("");
        var identity = new StackIdentity(raw.org(), raw.project(), raw.stack(), accountId, region,
                root.key("namePrefix").text("datamesh"), root.key("crossAccountVersion").number(4),
                ownAccountAdmins(root.key("lakeFormationAdmins"), accountId), raisedQuotas(root.key("quotas")));
        StackSettings settings = role.map(r -> switch (r) {
            case CENTRAL -> central(root, identity);
            case PRODUCER -> producer(root, identity, projectDir);
            case CONSUMER -> new ConsumerSettings(identity, domainName(root, identity), domainAccess(root, identity));
        }).orElse(null);
        // A secret's value is unreadable offline: its own problem says so, the shape checks would only mislead.
        problems.removeIf(p -> secrets.stream().anyMatch(key -> (p.key().equals(key) || p.key().startsWith(key + ".")
                || p.key().startsWith(key + "[")) && !p.message().startsWith("is a Pulumi secret")));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(raw.source(), FileOrder.sort(problems, root.document()));
        }
        return settings;
    }

    /** Quotas the account has had raised, by the quota's key (the schema lists the keys). */
    private static Map<Quota, Long> raisedQuotas(ConfigNode node) {
        Map<Quota, Long> raised = new LinkedHashMap<>();
        node.entries().forEach((key, value) -> Quota.ofConfigKey(key).ifPresent(
                quota -> raised.put(quota, (long) value.number((int) quota.defaultLimit()))));
        return raised;
    }

    private static CentralSettings central(Root root, StackIdentity identity) {
        var lfTags = root.key("lfTags");
        Map<String, List<String>> ontology = new LinkedHashMap<>();
        lfTags.entries().forEach((key, values) -> {
            List<String> allowed = values.texts();
            AwsLimits.lfTag(values, key, allowed);
            ontology.put(key, allowed);
        });
        if (lfTags.isPresent() && !ontology.containsKey(ContractCheck.DOMAIN_TAG)) {
            lfTags.problem("must define the '" + ContractCheck.DOMAIN_TAG + "' key: every domain database is tagged "
                    + ContractCheck.DOMAIN_TAG + "=<domain>");
        }

        var producersNode = root.key("producers");
        List<DomainAccount> producers = domainAccounts(producersNode, identity);
        List<DomainAccount> consumers = domainAccounts(root.key("consumers"), identity);
        var domainTag = ontology.getOrDefault(ContractCheck.DOMAIN_TAG, List.of());
        for (int i = 0; i < producers.size(); i++) {
            String domain = producers.get(i).domain();
            if (!domain.isEmpty() && ontology.containsKey(ContractCheck.DOMAIN_TAG) && !domainTag.contains(domain)) {
                producersNode.elements().get(i).field("domain").problem("'" + domain
                        + "' is not a value of the LF-tag '" + ContractCheck.DOMAIN_TAG + "' " + domainTag);
            }
        }
        List<String> allDomains = Stream.concat(producers.stream(), consumers.stream()).map(DomainAccount::domain).toList();
        List<ConfigNode> domainNodes = Stream.concat(producersNode.eachField("domain").stream(),
                root.key("consumers").eachField("domain").stream()).toList();
        ConfigNode.requireUnique(domainNodes, allDomains, "domain", "producers and consumers share one namespace");
        List<ConfigNode> stackNodes = Stream.concat(producersNode.elements().stream(), root.key("consumers").elements().stream())
                .map(d -> d.field("stack").isPresent() ? d.field("stack") : d.field("domain")).toList();
        ConfigNode.requireUnique(stackNodes, Stream.concat(producers.stream(), consumers.stream()).map(DomainAccount::stack)
                .toList(), "stack", "each domain deploys from its own stack");
        List<String> accounts = Stream.concat(Stream.of(identity.accountId()),
                Stream.concat(producers.stream(), consumers.stream()).map(DomainAccount::accountId)).toList();
        ConfigNode.requireUnique(Stream.concat(Stream.of(root.key("accountId")), Stream.concat(producersNode.eachField("accountId")
                .stream(), root.key("consumers").eachField("accountId").stream())).toList(), accounts,
                "account id", "each domain and the central catalog need their own account");

        var grantsNode = root.key("grants");
        List<TagGrant> grants = grantsNode.list(g -> tagGrant(g, ontology, allDomains,
                producers.stream().map(DomainAccount::domain).toList()));
        ConfigNode.requireUnique(grantsNode.eachField("name"), grants.stream().map(TagGrant::name).toList(), "grant name");
        return new CentralSettings(identity, ontology, producers, consumers, grants,
                root.key("ramSharing").oneOf(RamSharing.ORGANIZATION),
                root.key("crawlerLogRetentionDays").number(CentralSettings.DEFAULT_CRAWLER_LOG_RETENTION_DAYS));
    }

    private static List<DomainAccount> domainAccounts(ConfigNode list, StackIdentity identity) {
        return list.list(d -> {
            String domain = d.field("domain").text("");
            return new DomainAccount(domain, d.field("accountId").text(""), identity.qualify(d.field("stack").text(domain)));
        });
    }

    private static TagGrant tagGrant(ConfigNode g, Map<String, List<String>> ontology, List<String> domains,
                                     List<String> producers) {
        var toNode = g.field("to");
        String to = toNode.text("");
        if (!to.isEmpty() && !domains.contains(to)) {
            toNode.problem("'" + to + "' is not a configured producer or consumer domain " + domains);
        }
        ResourceType resource = g.field("resource").oneOf(ResourceType.TABLE);
        Set<LfPermission> grantable = GRANTABLE.get(resource);
        List<LfPermission> permissions = new ArrayList<>();
        for (ConfigNode p : g.field("permissions").elements()) {
            String name = p.text("");
            if (name.isEmpty()) {
                continue;
            }
            LfPermission.of(name).filter(grantable::contains).ifPresentOrElse(permissions::add,
                    () -> p.problem("'" + name + "' cannot be granted on " + resource + " here: central grants the"
                            + " domain's query roles, which only read; allowed: "
                            + LfPermission.names(grantable).stream().sorted().toList()));
        }
        Map<String, List<String>> expression = new LinkedHashMap<>();
        g.field("expression").entries().forEach((key, valuesNode) -> {
            List<String> values = valuesNode.oneOrMoreTexts();
            // Without an ontology (already reported) every key would be reported again as unknown.
            if (!ontology.isEmpty()) {
                ContractCheck.checkTagValues(key, values, ontology, valuesNode::problem);
            }
            // Only producers have a database tagged with their domain: any other value matches nothing.
            if (key.equals(ContractCheck.DOMAIN_TAG)) {
                values.stream().filter(v -> ontology.getOrDefault(key, List.of()).contains(v) && !producers.contains(v))
                        .forEach(v -> valuesNode.problem("'" + v + "' is not a producer domain " + producers
                                + ": no database is tagged " + key + "=" + v + ", so the grant would match nothing"));
            }
            expression.put(key, values);
        });
        AwsLimits.expressionKeys(g.field("expression"), expression.size());
        return new TagGrant(g.field("name").text(""), to, resource, permissions, TagExpression.of(expression));
    }

    private static ProducerSettings producer(Root root, StackIdentity identity, Path projectDir) {
        String domain = domainName(root, identity);
        var productsNode = root.key("dataProducts");
        var contractsNode = root.key("contracts");
        List<DataProduct> products;
        if (contractsNode.isPresent()) {
            if (productsNode.isPresent()) {
                contractsNode.problem("and datamesh:dataProducts are both set: a producer's data products come from one of"
                        + " them; keep the contracts (`./datamesh contract export` writes them from dataProducts) and remove"
                        + " datamesh:dataProducts");
            }
            products = OdcsContracts.read(projectDir, contractsNode, identity, domain, root.problems());
        } else {
            if (!productsNode.isPresent()) {
                productsNode.problem("is required: a producer publishes at least one data product: list its ODCS contract"
                        + " files in datamesh:contracts, or declare them here");
            }
            products = productsNode.list(p -> dataProduct(p, domain));
            ConfigNode.requireUnique(productsNode.eachField("name"), products.stream().map(DataProduct::name).toList(), "data product");
            ConfigNode.requireUnique(productsNode.elements().stream().map(p -> p.field("prefix").isPresent() ? p.field("prefix")
                    : p.field("name")).toList(), products.stream().map(DataProduct::prefix).toList(), "prefix");
        }
        var auditTrail = root.key("auditTrail");
        // The domain database also carries the mesh's own domain tag.
        return new ProducerSettings(identity, domain, domainAccess(root, identity), withoutDomainTag(root.key("databaseTags"), 1),
                products, root.key("uploadSampleData").bool(true), root.key("sampleDataDir").text(ProducerSettings.DEFAULT_SAMPLE_DATA_DIR),
                new AuditTrailSettings(auditTrail.field("enabled").bool(AuditTrailSettings.DEFAULTS.enabled()),
                        auditTrail.field("retentionDays").number(AuditTrailSettings.DEFAULTS.retentionDays())),
                root.key("noncurrentVersionExpirationDays").number(ProducerSettings.DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS));
    }

    /** A domain name (the schema holds its shape) that also fits the domain's S3 bucket names. */
    private static String domainName(Root root, StackIdentity identity) {
        var node = root.key("domain");
        String domain = node.text("");
        String longest = MeshNames.athenaResultsBucket(identity.namePrefix(), domain, "000000000000",
                identity.region().isEmpty() ? "ap-southeast-2" : identity.region());
        if (!domain.isEmpty() && longest.length() > MeshNames.MAX_BUCKET_NAME) {
            node.problem("'" + domain + "' is too long: the bucket name " + longest.replace("000000000000", "<account>")
                    + " would exceed S3's " + MeshNames.MAX_BUCKET_NAME + " characters");
        }
        return domain;
    }

    private static DataProduct dataProduct(ConfigNode p, String domain) {
        var nameNode = p.field("name");
        String name = nameNode.text("");
        AwsLimits.previewQueryName(nameNode, domain, name);
        AwsLimits.glueText(p.field("description"), AwsLimits.TABLE_DESCRIPTION_BYTES, "TableInput.Description");
        var columnsNode = p.field("columns");
        List<ContractColumn> columns = columnsNode.list(StackConfigParser::contractColumn);
        ConfigNode.requireUnique(columnsNode.eachField("name"), columns.stream().map(ContractColumn::name).toList(), "column");
        return new DataProduct(name, p.field("description").text(""), p.field("format").text("csv"),
                p.field("prefix").text(name + "/"), withoutDomainTag(p.field("tags"), 0), columns);
    }

    private static ContractColumn contractColumn(ConfigNode c) {
        var typeNode = c.field("type");
        String type = typeNode.text("");
        if (typeNode.isPresent()) {
            ColumnType.problem(type).ifPresent(typeNode::problem);
        }
        AwsLimits.glueText(c.field("comment"), AwsLimits.COLUMN_COMMENT_BYTES, "Column.Comment");
        return new ContractColumn(c.field("name").text(""), type, c.field("comment").text(""),
                withoutDomainTag(c.field("tags"), 0));
    }

    /**
     * Tags of the domain database, a table or a column. {@code domain} is the mesh's to set: a table
     * relabelled with another domain would match the grants meant for that domain.
     *
     * @param meshAssigned how many LF-tags the mesh itself assigns to the same resource
     */
    private static Map<String, String> withoutDomainTag(ConfigNode tags, int meshAssigned) {
        return checkTags(tags, tags.field(ContractCheck.DOMAIN_TAG), tags.tagAssignments(), meshAssigned);
    }

    /** The tags assigned at {@code tags}, checked: how many, and no {@code domain} (reported at {@code domainAt}). */
    static Map<String, String> checkTags(ConfigNode tags, ConfigNode domainAt, Map<String, String> assigned, int meshAssigned) {
        AwsLimits.tagsPerResource(tags, assigned.size(), meshAssigned);
        if (assigned.containsKey(ContractCheck.DOMAIN_TAG)) {
            domainAt.problem("is set by the mesh to the producer's domain; remove it");
        }
        return assigned;
    }

    private static DomainAccess domainAccess(Root root, StackIdentity identity) {
        String central = root.key("centralAccountId").text("");
        if (!central.isEmpty() && central.equals(identity.accountId())) {
            root.key("centralAccountId").problem("must differ from datamesh:accountId: each domain has its own account");
        }
        var analystsNode = root.key("analysts");
        List<AnalystRole> analysts = analystsNode.list(a -> {
            var nameNode = a.field("name");
            String name = nameNode.text("");
            String roleName = MeshNames.analystRole(identity.namePrefix(), root.key("domain").text(""), name);
            if (roleName.length() > MeshNames.MAX_ROLE_NAME) {
                nameNode.problem("makes the IAM role name " + roleName + " longer than IAM's " + MeshNames.MAX_ROLE_NAME
                        + " characters");
            }
            return new AnalystRole(name, a.field("domains").texts(), assumedBy(a.field("assumedBy"), identity.accountId()));
        });
        ConfigNode.requireUnique(analystsNode.eachField("name"), analysts.stream().map(AnalystRole::name).toList(), "analyst role");
        var athena = root.key("athena");
        var enabledNode = athena.field("enabled");
        boolean enabled = enabledNode.bool(!analysts.isEmpty());
        if (!enabled && !analysts.isEmpty()) {
            enabledNode.problem("is false, but datamesh:analysts query through the workgroup; remove the analysts or this setting");
        }
        var athenaSettings = new AthenaSettings(enabled,
                athena.field("bytesScannedCutoffPerQuery").number(AthenaSettings.DEFAULT_BYTES_SCANNED_CUTOFF),
                athena.field("resultsExpirationDays").number(AthenaSettings.DEFAULT_RESULTS_EXPIRATION_DAYS));
        return new DomainAccess(central, identity.qualify(root.key("centralStack").text("central")), analysts,
                athenaSettings, root.key("ramShareArns").texts());
    }

    /**
     * Who may assume a role: principals of the account itself (the trust names the account root
     * with an aws:PrincipalArn condition), each naming a role or user rather than all of them.
     */
    private static List<String> assumedBy(ConfigNode list, String accountId) {
        for (ConfigNode node : list.elements()) {
            Matcher m = IAM_ARN_PATTERN.matcher(node.text(""));
            if (m.matches() && !otherAccount(node, m.group(1), accountId, "a role trusts principals of its own account")
                    && m.group(3).chars().allMatch(c -> c == '*' || c == '?' || c == '/')) {
                node.problem("'" + node.text("") + "' matches every " + m.group(2) + " of the account: name the roles that may assume it");
            }
        }
        return list.texts();
    }

    /** Lake Formation admins must be principals of the account itself. */
    private static List<String> ownAccountAdmins(ConfigNode list, String accountId) {
        for (ConfigNode node : list.elements()) {
            Matcher m = IAM_ARN_PATTERN.matcher(node.text(""));
            if (m.matches()) {
                otherAccount(node, m.group(1), accountId, "Lake Formation admins belong to the account");
            }
        }
        return list.texts();
    }

    /** Reports an ARN of another account than the stack's; true when it did. */
    private static boolean otherAccount(ConfigNode arn, String arnAccount, String accountId, String why) {
        if (accountId.isEmpty() || arnAccount.equals(accountId)) {
            return false;
        }
        arn.problem("'" + arn.text("") + "' is not in account " + accountId + ": " + why);
        return true;
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

    /** The config's top level: {@code datamesh:<name>} keys, as the schema check left them. */
    private record Root(ObjectNode document, List<ConfigProblem> problems) {
        ConfigNode key(String name) {
            return new ConfigNode(NS + name, document.get(name), problems);
        }
    }
}
