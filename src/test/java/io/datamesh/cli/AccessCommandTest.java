package io.datamesh.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.SampleMesh;
import io.datamesh.plan.StackPlan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessCommandTest {
    @Test
    void aDenialPrintsTheFirstMissingStepAndExitsWithAccessDenied() {
        StringWriter out = new StringWriter();
        CommandLine cli = DatameshCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("access", "--principal", "datamesh-marketing-analyst", "--table", "sales.customers",
                "--column", "phone");
        assertEquals(ExitCode.ACCESS_DENIED.code(), exit, out.toString());
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
    void anUnknownRoleOrTableIsOneLineWithTheNearestNames() {
        var role = PlanCommandTest.datamesh("access", "--principal", "datamesh-marketing-analist", "--table", "sales.orders");
        assertEquals(ExitCode.INVALID_INPUT.code(), role.exitCode());
        assertEquals("no role 'datamesh-marketing-analist' in the plan; nearest: datamesh-marketing-analyst,", role.err().lines()
                .findFirst().orElseThrow().substring(0, "no role 'datamesh-marketing-analist' in the plan; nearest: datamesh-marketing-analyst,".length()));
        assertEquals(1, role.err().lines().count(), role.err());
        var table = PlanCommandTest.datamesh("access", "--principal", "datamesh-marketing-analyst", "--table", "sales.custmers");
        assertEquals(ExitCode.INVALID_INPUT.code(), table.exitCode());
        assertEquals("no table 'sales.custmers' in the plan; nearest: sales.customers, sales.orders\n", table.err());
    }

    /** An incomplete plan would show part of the mesh as the whole: access and diagram stop instead. */
    @Test
    void aStackThatFailedToPlanStopsAccessAndDiagram() {
        var plan = SampleMesh.plan();
        var failing = new MeshPlan(plan.stacks().stream().map(s -> !s.stack().equals("consumer") ? s : new StackPlan(s.stack(),
                s.role(), s.resources(), s.outputs(), s.warnings(), List.of("stack organization/datamesh/central is not deployed"),
                s.retainedOnDelete(), s.dependsOn())).toList(), plan.deployOrder(), plan.runs(), plan.configs(), plan.settings(), plan.notes());
        StringWriter err = new StringWriter();
        var failure = assertThrows(CommandFailure.class,
                () -> MeshDirectory.requireComplete(failing, Path.of("."), new PrintWriter(err)));
        assertEquals(ExitCode.STACK_FAILED.code(), failure.exitCode);
        assertEquals(". : stack consumer failed to plan: stack organization/datamesh/central is not deployed".replace(". :", ".:"),
                err.toString().lines().findFirst().orElseThrow());
        assertEquals(plan, MeshDirectory.requireComplete(plan, Path.of("."), new PrintWriter(new StringWriter())));
    }
}
