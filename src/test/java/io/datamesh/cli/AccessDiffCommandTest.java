package io.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.datamesh.cli.PlanCommandTest.datamesh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * `./datamesh access --base`: the sample without the marketing TABLE grant against the sample, both
 * ways and with each kind of base (directory, plan JSON, git revision).
 */
class AccessDiffCommandTest {
    static final List<String> ORDERS = List.of("order_id", "customer_id", "order_date", "product", "quantity", "amount");
    static final List<String> CUSTOMERS_NON_PII = List.of("customer_id", "country", "segment", "signup_date");
    static final List<String> PII = List.of("full_name", "email", "phone");

    @TempDir
    static Path tmp;
    static Path withoutGrant;

    @BeforeAll
    static void copyTheSampleWithoutTheMarketingTableGrant() throws IOException {
        withoutGrant = Files.createDirectory(tmp.resolve("without-grant"));
        SampleMesh.copyTo(withoutGrant);
        Path central = withoutGrant.resolve("Pulumi.central.yaml");
        String yaml = Files.readString(central);
        int start = yaml.indexOf("    # Every non-personal column");
        int end = yaml.indexOf("    - name: sales-own-database");
        assertThat(yaml.substring(start, end)).contains("name: marketing-sales-non-pii").contains("resource: TABLE");
        Files.writeString(central, yaml.substring(0, start) + yaml.substring(end));
    }

    @Test
    void removingTheGrantListsTheMarketingAnalystLosingOrdersAndTheNonPiiColumnsOfCustomers() throws IOException {
        Path json = tmp.resolve("lost.json");
        var run = datamesh("access", "--dir", withoutGrant.toString(), "--base", SampleMesh.ROOT.toString(),
                "--json", json.toString(), "--fail-on-widening");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Access changes: 0 gained, 2 lost\ndatamesh-marketing-analyst (333333333333)\n")
                .contains("  - sales.orders: columns [" + String.join(", ", ORDERS) + "] permissions [SELECT, DESCRIBE]")
                .contains("  - sales.customers: columns [" + String.join(", ", CUSTOMERS_NON_PII) + "] permissions [SELECT, DESCRIBE]");
        JsonNode diff = new ObjectMapper().readTree(json.toFile());
        assertThat(diff.get("gained")).isEmpty();
        assertThat(changes(diff.get("lost"))).containsExactly(
                "datamesh-marketing-analyst 333333333333 sales.orders " + ORDERS + " [SELECT, DESCRIBE]",
                "datamesh-marketing-analyst 333333333333 sales.customers " + CUSTOMERS_NON_PII + " [SELECT, DESCRIBE]");
        assertThat(diff.get("lost").get(0).get("via").toString()).contains("central-grant-marketing-sales-non-pii-analyst");
    }

    @Test
    void addingItBackListsTheSameAsGainedNeverAPiiColumnAndFailsOnWidening() throws IOException {
        Path json = tmp.resolve("gained.json");
        var run = datamesh("access", "--base", withoutGrant.toString(), "--dir", SampleMesh.ROOT.toString(),
                "--json", json.toString(), "--format", "markdown", "--fail-on-widening");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.ACCESS_WIDENED.code());
        assertThat(run.out()).startsWith("### Lake Formation access changes\n")
                .contains("| ➕ gained | `datamesh-marketing-analyst` | 333333333333 | `sales.customers` | "
                        + String.join(", ", CUSTOMERS_NON_PII) + " | SELECT, DESCRIBE |");
        JsonNode diff = new ObjectMapper().readTree(json.toFile());
        assertThat(diff.get("lost")).isEmpty();
        assertThat(changes(diff.get("gained"))).containsExactly(
                "datamesh-marketing-analyst 333333333333 sales.orders " + ORDERS + " [SELECT, DESCRIBE]",
                "datamesh-marketing-analyst 333333333333 sales.customers " + CUSTOMERS_NON_PII + " [SELECT, DESCRIBE]");
        PII.forEach(column -> assertThat(diff.toString()).doesNotContain("\"" + column + "\""));
    }

    @Test
    void aPlanJsonAndAGitRevisionAreBasesToo() throws IOException {
        Path plan = tmp.resolve("base-plan.json");
        assertThat(datamesh("plan", "--dir", withoutGrant.toString(), "--json", plan.toString()).exitCode()).isZero();
        var fromJson = datamesh("access", "--base", plan.toString(), "--dir", SampleMesh.ROOT.toString());
        assertThat(fromJson.exitCode()).as(fromJson.err()).isZero();
        assertThat(fromJson.out()).startsWith("Access changes: 2 gained, 0 lost\n");
        // HEAD's stack files carry the grant: the copy without it loses what the revision gives.
        var fromRevision = datamesh("access", "--dir", withoutGrant.toString(), "--base", "HEAD");
        assertThat(fromRevision.exitCode()).as(fromRevision.err()).isZero();
        assertThat(fromRevision.out()).startsWith("Access changes: 0 gained, 2 lost\n");
        var unknown = datamesh("access", "--base", "no-such-revision");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(unknown.err()).startsWith("--base no-such-revision: not a directory, a plan JSON file, nor a revision of ");
    }

    private static List<String> changes(JsonNode rows) {
        List<String> result = new ArrayList<>();
        rows.forEach(r -> result.add(r.get("principal").asText() + " " + r.get("account").asText() + " "
                + r.get("table").asText() + " " + list(r.get("columns")) + " " + list(r.get("permissions"))));
        return result;
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
