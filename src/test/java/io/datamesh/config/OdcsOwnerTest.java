package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/contracts.md, the rows for team and version: who owns an ODCS contract's products, and its version. */
class OdcsOwnerTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final StackIdentity SALES = new StackIdentity("organization", "datamesh", "producer", "222222222222",
            "eu-west-1", "datamesh", 4, List.of(), Map.of());

    private static String contract(String team) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: sales-orders
                version: 2.1.0
                status: active
                %s
                schema:
                  - name: orders
                    properties:
                      - {name: order_id, logicalType: string}
                """.formatted(team);
    }

    private static DataProduct read(String team, List<ConfigProblem> problems) throws Exception {
        JsonNode document = YAML.readTree(contract(team));
        List<DataProduct> products = OdcsContracts.contract(document, "contracts/orders.odcs.yaml", SALES, "sales", problems);
        assertThat(products).hasSize(1);
        return products.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the team's name                         | 'team: {name: sales-orders, members: [{username: ana@example.com, role: owner}]}' | sales-orders
            without a name, the members named owner  | 'team: {members: [{username: ana@example.com, role: Owner}, {username: ben@example.com, role: data steward}, {username: cy@example.com, role: owner}]}' | ana@example.com, cy@example.com
            the deprecated array of members         | 'team: [{username: ana@example.com, role: owner}, {username: ben@example.com}]' | ana@example.com
            """)
    void theOwnerIsTheTeam(String description, String team, String owner) throws Exception {
        List<ConfigProblem> problems = new ArrayList<>();
        DataProduct product = read(team, problems);
        assertThat(problems).isEmpty();
        assertThat(product.owner()).contains(owner);
        assertThat(product.version()).contains("2.1.0");
    }

    @Test
    void noTeamOrNoOwnerIsNoOwner() throws Exception {
        List<ConfigProblem> problems = new ArrayList<>();
        assertThat(read("", problems).owner()).isEmpty();
        assertThat(read("team: {members: [{username: ben@example.com, role: data steward}]}", problems).owner()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void anOwnerLongerThanGlueTakesIsAProblemAtTheTeamName() throws Exception {
        List<ConfigProblem> problems = new ArrayList<>();
        read("team: {name: " + "x".repeat(256) + "}", problems);
        assertThat(problems).extracting(ConfigProblem::toString).singleElement().asString()
                .contains("$.team.name: is too long: 256 bytes in UTF-8, at most 255 (AWS Glue API, TableInput.Owner)");
    }

    @Test
    void exportWritesTheOwnerAsTheTeamAndTheVersion() {
        var product = new DataProduct("orders", "", "csv", "orders/", Map.of(), List.of(new ContractColumn("id", "string", "",
                Map.of())), List.of(), Optional.of("sales-orders"), Optional.of("2.1.0"), Optional.empty());
        var producer = (ProducerSettings) StackConfigParser.parse(new RawStackConfig("Pulumi.producer.yaml",
                "organization", "datamesh", "producer", Map.of("aws:region", "eu-west-1", "datamesh:role", "producer",
                "datamesh:accountId", "222222222222", "datamesh:centralAccountId", "111111111111",
                "datamesh:domain", "sales", "datamesh:dataProducts",
                "[{\"name\":\"orders\",\"columns\":[{\"name\":\"id\",\"type\":\"string\"}]}]")));
        var contract = OdcsExport.contract(producer, product);
        assertThat(contract.path("team").path("name").asText()).isEqualTo("sales-orders");
        assertThat(contract.path("version").asText()).isEqualTo("2.1.0");
        var inline = OdcsExport.contract(producer, producer.dataProducts().get(0));
        assertThat(inline.has("team")).isFalse();
        assertThat(inline.path("version").asText()).isEqualTo("1.0.0");
    }
}
