package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.datamesh.util.YamlFile;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Data products read from ODCS v3 contract files ({@code datamesh:contracts}): each file is checked
 * against the standard's own JSON Schema (v3.1.0, vendored under {@code io/datamesh/config/odcs/}),
 * then mapped onto the same {@link DataProduct} that {@code datamesh:dataProducts} gives, so the
 * rest of the mesh never knows which one the producer wrote. docs/contracts.md is the mapping.
 * A contract's problems name the contract file and the JSON path in it.
 */
final class OdcsContracts {
    static final String KEY = StackConfigParser.NS + "contracts";
    static final String SCHEMA = "io/datamesh/config/odcs/odcs-json-schema-v3.1.0.json";

    /** ODCS logicalType → the Glue type a column gets when the contract names no physicalType. */
    static final Map<String, String> GLUE_TYPE_OF_LOGICAL = Map.of("string", "string", "integer", "bigint",
            "number", "double", "boolean", "boolean", "date", "date", "timestamp", "timestamp");
    /** What a PII classification becomes: the LF-tag the mesh's grants keep personal columns out with. */
    static final String PII_CLASSIFICATION = "pii";
    static final String PII_TAG = "pii";
    static final String CLASSIFICATION_TAG = "classification";
    /** The role of a team member who owns the contract (ODCS: "Examples might be owner, data steward"). */
    static final String OWNER_ROLE = "owner";

    private static final JsonSchema ODCS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
            .getSchema(SchemaLocation.of("classpath:" + SCHEMA),
                    SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build());
    private static final SchemaNode NAME = SchemaNode.root("stack.schema.json").get("$defs").get("name");

    private OdcsContracts() {
    }

    /** The stack's contract files and what their paths may be. */
    static ProjectPaths paths(Path projectDir, String key) {
        return new ProjectPaths(projectDir, key, "contracts are read", "contracts/orders.odcs.yaml",
                "only files inside the project are read");
    }

    /** The products of every listed contract, in file and schema order, or every problem with them. */
    static List<DataProduct> read(Path projectDir, ConfigNode files, StackIdentity identity, String domain,
                                  List<ConfigProblem> problems) {
        List<DataProduct> products = new ArrayList<>();
        List<String> declaredAt = new ArrayList<>();
        for (ConfigNode fileNode : files.elements()) {
            String given = fileNode.text("");
            if (given.isBlank()) {
                fileNode.problem("is empty; give an ODCS contract file inside the project, e.g. contracts/orders.odcs.yaml");
                continue;
            }
            Optional<Path> file = paths(projectDir, fileNode.key()).inProject(given, problems);
            if (file.isEmpty()) {
                continue;
            }
            if (!Files.exists(file.get(), LinkOption.NOFOLLOW_LINKS)) {
                fileNode.problem("'" + given + "' does not exist in the project (" + projectDir.toAbsolutePath()
                        + "); `./datamesh contract export` writes contracts from datamesh:dataProducts");
                continue;
            }
            List<String> unreadable = new ArrayList<>();
            Optional<JsonNode> document = YamlFile.read(file.get(), given, unreadable);
            unreadable.forEach(line -> problems.add(fileProblem(given, line)));
            document.ifPresent(d -> {
                List<ConfigProblem> local = new ArrayList<>();
                List<DataProduct> read = contract(d, given, identity, domain, local);
                local.forEach(p -> problems.add(new ConfigProblem(given, p.key(), p.message())));
                read.forEach(p -> declaredAt.add(given + " " + p.contract().orElseThrow().object()));
                products.addAll(read);
            });
        }
        unique(products, declaredAt, DataProduct::name, "data product (table) name", problems);
        unique(products, declaredAt, DataProduct::prefix, "S3 prefix", problems);
        return products;
    }

    /** A problem YamlFile words as {@code <file>[:line:column]: message}. */
    private static ConfigProblem fileProblem(String given, String line) {
        String rest = line.substring(given.length());
        int colon = rest.indexOf(": ");
        return new ConfigProblem(given + rest.substring(0, colon), "$", rest.substring(colon + 2));
    }

    private static void unique(List<DataProduct> products, List<String> declaredAt,
                               Function<DataProduct, String> value, String what,
                               List<ConfigProblem> problems) {
        Map<String, String> first = new LinkedHashMap<>();
        for (int i = 0; i < products.size(); i++) {
            DataProduct product = products.get(i);
            String earlier = first.putIfAbsent(value.apply(product), declaredAt.get(i));
            if (earlier != null) {
                problems.add(new ConfigProblem(product.contract().orElseThrow().file(), product.contract().orElseThrow().object(),
                        "duplicate " + what + " '" + value.apply(product) + "' (also " + earlier + ")"));
            }
        }
    }

    /** One contract's products; nothing is mapped from a document the standard's schema refuses. */
    static List<DataProduct> contract(JsonNode document, String file, StackIdentity identity, String domain,
                                      List<ConfigProblem> problems) {
        List<ValidationMessage> messages = ODCS.validate(document).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage)).toList();
        // A property whose value fails counts as unevaluated too: that failure is the one to report.
        List<String> failed = messages.stream().filter(m -> !m.getType().equals("unevaluatedProperties"))
                .map(m -> m.getInstanceLocation().toString()).toList();
        messages = messages.stream().filter(m -> !m.getType().equals("unevaluatedProperties")
                || failed.stream().noneMatch(f -> f.startsWith(m.getInstanceLocation().toString()))).toList();
        if (!messages.isEmpty()) {
            messages.forEach(m -> problems.add(new ConfigProblem(m.getInstanceLocation().toString(),
                    m.getMessage().substring(m.getMessage().indexOf(": ") + 2) + " (ODCS v3.1.0 JSON Schema)")));
            return List.of();
        }
        var root = new ConfigNode("$", document, problems);
        var server = OdcsServer.of(root.field("servers"), identity, domain);
        var schemaNode = root.field("schema");
        if (schemaNode.elements().isEmpty()) {
            schemaNode.problem("has no schema object: a contract declares at least one table (schema[].properties)");
        }
        var about = new About(owner(root.field("team")), Optional.of(root.field("version").text("")));
        return schemaNode.list(object -> product(object, file, server, about, domain));
    }

    /** What a contract says of all its products: who owns them and the contract's version. */
    private record About(Optional<String> owner, Optional<String> version) {
    }

    /**
     * Who answers for the contract: its team's name; for a team without one (the deprecated array
     * form has none) the usernames of the members whose role is owner.
     */
    private static Optional<String> owner(ConfigNode team) {
        ConfigNode name = team.field("name");
        List<ConfigNode> members = team.elements().isEmpty() ? team.field("members").elements() : team.elements();
        String owner = name.isPresent() ? name.text("") : String.join(", ", members.stream()
                .filter(m -> m.field("role").text("").equalsIgnoreCase(OWNER_ROLE)).map(m -> m.field("username").text(""))
                .toList());
        AwsLimits.glueText(name.isPresent() ? name : team, owner, AwsLimits.TABLE_OWNER_BYTES, "TableInput.Owner");
        return owner.isBlank() ? Optional.empty() : Optional.of(owner);
    }

    private static DataProduct product(ConfigNode object, String file, OdcsServer server, About about, String domain) {
        var nameNode = object.field("name");
        String name = nameNode.text("");
        glueName(nameNode);
        AwsLimits.previewQueryName(nameNode, domain, name);
        AwsLimits.glueText(object.field("description"), AwsLimits.TABLE_DESCRIPTION_BYTES, "TableInput.Description");
        String prefix = server.prefixPattern().replace("{model}", name);
        if (!prefix.matches("([a-z0-9][a-z0-9_\\-]*/)+")) {
            server.location().orElse(object).problem("gives '" + object.key() + "' (" + name + ") the prefix '" + prefix
                    + "': a relative S3 prefix ending in '/' is needed, e.g. s3://<bucket>/{model}/ or s3://<bucket>/orders/");
        }
        var properties = object.field("properties");
        if (properties.elements().isEmpty()) {
            properties.problem("is required: a contract declares its columns (schema[].properties)");
        }
        List<ContractColumn> columns = properties.list(OdcsContracts::column);
        ConfigNode.requireUnique(properties.eachField("name"), columns.stream().map(ContractColumn::name).toList(), "property");
        List<String> columnNames = columns.stream().map(ContractColumn::name).toList();
        List<QualityRule> quality = object.field("quality").elements().stream()
                .flatMap(q -> rule(q, true, columnNames).stream()).toList();
        return new DataProduct(name, object.field("description").text(""), server.format(), prefix,
                tags(object, Optional.empty()), columns, quality, about.owner(), about.version(),
                Optional.of(new DataProduct.Contract(file, object.key())));
    }

    /** The rules of stack.schema.json's name, which dataProducts names are validated against. */
    private static void glueName(ConfigNode nameNode) {
        String name = nameNode.text("");
        if (!name.matches(NAME.text("pattern").orElseThrow())) {
            nameNode.problem(NAME.errorMessage("pattern").orElseThrow().replace("{value}", name));
        }
        Optional<String> max = NAME.text("maxLength");
        if (name.length() > Integer.parseInt(max.orElseThrow())) {
            nameNode.problem(ConfigMessages.tooLong(name.length(), max, NAME.errorMessage("maxLength")));
        }
    }

    private static ContractColumn column(ConfigNode property) {
        glueName(property.field("name"));
        AwsLimits.glueText(property.field("description"), AwsLimits.COLUMN_COMMENT_BYTES, "Column.Comment");
        List<QualityRule> quality = property.field("quality").elements().stream()
                .flatMap(q -> rule(q, false, List.of()).stream()).toList();
        return new ContractColumn(property.field("name").text(""), glueType(property), property.field("description").text(""),
                tags(property, Optional.of(property.field("classification"))), property.field("required").bool(false),
                property.field("unique").bool(false), property.field("primaryKey").bool(false), quality,
                property.field("classification").isPresent() ? Optional.of(property.field("classification").text(""))
                        : Optional.empty());
    }

    /** physicalType when given (a Glue type), else the Glue type of the logicalType. */
    private static String glueType(ConfigNode property) {
        var logicalNode = property.field("logicalType");
        var physicalNode = property.field("physicalType");
        String logical = logicalNode.text("");
        if (physicalNode.isPresent()) {
            String physical = physicalNode.text("").toLowerCase(Locale.ROOT);
            ColumnType.problem(physical).ifPresent(physicalNode::problem);
            Optional<String> physicalLogical = logicalTypeOf(physical);
            if (logicalNode.isPresent() && ColumnType.problem(physical).isEmpty() && !physicalLogical.equals(Optional.of(logical))) {
                logicalNode.problem("is '" + logical + "', but physicalType '" + physical + "' is "
                        + physicalLogical.map(l -> "a logical " + l).orElse("no logical type") + ": make them agree");
            }
            return physical;
        }
        if (!logicalNode.isPresent()) {
            property.problem("has no type: give logicalType (" + String.join(", ", GLUE_TYPE_OF_LOGICAL.keySet().stream()
                    .sorted().toList()) + ") or physicalType (a Glue type, e.g. decimal(10,2))");
            return "";
        }
        String glue = GLUE_TYPE_OF_LOGICAL.get(logical);
        if (glue == null) {
            logicalNode.problem("'" + logical + "' has no Glue column type of its own: give physicalType too (a Glue type;"
                    + " the catalog's tables take string, numbers, boolean, date, timestamp, decimal, char, varchar, binary)");
            return "";
        }
        return glue;
    }

    /** The ODCS logicalType a Glue type is, if it is one: export writes it, import checks the two agree. */
    static Optional<String> logicalTypeOf(String glueType) {
        if (glueType.equals("string") || glueType.startsWith("char(") || glueType.startsWith("varchar(")) {
            return Optional.of("string");
        }
        if (List.of("tinyint", "smallint", "int", "bigint").contains(glueType)) {
            return Optional.of("integer");
        }
        if (List.of("float", "double").contains(glueType) || glueType.startsWith("decimal(")) {
            return Optional.of("number");
        }
        return List.of("boolean", "date", "timestamp").contains(glueType) ? Optional.of(glueType) : Optional.empty();
    }

    /**
     * LF-tags of a table or column: each {@code key=value} entry of {@code tags} (other entries are
     * free-form labels, not LF-tags), and a property's {@code classification}.
     */
    private static Map<String, String> tags(ConfigNode element, Optional<ConfigNode> classification) {
        var tagsNode = element.field("tags");
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, ConfigNode> at = new LinkedHashMap<>();
        for (ConfigNode tag : tagsNode.elements()) {
            String text = tag.text("");
            int eq = text.indexOf('=');
            if (eq > 0) {
                String key = text.substring(0, eq);
                String earlier = tags.putIfAbsent(key, text.substring(eq + 1));
                if (earlier != null) {
                    tag.problem("assigns LF-tag '" + key + "' again (also " + at.get(key).key() + "): one value per tag");
                }
                at.putIfAbsent(key, tag);
            }
        }
        classification.filter(ConfigNode::isPresent).ifPresent(node -> {
            String value = node.text("");
            boolean pii = value.equalsIgnoreCase(PII_CLASSIFICATION);
            String key = pii ? PII_TAG : CLASSIFICATION_TAG;
            String tagValue = pii ? "true" : value;
            String earlier = tags.putIfAbsent(key, tagValue);
            if (earlier != null && !earlier.equals(tagValue)) {
                node.problem("'" + value + "' makes LF-tag " + key + "=" + tagValue + ", but " + at.get(key).key()
                        + " assigns " + key + "=" + earlier + ": keep one");
            }
        });
        StackConfigParser.checkTags(tagsNode, tagsNode, tags, 0);
        return tags;
    }

    /** A library rule; the other types (text, sql, custom) describe checks this mesh does not run. */
    private static Optional<QualityRule> rule(ConfigNode q, boolean tableLevel, List<String> columns) {
        String type = q.field("type").text("library");
        if (!type.equals("library") || !q.field("metric").isPresent()) {
            return Optional.empty();
        }
        String metricName = q.field("metric").text("");
        QualityRule.Metric metric = Arrays.stream(QualityRule.Metric.values())
                .filter(m -> m.odcs().equals(metricName)).findFirst().orElseThrow();
        if (tableLevel != (metric == QualityRule.Metric.ROW_COUNT || metric == QualityRule.Metric.DUPLICATE_VALUES)) {
            q.field("metric").problem("'" + metricName + "' is a " + (tableLevel ? "property" : "schema") + "-level metric"
                    + " (ODCS data quality: rowCount on a schema object, nullValues, missingValues, invalidValues on a property,"
                    + " duplicateValues on either)");
            return Optional.empty();
        }
        String unit = q.field("unit").text("rows");
        if (!unit.equals("rows") && !unit.equals("percent")) {
            q.field("unit").problem("'" + unit + "' is not a unit this mesh counts in: rows (default) or percent");
        }
        var arguments = q.field("arguments");
        List<String> ruleColumns = arguments.field("properties").texts();
        if (tableLevel && metric == QualityRule.Metric.DUPLICATE_VALUES) {
            if (ruleColumns.isEmpty()) {
                arguments.field("properties").problem("is required: a schema-level duplicateValues names the properties"
                        + " whose combination must be unique");
            }
            ruleColumns.stream().filter(c -> !columns.contains(c)).forEach(c -> arguments.field("properties")
                    .problem("'" + c + "' is not a property of this schema object " + columns));
        }
        String pattern = arguments.field("pattern").text("");
        if (!pattern.isEmpty()) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                arguments.field("pattern").problem("'" + pattern + "' is not a regular expression (" + e.getDescription() + ")");
            }
        }
        List<String> values = arguments.field(metric == QualityRule.Metric.MISSING_VALUES ? "missingValues" : "validValues")
                .elements().stream().map(v -> v.text("")).toList();
        if (metric == QualityRule.Metric.INVALID_VALUES && values.isEmpty() && pattern.isEmpty()) {
            arguments.problem("needs validValues or pattern: invalidValues counts the values that match neither");
        }
        return bound(q).map(bound -> new QualityRule(metric, bound, unit.equals("percent"), values, pattern, ruleColumns));
    }

    private static Optional<QualityRule.Bound> bound(ConfigNode q) {
        for (String operator : QualityRule.Bound.OPERATORS) {
            var node = q.field(operator);
            if (node.isPresent()) {
                List<ConfigNode> operands = node.elements().isEmpty() ? List.of(node) : node.elements();
                List<BigDecimal> numbers = new ArrayList<>();
                for (ConfigNode operand : operands) {
                    try {
                        numbers.add(new BigDecimal(operand.text("")));
                    } catch (NumberFormatException e) {
                        operand.problem("'" + operand.text("") + "' is not a number: a library metric is a count");
                        return Optional.empty();
                    }
                }
                return Optional.of(new QualityRule.Bound(operator, numbers));
            }
        }
        q.problem("has no bound: give one of " + String.join(", ", QualityRule.Bound.OPERATORS));
        return Optional.empty();
    }
}
