package io.datamesh.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checks of scripts/e2e.sh that read files the run produced, as one command line:
 * {@code java -cp <test classpath> io.datamesh.e2e.E2eChecks CHECK ARGS...}. Exit 0 when the check
 * holds, 1 with the difference on stderr when it does not, 2 on a usage error. Each check is a
 * function returning the problem, if any, so that its strictness is tested (E2eChecksTest).
 */
public final class E2eChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ACCESS_PREFIX = "e2e: access in force: ";
    static final String ANALYST = "arn:aws:iam::333333333333:role/datamesh-marketing-analyst";
    static final String ENGINEER = "arn:aws:iam::222222222222:role/datamesh-sales-engineer";
    static final String ORDERS = "order_id,customer_id,order_date,product,quantity,amount";
    static final String CUSTOMERS = "customer_id,country,segment,signup_date";   // no full_name, email, phone

    private E2eChecks() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage();
        }
        var rest = Arrays.asList(args).subList(1, args.length);
        Optional<String> problem = switch (args[0]) {
            case "access" -> rest.size() == 1 ? accessIsTheSamplesExpected(Files.readAllLines(Path.of(rest.get(0))))
                    : usage();
            case "outputs" -> rest.size() >= 1 ? outputsPresent(JSON.readTree(Path.of(rest.get(0)).toFile()),
                    rest.subList(1, rest.size())) : usage();
            case "policy-rules" -> rest.size() >= 1 ? engineRanEveryApplicableRule(
                    JSON.readTree(Path.of(rest.get(0)).toFile()), events(rest.subList(1, rest.size()))) : usage();
            case "retained" -> rest.size() >= 3 ? retainedNeverDeleted(lines(Path.of(rest.get(0))), rest.get(1),
                    rest.subList(2, rest.size())) : usage();
            case "in-place-upgrade" -> {
                // --added TYPE::NAME (repeatable): a cloud resource the new program adds on purpose.
                Set<String> added = new TreeSet<>();
                List<String> files = new ArrayList<>();
                for (int i = 0; i < rest.size(); i++) {
                    if (rest.get(i).equals("--added") && i + 1 < rest.size()) {
                        added.add(rest.get(++i));
                    } else {
                        files.add(rest.get(i));
                    }
                }
                yield files.isEmpty() ? usage() : upgradesInPlace(events(files), added);
            }
            case "thin-jar" -> {
                if (rest.size() != 3) {
                    yield usage();
                }
                writeThinJar(Path.of(rest.get(0)), Path.of(rest.get(1)), Files.readString(Path.of(rest.get(2))).strip());
                yield Optional.empty();
            }
            default -> usage();
        };
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(1);
        }
    }

    private static Optional<String> usage() {
        System.err.println("usage: E2eChecks access ACCESS_TXT | outputs OUTPUTS_JSON KEY... | policy-rules POLICIES_JSON"
                + " EVENTS_JSONL... | retained RECORDING ACCOUNT TYPE=NAME... | in-place-upgrade [--added TYPE::NAME]... EVENTS_JSONL... | thin-jar OUT JAR CLASSPATH_TXT");
        System.exit(2);
        return Optional.empty();
    }

    /** The access in force AccessInForce printed is exactly the sample's expected access. */
    static Optional<String> accessIsTheSamplesExpected(List<String> lines) {
        var expected = new TreeSet<String>();
        for (String role : List.of(ANALYST, ENGINEER)) {
            expected.add(role + " sales.orders " + ORDERS);
            expected.add(role + " sales.customers " + CUSTOMERS);
        }
        var seen = lines.stream().filter(l -> l.startsWith(ACCESS_PREFIX))
                .map(l -> l.substring(ACCESS_PREFIX.length()).strip()).collect(Collectors.toCollection(TreeSet::new));
        if (seen.equals(expected)) {
            return Optional.empty();
        }
        return Optional.of("missing: " + minus(expected, seen) + "\nunexpected: " + minus(seen, expected));
    }

    /** Every key is a stack output that is neither null nor an empty string, list or object. */
    static Optional<String> outputsPresent(JsonNode outputs, List<String> keys) {
        var missing = keys.stream().filter(k -> {
            JsonNode v = outputs.get(k);
            return v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())
                    || ((v.isArray() || v.isObject()) && v.isEmpty());
        }).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        var have = new TreeSet<String>();
        outputs.fieldNames().forEachRemaining(have::add);
        return Optional.of("missing or empty outputs " + missing + "; have " + have);
    }

    /**
     * A preview of the new program over stacks an older one deployed plans no cloud resource's
     * replacement or deletion: the only creates are the program's own components (a component that
     * moves its children gives each an alias to its former parent, and the engine then updates them
     * in place) and the cloud resources the new program adds on purpose, each named as
     * {@code type::name} in {@code added}. Vacuous event logs do not pass: there must be resources
     * the preview kept.
     */
    static Optional<String> upgradesInPlace(List<JsonNode> events, Set<String> added) {
        var offending = new TreeSet<String>();
        int kept = 0;
        for (JsonNode e : events) {
            JsonNode pre = e.get("resourcePreEvent");
            if (pre == null) {
                continue;
            }
            JsonNode metadata = pre.get("metadata");
            String op = metadata.get("op").asText();
            String type = metadata.get("type").asText();
            if (op.equals("same") || op.equals("update") || op.equals("read")) {
                kept++;
            } else if (!(op.equals("create") && (type.startsWith("datamesh:") || added.stream()
                    .anyMatch(a -> metadata.get("urn").asText().endsWith("$" + a) || metadata.get("urn").asText().endsWith("::" + a))))) {
                offending.add(op + " " + metadata.get("urn").asText());
            }
        }
        if (kept == 0) {
            return Optional.of("the events hold no resource the preview kept: not a preview of deployed stacks");
        }
        return offending.isEmpty() ? Optional.empty()
                : Optional.of("the new program would not upgrade in place: " + String.join("\n  ", offending));
    }

    /**
     * The rules the engine reported in its policy summary events, per pack, are exactly the rules of
     * `./datamesh policies --json` that apply: every stack rule, and each resource rule of a type
     * some resource of the events had (the others are named on stderr: nothing to run them on).
     */
    static Optional<String> engineRanEveryApplicableRule(JsonNode policies, List<JsonNode> events) {
        var types = new TreeSet<String>();
        events.forEach(e -> {
            JsonNode pre = e.get("resourcePreEvent");
            if (pre != null) {
                types.add(pre.get("metadata").get("type").asText());
            }
        });
        var expected = new TreeMap<String, Set<String>>();
        var skipped = new ArrayList<String>();
        for (JsonNode rule : policies) {
            var ruleTypes = new TreeSet<String>();
            rule.get("resourceTypes").forEach(t -> ruleTypes.add(t.asText()));
            if (rule.get("kind").asText().equals("stack") || ruleTypes.stream().anyMatch(types::contains)) {
                expected.computeIfAbsent(rule.get("pack").asText() + "@v" + rule.get("version").asText(),
                        k -> new TreeSet<>()).add(rule.get("name").asText());
            } else {
                skipped.add(rule.get("name").asText());
            }
        }
        if (!skipped.isEmpty()) {
            System.err.println("e2e: rules with no resource of their type in the sample: " + String.join(", ", skipped));
        }
        var seen = new TreeMap<String, Set<String>>();
        for (JsonNode event : events) {
            for (String key : List.of("policyAnalyzeSummaryEvent", "policyAnalyzeStackSummaryEvent")) {
                JsonNode s = event.get(key);
                if (s != null && !s.isNull()) {
                    var rules = seen.computeIfAbsent(s.get("policyPackName").asText() + "@v"
                            + s.get("policyPackVersion").asText(), k -> new TreeSet<>());
                    for (String list : List.of("passed", "failed")) {
                        if (s.get(list) != null) {
                            s.get(list).forEach(r -> rules.add(r.asText()));
                        }
                    }
                }
            }
        }
        expected.forEach((pack, rules) -> {
            var ran = seen.getOrDefault(pack, Set.of());
            System.err.println("e2e: " + pack + ": the engine ran " + ran.size() + " of " + rules.size() + " rules: "
                    + String.join(", ", ran));
        });
        return seen.equals(expected) ? Optional.empty()
                : Optional.of("engine saw " + seen + ", expected " + expected);
    }

    /**
     * Each retained {@code type=name} was created in the account and never deleted, by the
     * stand-in's recording.
     */
    static Optional<String> retainedNeverDeleted(List<JsonNode> operations, String account, List<String> retained) {
        var created = new TreeSet<String>();
        var deleted = new TreeSet<String>();
        for (JsonNode op : operations) {
            String resource = op.get("type").asText() + "=" + op.get("name").asText();
            if (op.get("op").asText().equals("create") && op.get("accountId").asText().equals(account)) {
                created.add(resource);
            } else if (op.get("op").asText().equals("delete")) {
                deleted.add(resource);
            }
        }
        var wanted = new TreeSet<>(retained);
        if (!created.containsAll(wanted)) {
            return Optional.of("not created in account " + account + ": " + minus(wanted, created));
        }
        var both = new TreeSet<>(wanted);
        both.retainAll(deleted);
        if (!both.isEmpty()) {
            return Optional.of("deleted: " + both);
        }
        System.err.println("e2e: destroy: " + deleted.size() + " deletes, retained "
                + wanted.stream().map(r -> r.substring(r.indexOf('=') + 1)).sorted().toList());
        return Optional.empty();
    }

    /**
     * A jar holding only a manifest: Main-Class io.datamesh.App and a Class-Path of the built jar
     * and its runtime classpath, as file URIs (the Manifest class wraps lines at 72 bytes).
     */
    static void writeThinJar(Path out, Path jar, String classpath) throws IOException {
        var entries = Stream.concat(Stream.of(jar.toString()), Arrays.stream(classpath.split(":")))
                .filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toUri().toString())
                .collect(Collectors.joining(" "));
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.datamesh.App");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, entries);
        try (OutputStream file = Files.newOutputStream(out); var jarOut = new JarOutputStream(file, manifest)) {
            jarOut.flush();
        }
    }

    private static List<JsonNode> events(List<String> paths) throws IOException {
        var events = new ArrayList<JsonNode>();
        for (String p : paths) {
            events.addAll(lines(Path.of(p)));
        }
        return events;
    }

    private static List<JsonNode> lines(Path path) throws IOException {
        var nodes = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(path)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).sorted().toList();
    }
}
