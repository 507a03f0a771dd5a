package io.datamesh.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.datamesh.config.ContractCheck;
import io.datamesh.plan.StackFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Writes a synthetic mesh of a given {@link MeshShape} as Pulumi project and stack files: one
 * central stack, a producer stack per domain, a consumer stack per consumer domain. Every table
 * has personal columns tagged {@code pii=true}; every grant is an LF-tag expression with
 * {@code pii=false}, as the governance pack requires.
 *
 * <p>Who subscribes to what is drawn from the seed alone and each producer's tables from the seed
 * and the producer's index, so growing {@code tables} or {@code columns} leaves the grants
 * unchanged: that is what lets a benchmark compare permission counts across table counts.
 */
public final class MeshGenerator {
    public static final String CENTRAL_STACK = "central";
    private static final String PROJECT = "datamesh";
    private static final String REGION = "eu-west-1";
    private static final List<String> CLASSIFICATIONS = List.of("public", "internal", "confidential");
    private static final List<String> FORMATS = List.of("csv", "json", "parquet");
    private static final List<String> COLUMN_TYPES = List.of("string", "bigint", "int", "double", "date",
            "timestamp", "boolean", "decimal(12,2)");
    private static final int MAX_SUBSCRIPTIONS = 5;
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private MeshGenerator() {
    }

    /**
     * Writes {@code Pulumi.yaml} and every stack file into {@code dir}, replacing files of the same
     * name. Refuses a directory holding other stack files: they would join the planned mesh.
     *
     * @return the stack names written, central first
     */
    public static List<String> write(MeshShape shape, Path dir) throws IOException {
        Map<String, Map<String, Object>> stacks = stacks(shape);
        Files.createDirectories(dir);
        try {
            List<String> foreign = StackFiles.stackNames(dir).stream().filter(s -> !stacks.containsKey(s)).toList();
            if (!foreign.isEmpty()) {
                throw new IOException(dir + " already holds other stack files " + foreign
                        + ": generate into an empty directory");
            }
        } catch (StackFiles.UnreadableException e) {
            throw new IOException(e.getMessage(), e);
        }
        YAML.writeValue(dir.resolve("Pulumi.yaml").toFile(), ordered("name", PROJECT, "runtime", "java",
                "description", "Generated mesh: " + shape + ", seed " + shape.seed()));
        for (var stack : stacks.entrySet()) {
            YAML.writeValue(dir.resolve("Pulumi." + stack.getKey() + ".yaml").toFile(), Map.of("config", stack.getValue()));
        }
        return List.copyOf(stacks.keySet());
    }

    /** Each stack's {@code config:} block, by stack name, central first. */
    static Map<String, Map<String, Object>> stacks(MeshShape shape) {
        List<String> producers = names("d", shape.producers());
        List<String> consumers = names("c", shape.consumers());
        var random = new Random(shape.seed());
        Map<String, Map<String, Object>> stacks = new LinkedHashMap<>();
        stacks.put(CENTRAL_STACK, central(producers, consumers, random));
        for (int p = 0; p < producers.size(); p++) {
            stacks.put(producerStack(producers.get(p)), producer(shape, producers.get(p), p));
        }
        for (int c = 0; c < consumers.size(); c++) {
            stacks.put("consumer-" + consumers.get(c), domain("consumer", consumers.get(c), consumerAccount(c),
                    List.of(Map.of("name", "analyst"))));
        }
        return stacks;
    }

    public static String producerStack(String domain) {
        return "producer-" + domain;
    }

    private static Map<String, Object> central(List<String> producers, List<String> consumers, Random random) {
        var config = common("central", account(1, 0));
        var domains = new ArrayList<>(producers);
        domains.addAll(consumers);
        config.put("datamesh:lfTags", ordered(ContractCheck.DOMAIN_TAG, domains, "classification", CLASSIFICATIONS,
                "pii", List.of("true", "false")));
        config.put("datamesh:producers", IntStream.range(0, producers.size()).mapToObj(p -> ordered(
                "domain", producers.get(p), "accountId", producerAccount(p), "stack", producerStack(producers.get(p))))
                .toList());
        config.put("datamesh:consumers", IntStream.range(0, consumers.size()).mapToObj(c -> ordered(
                "domain", consumers.get(c), "accountId", consumerAccount(c), "stack", "consumer-" + consumers.get(c)))
                .toList());
        List<Object> grants = new ArrayList<>();
        // A producer queries its own catalogued data through the mesh like everyone else.
        producers.forEach(d -> grants.addAll(domainGrants(d, "own", List.of(d))));
        for (String consumer : consumers) {
            var shuffled = new ArrayList<>(producers);
            Collections.shuffle(shuffled, random);
            var subscribed = List.copyOf(new TreeSet<>(shuffled.subList(0,
                    1 + random.nextInt(Math.min(MAX_SUBSCRIPTIONS, producers.size())))));
            grants.addAll(domainGrants(consumer, "subscribed", subscribed));
            // Some consumers also read every domain's public tables: a grant that spans domains.
            if (random.nextBoolean()) {
                grants.add(grant(consumer + "-public", consumer, "TABLE", List.of("SELECT", "DESCRIBE"),
                        ordered("classification", List.of("public"), "pii", List.of("false"))));
            }
        }
        config.put("datamesh:grants", grants);
        return config;
    }

    /** The database grant a resource link needs, and the non-personal columns of every table. */
    private static List<Object> domainGrants(String to, String what, List<String> domains) {
        return List.of(
                grant(to + "-" + what + "-databases", to, "DATABASE", List.of("DESCRIBE"),
                        Map.of(ContractCheck.DOMAIN_TAG, domains)),
                grant(to + "-" + what + "-non-pii", to, "TABLE", List.of("SELECT", "DESCRIBE"),
                        ordered(ContractCheck.DOMAIN_TAG, domains, "pii", List.of("false"))));
    }

    private static Map<String, Object> grant(String name, String to, String resource, List<String> permissions,
                                             Map<String, Object> expression) {
        return ordered("name", name, "to", to, "resource", resource, "permissions", permissions,
                "expression", expression);
    }

    private static Map<String, Object> producer(MeshShape shape, String domain, int index) {
        var config = domain("producer", domain, producerAccount(index), List.of(Map.of("name", "engineer")));
        config.put("datamesh:uploadSampleData", false);
        config.put("datamesh:databaseTags", ordered("classification", "internal", "pii", "false"));
        var random = new Random(shape.seed() * 1_000_003L + index);
        List<String> tables = names("t", shape.tables());
        config.put("datamesh:dataProducts", IntStream.range(0, tables.size())
                .mapToObj(t -> dataProduct(domain, tables.get(t), t == 0 ? "public" : pick(CLASSIFICATIONS, random),
                        shape.columns(), random)).toList());
        return config;
    }

    /**
     * The first table of a domain is public, so a grant on public tables reaches every domain's
     * database whatever the table count: more tables must not mean more resource links.
     */
    private static Map<String, Object> dataProduct(String domain, String table, String classification, int columns,
                                                   Random random) {
        var product = new LinkedHashMap<String, Object>();
        product.put("name", table);
        product.put("description", "Generated table " + table + " of domain " + domain);
        product.put("format", pick(FORMATS, random));
        product.put("prefix", table + "/");
        product.put("tags", Map.of("classification", classification));
        var personal = new TreeSet<Integer>();
        int personalCount = 1 + random.nextInt(Math.max(1, (columns - 1) / 5));
        while (personal.size() < personalCount) {
            personal.add(1 + random.nextInt(columns - 1));
        }
        List<Object> columnList = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            var column = new LinkedHashMap<String, Object>();
            column.put("name", c == 0 ? "id" : String.format("c%03d", c));
            column.put("type", c == 0 ? "string" : pick(COLUMN_TYPES, random));
            if (personal.contains(c)) {
                column.put("comment", "Personal data");
                column.put("tags", Map.of("pii", "true"));
            }
            columnList.add(column);
        }
        product.put("columns", columnList);
        return product;
    }

    private static Map<String, Object> domain(String role, String domain, String accountId, List<?> analysts) {
        var config = common(role, accountId);
        config.put("datamesh:domain", domain);
        config.put("datamesh:centralAccountId", account(1, 0));
        config.put("datamesh:centralStack", CENTRAL_STACK);
        config.put("datamesh:analysts", analysts);
        return config;
    }

    private static Map<String, Object> common(String role, String accountId) {
        var config = new LinkedHashMap<String, Object>();
        config.put("aws:region", REGION);
        config.put("datamesh:role", role);
        config.put("datamesh:accountId", accountId);
        return config;
    }

    private static String producerAccount(int index) {
        return account(2, index);
    }

    private static String consumerAccount(int index) {
        return account(3, index);
    }

    /** A distinct 12-digit account id per role and index: mesh accounts must all differ. */
    private static String account(int role, int index) {
        return String.format("%d%011d", role, index + 1);
    }

    /** {@code d01}…{@code d50}: zero-padded so file listings sort in index order. */
    private static List<String> names(String prefix, int count) {
        int width = Integer.toString(count).length();
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + String.format("%0" + width + "d", i)).toList();
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Like Map.of, but iterating in the order given: Map.of's order changes from one JVM run to the next. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
