package io.datamesh.cli;

import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.datamesh.cli.PlanCommandTest.datamesh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer grant without a {@code pii} key: `plan` refuses it (exit 3), and so does `access` — it
 * shows only the access in force (the grant is listed as refused and gives nothing), prints the
 * violation in plan's words, and exits 3 as plan does; with the rule made advisory by
 * --policy-config, both let it through.
 */
class PolicyAwareAccessTest {
    static final String GRANT = "central-grant-marketing-everything-analyst";
    @TempDir
    static Path dir;
    static Path advisory;

    @BeforeAll
    static void aGrantWithoutThePiiKey() throws IOException {
        SampleMesh.copyTo(dir);
        Files.writeString(dir.resolve("Pulumi.central.yaml"), Files.readString(dir.resolve("Pulumi.central.yaml"))
                + "    - name: marketing-everything\n      to: marketing\n      resource: TABLE\n      permissions: [SELECT]\n"
                + "      expression:\n        domain: [sales]\n");
        advisory = dir.resolve("policy.json");
        Files.writeString(advisory, "{\"lf-no-grant-admits-pii\": \"advisory\"}");
    }

    @Test
    void withTheDefaultLevelsTheRefusedGrantGivesNothing() {
        var plan = datamesh("plan", "--dir", dir.toString());
        assertThat(plan.exitCode()).isEqualTo(ExitCode.MANDATORY_VIOLATION.code());
        assertThat(plan.out()).contains("policy mandatory: datamesh-governance/lf-no-grant-admits-pii on " + GRANT);

        var matrix = datamesh("access", "--dir", dir.toString());
        assertThat(matrix.exitCode()).as(matrix.err()).isEqualTo(ExitCode.MANDATORY_VIOLATION.code());
        assertThat(matrix.err()).contains("stack central:\n  policy mandatory: datamesh-governance/lf-no-grant-admits-pii on " + GRANT);
        assertThat(matrix.out()).contains("refused (grants nothing): " + GRANT + " in stack central by"
                + " datamesh-governance/lf-no-grant-admits-pii: expression for arn:aws:iam::333333333333:role/"
                + "datamesh-marketing-analyst has no 'pii' key")
                .contains("datamesh-marketing-analyst  sales     customers  customer_id,country,segment,signup_date ")
                .doesNotContain(GRANT + " +").doesNotContain("+ " + GRANT);

        var verdict = datamesh("access", "--dir", dir.toString(), "--principal", "datamesh-marketing-analyst",
                "--table", "sales.customers", "--column", "email");
        assertThat(verdict.exitCode()).as("the refused configuration outranks the denial").isEqualTo(ExitCode.MANDATORY_VIOLATION.code());
        assertThat(verdict.out()).startsWith("DENIED: datamesh-marketing-analyst (333333333333) cannot read sales.customers.email\n"
                + "first missing step: REFUSED_BY_POLICY\n  - " + GRANT + " (stack central) is refused by mandatory policy"
                + " datamesh-governance/lf-no-grant-admits-pii: ");
    }

    @Test
    void withTheRuleAdvisoryPlanAndAccessLetItThrough() {
        var plan = datamesh("plan", "--dir", dir.toString(), "--policy-config", advisory.toString());
        assertThat(plan.exitCode()).as(plan.out()).isZero();
        var verdict = datamesh("access", "--dir", dir.toString(), "--policy-config", advisory.toString(),
                "--principal", "datamesh-marketing-analyst", "--table", "sales.customers", "--column", "email");
        assertThat(verdict.exitCode()).as(verdict.out()).isZero();
        assertThat(verdict.out()).startsWith("ALLOWED: ").contains("  - " + GRANT + ": ");
    }
}
