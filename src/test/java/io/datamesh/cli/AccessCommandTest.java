package io.datamesh.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessCommandTest {
    @Test
    void aDenialPrintsTheFirstMissingStepAndExitsWithAccessDenied() {
        StringWriter out = new StringWriter();
        CommandLine cli = DatameshCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("access", "--principal", "datamesh-marketing-analyst", "--table", "sales.customers",
                "--column", "phone");
        assertEquals(DatameshCli.ACCESS_DENIED, exit, out.toString());
        assertTrue(out.toString().startsWith("DENIED: datamesh-marketing-analyst (333333333333) cannot read sales.customers.phone\n"
                + "first missing step: COLUMN_OVERRIDE\n"), out.toString());
    }

    @Test
    void aTableNamedThroughThePrincipalsResourceLinkIsTheLinkedTable() {
        StringWriter out = new StringWriter();
        CommandLine cli = DatameshCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("access", "--principal", "datamesh-marketing-analyst", "--table", "shared_sales.orders");
        assertEquals(0, exit, out.toString());
        assertTrue(out.toString().startsWith("ALLOWED: "), out.toString());
        assertTrue(out.toString().contains("sales.orders"), out.toString());
    }

    @Test
    void anUnknownRoleIsAUsageError() {
        CommandLine cli = DatameshCli.commandLine().setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute("access", "--principal", "datamesh-nobody", "--table", "sales.orders"));
    }
}
