package io.datamesh.central;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamesh.config.CentralSettings;
import io.datamesh.iam.PolicyDocuments;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.datamesh.central.CentralRuns.childrenOf;
import static io.datamesh.central.CentralRuns.named;
import static io.datamesh.central.RegisteredDataAccessTest.statement;
import static io.datamesh.central.RegisteredDataAccessTest.texts;
import static io.datamesh.plan.SampleMesh.json;
import static io.datamesh.plan.SampleMesh.map;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogEncryptionTest {
    private final StackPlan plan = CentralRuns.onboarded();

    @Test
    void holdsTheKeyAndEverythingItEncrypts() {
        assertThat(childrenOf(plan, CatalogEncryption.TYPE, "central-encryption")).extracting(r -> r.name())
                .containsExactlyInAnyOrder("central-catalog-key", "central-catalog-encryption", "central-crawler-security",
                        "central-crawler-logs");
    }

    @Test
    void theCatalogTheCrawlersAndTheirLogsAreEncryptedWithTheCatalogKey() {
        var atRest = map(map(named(plan, "central-catalog-encryption").inputs().get("dataCatalogEncryptionSettings"))
                .get("encryptionAtRest"));
        assertThat(atRest).containsEntry("catalogEncryptionMode", "SSE-KMS");
        String catalogKey = String.valueOf(atRest.get("sseAwsKmsKeyId"));
        assertThat(catalogKey).startsWith("arn:aws:kms:eu-west-1:111111111111:key/");
        var security = map(named(plan, "central-crawler-security").inputs().get("encryptionConfiguration"));
        assertThat(map(security.get("s3Encryption"))).containsEntry("kmsKeyArn", catalogKey);
        assertThat(map(security.get("cloudwatchEncryption"))).containsEntry("kmsKeyArn", catalogKey);
        assertThat(map(security.get("jobBookmarksEncryption"))).containsEntry("jobBookmarksEncryptionMode", "CSE-KMS");
        assertThat(named(plan, "central-crawler-logs").inputs()).containsEntry("kmsKeyId", catalogKey)
                .containsEntry("name", "/aws-glue/crawlers-role/datamesh-crawler-datamesh-crawler")
                .containsKey("retentionInDays");
    }

    @Test
    void theMeshAccountsUseTheKeyOnlyThroughGlueAndWithoutDomainsNobodyElseDoes() {
        CentralSettings sample = CentralRuns.settings();
        JsonNode policy = json(PolicyDocuments.policy(CatalogEncryption.keyPolicy(sample)));
        JsonNode mesh = statement(policy, "MeshAccountsReadCatalogThroughGlue");
        assertThat(texts(mesh.at("/Principal/AWS"))).containsExactly("arn:aws:iam::222222222222:root",
                "arn:aws:iam::333333333333:root");
        assertThat(mesh.at("/Condition/StringEquals/kms:ViaService").asText()).isEqualTo("glue.eu-west-1.amazonaws.com");
        assertThat(statement(policy, "CrawlerLogs").at("/Condition/ArnLike/kms:EncryptionContext:aws:logs:arn").asText())
                .isEqualTo("arn:aws:logs:eu-west-1:111111111111:*");

        var alone = new CentralSettings(sample.identity(), sample.tagOntology(), List.of(), List.of(), sample.grants(),
                sample.ramSharing(), sample.crawlerLogRetentionDays());
        assertThat(json(PolicyDocuments.policy(CatalogEncryption.keyPolicy(alone))).findValuesAsText("Sid"))
                .containsExactly("AccountAdministersKey", "CrawlerLogs");
    }
}
