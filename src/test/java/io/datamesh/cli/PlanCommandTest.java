package io.datamesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.badinput.Datamesh;
import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `./datamesh plan` end to end: exit codes, the readable summary and the JSON contract. */
class PlanCommandTest {
    record Run(int exitCode, String out, String err) {
    }

    static Run datamesh(String... args) {
        Datamesh.Outcome outcome = Datamesh.run(args);
        return new Run(outcome.exitCode(), outcome.out(), outcome.err());
    }

    @Test
    void samplesPlanCleanlyAndTheJsonCarriesEveryStackResourceAndPolicyResult(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("plan.json");
        Run run = datamesh("plan", "--dir", SampleMesh.ROOT.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Deploy order (first deployment): producer → consumer → central → producer → consumer")
                .contains("In waves (`up --parallel N` runs a wave's stacks at once): 1. producer, consumer → 2. central"
                        + " → 3. producer, consumer\n")
                .contains("== central (central)").contains("0 mandatory policy violation(s)");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("stacks")).hasSize(3);
        assertThat(root.get("deployWaves").toString()).isEqualTo("[[\"producer\",\"consumer\"],[\"central\"],[\"producer\",\"consumer\"]]");
        for (JsonNode stack : root.get("stacks")) {
            assertThat(stack.fieldNames()).toIterable().contains("stack", "role", "account", "resources", "outputs", "warnings",
                    "errors", "policy");
            assertThat(stack.get("account").asText()).matches("\\d{12}");
            assertThat(stack.get("errors")).isEmpty();
            JsonNode first = stack.get("resources").get(0);
            assertThat(first.fieldNames()).toIterable().contains("urn", "type", "name", "parent", "inputs");
        }
        JsonNode grant = find(root, "central", "central-grant-marketing-sales-non-pii-analyst");
        assertThat(grant.get("type").asText()).isEqualTo("aws:lakeformation/permissions:Permissions");
        assertThat(grant.get("parent").asText())
                .endsWith("datamesh:index:CentralCatalog$datamesh:index:QueryRoleGrants::central-grants");
        assertThat(grant.at("/options/aliases/0").asText()).isEqualTo("urn:pulumi:central::datamesh::"
                + "datamesh:index:CentralCatalog$aws:lakeformation/permissions:Permissions::central-grant-marketing-sales-non-pii-analyst");
        assertThat(grant.at("/inputs/lfTagPolicy/resourceType").asText()).isEqualTo("TABLE");
        assertThat(grant.at("/options/deleteBeforeReplace").asBoolean()).isTrue();
        assertThat(grant.at("/options/retainOnDelete").asBoolean()).isFalse();
        assertThat(grant.at("/options/protect").asBoolean()).isFalse();
        assertThat(grant.at("/options/dependsOn")).isNotEmpty();
        JsonNode database = find(root, "central", "central-sales-database");
        assertThat(database.at("/options/dependsOn").toString()).contains("central-lake-settings");
        assertThat(find(root, "central", "central-lake-settings").at("/options/retainOnDelete").asBoolean()).isTrue();

        assertThat(run.out()).contains("AWS quotas: 3 account(s) checked against 11 quotas, 0 exceeded, 0 at 80% or more");
        assertThat(root.get("quotas")).hasSize(3 * 11);
        JsonNode crawlers = null;
        for (JsonNode quota : root.get("quotas")) {
            if (quota.get("account").asText().equals("111111111111") && quota.get("quota").asText().equals("glueCrawlers")) {
                crawlers = quota;
            }
        }
        assertThat(crawlers).as("central's crawlers against AWS's default").isNotNull();
        assertThat(crawlers.get("used").asLong()).isEqualTo(2);
        assertThat(crawlers.get("limit").asLong()).isEqualTo(1000);
        assertThat(crawlers.get("level").asText()).isEqualTo("ok");
        assertThat(crawlers.get("raised").asBoolean()).isFalse();
    }

    @Test
    void invalidConfigExitsTwoWithOneLinePerProblemAndNoStackTrace(@TempDir Path dir) throws IOException {
        SampleMesh.copyTo(dir);
        Path central = dir.resolve("Pulumi.central.yaml");
        Files.writeString(central, Files.readString(central)
                .replace("accountId: \"333333333333\"", "accountId: \"3333\"")
                .replace("to: marketing\n      resource: DATABASE", "to: finance\n      resource: DATABASE"));
        Run run = datamesh("plan", "--dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Pulumi.central.yaml: datamesh:consumers[0].accountId: '3333' is not a 12-digit AWS account id")
                .contains("Pulumi.central.yaml: datamesh:grants[0].to: 'finance' is not a configured producer or consumer domain")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aGrantThatAdmitsPiiIsAMandatoryViolationAndExitsThree(@TempDir Path dir) throws IOException {
        copySamplesWithMarketingGrantAdmittingPii(dir);
        Run run = datamesh("plan", "--dir", dir.toString(), "--stack", "central");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("policy mandatory: datamesh-governance/lf-no-grant-admits-pii on central-grant-marketing-sales-non-pii");
    }

    @Test
    void thePolicyConfigFileOfTheCliAllowListsAPrincipalOffline(@TempDir Path dir) throws IOException {
        copySamplesWithMarketingGrantAdmittingPii(dir);
        Path config = dir.resolve("policy-config.json");
        Files.writeString(config, "{\"lf-no-grant-admits-pii\": {\"enforcementLevel\": \"mandatory\","
                + " \"allowedPrincipals\": [\"333333333333\"]}, \"s3-data-bucket-versioning\": \"disabled\"}");
        Run run = datamesh("plan", "--dir", dir.toString(), "--stack", "central", "--policy-config", config.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        Files.writeString(config, "{\"no-such-policy\": \"advisory\"}");
        Run unknown = datamesh("plan", "--dir", dir.toString(), "--policy-config", config.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no policy named 'no-such-policy'");
    }

    /** The sample mesh with the pii clause dropped from marketing's table grant. */
    private static void copySamplesWithMarketingGrantAdmittingPii(Path dir) throws IOException {
        SampleMesh.copyTo(dir);
        Path central = dir.resolve("Pulumi.central.yaml");
        Files.writeString(central, Files.readString(central).replace(
                "        domain: [sales]\n        pii: [\"false\"]\n    # The producer",
                "        domain: [sales]\n    # The producer"));
    }

    private static JsonNode find(JsonNode root, String stack, String name) {
        for (JsonNode s : root.get("stacks")) {
            if (s.get("stack").asText().equals(stack)) {
                for (JsonNode r : s.get("resources")) {
                    if (r.get("name").asText().equals(name)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no " + name + " in " + stack);
    }

}
