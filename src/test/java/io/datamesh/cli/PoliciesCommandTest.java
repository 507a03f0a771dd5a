package io.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.policy.PolicyPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoliciesCommandTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PoliciesCommand()).setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    @Test
    void listsEveryRuleWithPackAndLevel() {
        String table = run();
        long rules = PolicyPacks.all().stream().mapToLong(p -> p.rules().size()).sum();
        assertEquals(rules + 1, table.lines().count());
        assertTrue(table.lines().anyMatch(l -> l.startsWith("s3-data-bucket-versioning ")
                && l.contains("aws-baseline@" + PolicyPacks.VERSION) && l.contains(" advisory ")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("lf-crawler-role-not-admin ") && l.contains(" mandatory ")), table);
    }

    @Test
    void theJsonNamesTheResourceTypesOfEachResourceRule(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("rules.json");
        run("--json", json.toString());
        JsonNode rules = new ObjectMapper().readTree(json.toFile());
        assertEquals(PolicyPacks.all().stream().mapToLong(p -> p.rules().size()).sum(), rules.size());
        JsonNode glue = StreamSupport.stream(rules.spliterator(), false)
                .filter(r -> r.get("name").asText().equals("glue-resource-policy-mesh-only")).findFirst().orElseThrow();
        assertEquals("resource", glue.get("kind").asText());
        assertEquals("[\"aws:glue/resourcePolicy:ResourcePolicy\"]", glue.get("resourceTypes").toString());
        Map<String, List<JsonNode>> byKind = StreamSupport.stream(rules.spliterator(), false)
                .collect(Collectors.groupingBy(r -> r.get("kind").asText()));
        assertEquals(Set.of("resource", "stack"), byKind.keySet());
        assertTrue(byKind.get("stack").stream().allMatch(r -> r.get("resourceTypes").isEmpty()), byKind.get("stack").toString());
        assertTrue(byKind.get("resource").stream().noneMatch(r -> r.get("resourceTypes").isEmpty()),
                byKind.get("resource").toString());
    }

    @Test
    void filtersByPack() {
        List<String> rows = run("--pack", "datamesh-governance").lines().skip(1).toList();
        assertFalse(rows.isEmpty());
        assertEquals(PolicyPacks.named("datamesh-governance").rules().size(), rows.size());
        assertTrue(rows.stream().allMatch(l -> l.contains("datamesh-governance@")), rows.toString());
    }
}
