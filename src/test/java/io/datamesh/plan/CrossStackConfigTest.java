package io.datamesh.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Stack files that disagree with each other are configuration problems — one line each, naming
 * both files and keys, found before anything is planned — not a failed run and its knock-on errors.
 */
class CrossStackConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyTheSamples() throws IOException {
        SampleMesh.copyTo(dir);
    }

    private InvalidMeshException problemsAfter(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String yaml = Files.readString(path);
        assertThat(yaml).contains(from);
        Files.writeString(path, yaml.replace(from, to));
        return catchThrowableOfType(InvalidMeshException.class, () -> MeshPlanner.plan(dir, AccountState.TYPICAL));
    }

    /** The sample's contracts name the sales domain's data bucket: a renamed domain has another. */
    private void contractsInTheBucketOf(String domain, String account, String contractsDir) throws IOException {
        for (String contract : List.of("orders", "customers")) {
            Path copy = dir.resolve(contractsDir + "/" + contract + ".odcs.yaml");
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, Files.readString(dir.resolve("contracts/" + contract + ".odcs.yaml"))
                    .replace("datamesh-sales-data-222222222222", "datamesh-" + domain + "-data-" + account));
        }
    }

    @Test
    void aProducerDomainCentralListsDifferentlyIsOneProblemNamingBothFiles() throws IOException {
        contractsInTheBucketOf("salez", "222222222222", "contracts");
        var e = problemsAfter("Pulumi.producer.yaml", "datamesh:domain: sales", "datamesh:domain: salez");
        assertThat(e.problems()).containsExactly("Pulumi.producer.yaml: datamesh:domain: 'salez' differs from Pulumi.central.yaml"
                + " datamesh:producers[0].domain: 'sales' for stack producer; fix one of the two");
    }

    @Test
    void aConsumerAccountCentralListsDifferentlyIsOneProblem() throws IOException {
        var e = problemsAfter("Pulumi.consumer.yaml", "333333333333", "444444444444");
        assertThat(e.problems()).containsExactly("Pulumi.consumer.yaml: datamesh:accountId: '444444444444' differs from"
                + " Pulumi.central.yaml datamesh:consumers[0].accountId: '333333333333'; fix one of the two");
    }

    @Test
    void aProducerStackCentralDoesNotListIsNamedWithTheFix() throws IOException {
        contractsInTheBucketOf("finance", "444444444444", "finance");
        Files.writeString(dir.resolve("Pulumi.finance.yaml"), Files.readString(dir.resolve("Pulumi.producer.yaml"))
                .replace("- contracts/", "- finance/")
                .replace("datamesh:domain: sales", "datamesh:domain: finance")
                .replace("\"222222222222\"", "\"444444444444\"").replace("arn:aws:iam::222222222222", "arn:aws:iam::444444444444"));
        var e = catchThrowableOfType(InvalidMeshException.class, () -> MeshPlanner.plan(dir, AccountState.TYPICAL));
        assertThat(e.problems()).containsExactly("Pulumi.finance.yaml: domain 'finance' (stack finance) is not listed in"
                + " datamesh:producers of Pulumi.central.yaml; add {domain: finance, accountId: \"444444444444\", stack: finance}"
                + " there, or remove Pulumi.finance.yaml");
    }

    @Test
    void aYamlSyntaxErrorKeepsItsLineAndColumn() throws IOException {
        var e = problemsAfter("Pulumi.producer.yaml", "datamesh:domain: sales", "datamesh:domain: [sales");
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0)).startsWith(dir.resolve("Pulumi.producer.yaml") + ":6:21: not valid YAML (while parsing"
                + " a flow sequence, expected ',' or ']'");
    }
}
