package io.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.badinput.BadInputMesh;
import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.datamesh.cli.PlanCommandTest.datamesh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 (4): the contract in the review tools. `access` and `diagram` show each data product's
 * owner and contract version; `access --base` names what changed in a contract next to who gains
 * or loses access to the table. The head is the sample with a new version of the customers
 * contract: a column added, one removed, a type changed, the segment classified PII.
 */
class ContractReviewCommandTest {
    @TempDir
    static Path tmp;
    static Path changed;

    @BeforeAll
    static void copyTheSampleWithANewCustomersContract() {
        String customers = "contracts/customers.odcs.yaml";
        String segment = "        description: Marketing segment\n";
        changed = BadInputMesh.copyOfSamples(tmp).replace(customers, "version: 1.0.0", "version: 2.0.0")
                .replace(customers, segment, segment + "        classification: pii\n")
                .replace(customers, "      - name: phone\n        logicalType: string\n        description: Contact phone number\n"
                        + "        classification: pii\n", "")
                .replace(customers, "logicalType: date\n        description: Day the customer signed up",
                        "logicalType: timestamp\n        description: Day the customer signed up")
                .append(customers, "      - name: loyalty_tier", "        logicalType: string", "        description: Loyalty programme tier")
                .root();
    }

    @Test
    void theAccessMatrixListsEachDataProductsOwnerAndContractVersion() {
        var run = datamesh("access");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^DATA PRODUCT +OWNER +CONTRACT +COLUMNS$")
                .containsPattern("(?m)^sales\\.orders +sales-order-management +1\\.0\\.0 +6$")
                .containsPattern("(?m)^sales\\.customers +sales-crm +1\\.0\\.0 +7$");
    }

    @Test
    void theDiagramShowsEachTablesOwnerAndContractVersion() {
        var run = datamesh("diagram");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[\"customers<br/>owner sales-crm · contract 1.0.0<br/>")
                .contains("[\"orders<br/>owner sales-order-management · contract 1.0.0");
    }

    @Test
    void theDiffNamesEachContractChangeNextToWhoGainsAndLosesTheTable() throws IOException {
        Path json = tmp.resolve("diff.json");
        var run = datamesh("access", "--dir", changed.toString(), "--base", SampleMesh.ROOT.toString(), "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Access changes: 3 gained, 3 lost\n").endsWith("""
                Contract changes: 1 table(s)
                  sales.customers (owner sales-crm, contract 1.0.0 → 2.0.0)
                    column signup_date type date → timestamp
                    column loyalty_tier added (string)
                    column phone removed
                    column segment tags none → pii=true
                    gains access: datamesh-sales-engineer (222222222222) [loyalty_tier]; \
                datamesh-marketing-analyst (333333333333) [loyalty_tier]; datamesh-crawler (111111111111) [loyalty_tier]
                    loses access: datamesh-sales-engineer (222222222222) [segment]; \
                datamesh-marketing-analyst (333333333333) [segment]; datamesh-crawler (111111111111) [phone]
                """);
        JsonNode contracts = new ObjectMapper().readTree(json.toFile()).get("contracts");
        assertThat(contracts).hasSize(1);
        assertThat(contracts.get(0).get("table").asText()).isEqualTo("sales.customers");
        assertThat(contracts.get(0).get("owner").asText()).isEqualTo("sales-crm");
        assertThat(contracts.get(0).get("baseVersion").asText()).isEqualTo("1.0.0");
        assertThat(contracts.get(0).get("headVersion").asText()).isEqualTo("2.0.0");
        assertThat(contracts.get(0).get("changes")).hasSize(4);
        assertThat(contracts.get(0).get("lost").toString()).isEqualTo(
                "[\"datamesh-sales-engineer\",\"datamesh-marketing-analyst\",\"datamesh-crawler\"]");

        var markdown = datamesh("access", "--dir", changed.toString(), "--base", SampleMesh.ROOT.toString(), "--format", "markdown");
        assertThat(markdown.out()).contains("#### Contract changes")
                .contains("| `sales.customers` | sales-crm | 1.0.0 → 2.0.0 | column signup_date type date → timestamp<br>"
                        + "column loyalty_tier added (string)<br>column phone removed<br>column segment tags none → pii=true | "
                        + "datamesh-sales-engineer (222222222222) [loyalty_tier]; ");
    }

    @Test
    void aDiffWithoutContractChangesSaysNothingOfContracts() {
        var run = datamesh("access", "--base", SampleMesh.ROOT.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("No access changes.\n");
    }
}
