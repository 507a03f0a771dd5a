package io.datamesh.producer;

import com.pulumi.test.PulumiTest;
import io.datamesh.account.Diagnostics;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.SampleData;
import io.datamesh.lakeformation.LfPermission;
import io.datamesh.plan.SampleMesh;
import io.datamesh.stackref.DomainShare;
import io.datamesh.stackref.ProducerOutput;
import io.datamesh.stackref.StackOutputs;
import io.datamesh.testing.RecordedRun;
import io.datamesh.testing.SampleStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.datamesh.plan.SampleMesh.map;
import static io.datamesh.resource.ResourceTypes.BUCKET;
import static io.datamesh.resource.ResourceTypes.CLOUDTRAIL_TRAIL;
import static io.datamesh.resource.ResourceTypes.GLUE_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample producer and its variants, in one run: {@code sales} as configured (second run: it
 * receives its own share), {@code nosample} with {@code uploadSampleData: false}, {@code nodata}
 * with a sample directory that has no data, {@code untrailed} with the audit trail disabled.
 */
class ProducerDomainTest {
    private static final String OWN = "222222222222";
    private static final String OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2";
    private static final DomainShare OWN_SHARE = new DomainShare(List.of(), List.of("sales"), List.of(
            new DomainShare.Table("sales", "orders", List.of("order_id"), false, List.of(LfPermission.SELECT))));
    private static final Map<String, List<String>> WARNINGS = new LinkedHashMap<>();
    private static ProducerSettings sample;
    private static RecordedRun run;

    @BeforeAll
    static void defineTheVariants() {
        sample = SampleStacks.settings("producer", Map.of());
        Map<String, ProducerSettings> variants = new LinkedHashMap<>();
        variants.put("nosample", SampleStacks.settings("producer", Map.of("uploadSampleData", "false")));
        variants.put("nodata", SampleStacks.settings("producer", Map.of()));
        variants.put("untrailed", SampleStacks.settings("producer", Map.of("auditTrail", "{\"enabled\": false}")));
        run = RecordedRun.of(OWN, "eu-west-1", Map.of(), ctx -> {
            var diagnostics = new Diagnostics(ctx);
            var sales = new ProducerDomain("sales", new ProducerDomainArgs(sample, Optional.of(OWN_SHARE),
                    Optional.of("arn:aws:kms:eu-west-1:111111111111:key/catalog"), uploads("sales", sample),
                    SampleStacks.lakeSettings(OWN)), diagnostics);
            ctx.export("sales", sales.export().applyValue(e -> StackOutputs.toOutput(ProducerOutput.of(e))));
            WARNINGS.put("sales", diagnostics.warnings());
            variants.forEach((name, settings) -> {
                var own = new Diagnostics(ctx);
                new ProducerDomain(name, new ProducerDomainArgs(settings, Optional.empty(), Optional.empty(),
                        uploads(name, settings), SampleStacks.lakeSettings(OWN)), own);
                WARNINGS.put(name, own.warnings());
            });
        }).succeeded();
    }

    /** The sample's files as the program resolves them; "nodata" names a directory that has none. */
    private static List<SampleData.Upload> uploads(String variant, ProducerSettings settings) {
        if (variant.equals("nodata")) {
            return settings.dataProducts().stream().map(p -> new SampleData.Upload(p,
                    Path.of("no-such-directory", p.name()), false, List.of())).toList();
        }
        return SampleData.resolve(SampleMesh.ROOT, settings, "Pulumi.producer.yaml");
    }

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    private static List<RecordedRun.Sent> of(String component, String type) {
        return run.under(component).stream().filter(s -> s.type().equals(type)).toList();
    }

    @Test
    void sampleDataLandsUnderEachProductsPrefixEncryptedWithTheDomainKey() {
        assertThat(of("sales", OBJECT)).extracting(s -> s.inputs().get("key"))
                .containsExactlyInAnyOrder("orders/orders.csv", "customers/customers.csv");
        assertThat(of("sales", OBJECT)).allSatisfy(o -> {
            assertThat(o.inputs()).containsEntry("serverSideEncryption", "aws:kms")
                    .containsEntry("bucket", "datamesh-sales-data-" + OWN + "-eu-west-1");
            assertThat(String.valueOf(o.inputs().get("kmsKeyId"))).startsWith("arn:aws:kms:eu-west-1:" + OWN + ":key/");
        });
        assertThat(WARNINGS.get("sales")).isEmpty();
    }

    @Test
    void withoutUploadSampleDataTheBucketStaysEmptyAndNothingIsMissing() {
        assertThat(of("nosample", BUCKET)).isNotEmpty();
        assertThat(of("nosample", OBJECT)).isEmpty();
        assertThat(WARNINGS.get("nosample")).isEmpty();
    }

    @Test
    void aProductWithoutSampleDataIsNamedInAWarningAndUploadsNothing() {
        assertThat(of("nodata", OBJECT)).isEmpty();
        assertThat(WARNINGS.get("nodata")).hasSize(2).allMatch(w -> w.contains("no-such-directory"))
                .anyMatch(w -> w.startsWith("no sample data for data product 'orders'"))
                .anyMatch(w -> w.startsWith("no sample data for data product 'customers'"));
    }

    @Test
    void theAuditTrailRecordsTheDataBucketsObjectEventsUnlessDisabled() {
        var trail = run.named(CLOUDTRAIL_TRAIL, "sales-audit").inputs();
        assertThat(trail).containsEntry("enableLogFileValidation", true).containsEntry("s3BucketName",
                "datamesh-sales-audit-" + OWN + "-eu-west-1");
        assertThat(trail.toString()).contains("arn:aws:s3:::datamesh-sales-data-" + OWN + "-eu-west-1/");
        assertThat(of("untrailed", CLOUDTRAIL_TRAIL)).isEmpty();
        assertThat(of("nosample", CLOUDTRAIL_TRAIL)).hasSize(1);
    }

    @Test
    void theExportCarriesTheContractsAndTheExactDataKey() {
        var export = map(run.output("sales"));
        assertThat(export).containsEntry("version", ProducerOutput.VERSION).containsEntry("domain", "sales")
                .containsEntry("accountId", OWN).containsEntry("databaseTags", Map.of("classification", "internal", "pii", "false"));
        assertThat((List<?>) export.get("dataProducts")).extracting(p -> map(p).get("name")).containsExactly("orders", "customers");
        // The contracts' teams and versions travel to central, which writes them on the catalog tables.
        assertThat((List<?>) export.get("dataProducts")).extracting(p -> map(p).get("owner"), p -> map(p).get("version"))
                .containsExactly(tuple("sales-order-management", "1.0.0"), tuple("sales-crm", "1.0.0"));
        assertThat(export.get("kmsKeyArn")).isEqualTo(run.named(OBJECT, "sales-sample-orders-orders.csv").inputs().get("kmsKeyId"));
    }

    @Test
    void onlyAReceivedShareMakesResourceLinks() {
        assertThat(of("sales", GLUE_DATABASE)).extracting(RecordedRun.Sent::name).containsExactly("sales-access-link-sales");
        assertThat(of("nosample", GLUE_DATABASE)).isEmpty();
    }
}
