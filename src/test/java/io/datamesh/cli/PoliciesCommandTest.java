package io.datamesh.cli;

import io.datamesh.policy.PolicyPacks;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void filtersByPack() {
        assertTrue(run("--pack", "datamesh-governance").lines().skip(1).allMatch(l -> l.contains("datamesh-governance@")));
    }
}
