package io.datamesh.e2e.standin;

import com.google.protobuf.Struct;
import io.datamesh.policy.analyzer.StructCodec;
import io.datamesh.resource.Sentinels;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stand-in provider answers deterministically and reads back the settings an account wrote. */
class StandInAwsProviderTest {
    private static final String URN = "urn:pulumi:dev::p::aws:s3/bucketV2:BucketV2::data";

    @Test
    void createReturnsInputsPlusFakeCloudOutputsAndRecordsIt(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("ops.jsonl");
        var provider = new StandInAwsProvider(Map.of(StandInAwsProvider.LOG_ENV, log.toString()));
        provider.configure(Map.of("region", "eu-west-1", "allowedAccountIds", "[\"222222222222\"]"));

        var out = new Capture<CreateResponse>();
        provider.create(CreateRequest.newBuilder().setUrn(URN)
                .setProperties(StructCodec.toStruct(Map.of("bucket", "acme-data"))).build(), out);

        CreateResponse response = out.values.get(0);
        assertEquals("acme-data", response.getId());
        assertEquals("arn:aws:s3:::acme-data", StructCodec.toPlain(response.getProperties()).get("arn"));
        var ops = StandInAwsProvider.readRecording(log);
        assertEquals(1, ops.size());
        assertEquals("create", ops.get(0).get("op"));
        assertEquals("222222222222", ops.get(0).get("accountId"));
        // Without DATAMESH_STANDIN_STATE the processes that share a recording share one AWS beside it.
        assertTrue(java.nio.file.Files.exists(Path.of(log + ".state.json")));
        assertEquals("222222222222",
                provider.invoke("aws:index/getCallerIdentity:getCallerIdentity", Map.of()).get("accountId"));
        assertNull(provider.invoke("aws:ec2/getVpc:getVpc", Map.of()));

        var numeric = new StandInAwsProvider(Map.of());
        numeric.configure(Map.of("allowedAccountIds", List.of(33333333333L)));
        assertEquals("033333333333", numeric.accountId());
    }

    @Test
    void dataLakeSettingsReadBackWhatTheAccountLastWroteAcrossProcesses(@TempDir Path dir) {
        Path log = dir.resolve("ops.jsonl");
        String state = dir.resolve("aws.json").toString();
        var provider = new StandInAwsProvider(Map.of(StandInAwsProvider.LOG_ENV, log.toString(),
                StandInAwsProvider.STATE_ENV, state));
        provider.configure(Map.of("region", "eu-west-1", "allowedAccountIds", "[\"222222222222\"]"));
        String token = "aws:lakeformation/getDataLakeSettings:getDataLakeSettings";
        assertEquals(List.of(), provider.invoke(token, Map.of()).get("admins"));
        assertEquals(1, ((List<?>) provider.invoke(token, Map.of()).get("createTableDefaultPermissions")).size());

        String urn = "urn:pulumi:producer::datamesh::aws:lakeformation/dataLakeSettings:DataLakeSettings::lake";
        provider.create(CreateRequest.newBuilder().setUrn(urn).setProperties(StructCodec.toStruct(Map.of(
                "admins", List.of("arn:aws:iam::222222222222:role/deployer"),
                "parameters", Map.of("CROSS_ACCOUNT_VERSION", "4")))).build(), new Capture<>());

        var settings = provider.invoke(token, Map.of());
        assertEquals(List.of("arn:aws:iam::222222222222:role/deployer"), settings.get("admins"));
        assertEquals(Map.of("CROSS_ACCOUNT_VERSION", "4"), settings.get("parameters"));
        // The provider leaves the empty default lists out of the request, so the IAM-only defaults stay.
        assertEquals(List.of(Map.of("permissions", List.of("ALL"), "principal", "IAM_ALLOWED_PRINCIPALS")),
                settings.get("createTableDefaultPermissions"));
        var other = new StandInAwsProvider(Map.of(StandInAwsProvider.STATE_ENV, state,
                StandInAwsProvider.ACCOUNT_ENV, "111111111111"));
        assertEquals(List.of(), other.invoke(token, Map.of()).get("admins"));
        // Another process acting as the same account reads what the first one wrote.
        var later = new StandInAwsProvider(Map.of(StandInAwsProvider.STATE_ENV, state,
                StandInAwsProvider.ACCOUNT_ENV, "222222222222"));
        assertEquals(Map.of("CROSS_ACCOUNT_VERSION", "4"), later.invoke(token, Map.of()).get("parameters"));
    }

    @Test
    void diffReportsAReplacementForEveryInputTheProviderMarksForceNew() {
        var provider = new StandInAwsProvider(Map.of());
        String grant = "urn:pulumi:c::p::aws:lakeformation/permissions:Permissions::g";
        var olds = StructCodec.toStruct(Map.of("principal", "a", "permissions", List.of("SELECT")));
        var changed = new Capture<DiffResponse>();
        provider.diff(DiffRequest.newBuilder().setUrn(grant).setOlds(olds).setOldInputs(olds)
                .setNews(StructCodec.toStruct(Map.of("principal", "a", "permissions", List.of("SELECT", "DESCRIBE"))))
                .build(), changed);
        assertEquals(List.of("permissions"), changed.values.get(0).getReplacesList());
        assertEquals(DiffResponse.DiffChanges.DIFF_SOME, changed.values.get(0).getChanges());

        String database = "urn:pulumi:c::p::aws:glue/catalogDatabase:CatalogDatabase::db";
        var dbOlds = StructCodec.toStruct(Map.of("name", "sales", "description", "a"));
        var described = new Capture<DiffResponse>();
        provider.diff(DiffRequest.newBuilder().setUrn(database).setOlds(dbOlds).setOldInputs(dbOlds)
                .setNews(StructCodec.toStruct(Map.of("name", "sales", "description", "b"))).build(), described);
        assertEquals(0, described.values.get(0).getReplacesCount());
        var renamed = new Capture<DiffResponse>();
        provider.diff(DiffRequest.newBuilder().setUrn(database).setOlds(dbOlds).setOldInputs(dbOlds)
                .setNews(StructCodec.toStruct(Map.of("name", "orders", "description", "a"))).build(), renamed);
        assertEquals(List.of("name"), renamed.values.get(0).getReplacesList());
    }

    @Test
    void aCreateAwsRefusesFailsTheCallRecordsItAndChangesNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("ops.jsonl");
        var provider = new StandInAwsProvider(Map.of(StandInAwsProvider.LOG_ENV, log.toString(),
                StandInAwsProvider.STATE_ENV, dir.resolve("aws.json").toString(),
                StandInAwsProvider.ACCOUNT_ENV, "111111111111"));
        String urn = "urn:pulumi:central::p::aws:lakeformation/permissions:Permissions::g";
        var inputs = StructCodec.toStruct(Map.of("principal", "333333333333", "permissions", List.of("SELECT"),
                "table", Map.of("databaseName", "sales", "name", "orders")));
        var preview = new Capture<CreateResponse>();
        provider.create(CreateRequest.newBuilder().setUrn(urn).setProperties(inputs).setPreview(true).build(), preview);
        assertEquals(1, preview.values.size());

        var out = new Capture<CreateResponse>();
        provider.create(CreateRequest.newBuilder().setUrn(urn).setProperties(inputs).build(), out);
        assertEquals(Status.Code.UNKNOWN, Status.fromThrowable(out.error).getCode());
        assertTrue(Status.fromThrowable(out.error).getDescription().contains("AccessDeniedException: Insufficient Lake "
                + "Formation permission(s)"), Status.fromThrowable(out.error).getDescription());
        var ops = StandInAwsProvider.readRecording(log);
        assertEquals(List.of("failed"), ops.stream().map(o -> o.get("op")).toList());
        assertEquals(Map.of(), provider.withState(aws -> aws.grants));
    }

    @Test
    void aLakeFormationWriteOnAResourceAnotherWriteHoldsMeetsAConcurrentModificationAndIsRetried(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("ops.jsonl");
        var provider = new StandInAwsProvider(Map.of(StandInAwsProvider.LOG_ENV, log.toString(),
                StandInAwsProvider.ACCOUNT_ENV, "444444444444", LakeFormationContention.LATENCY_ENV, "300"));
        var settings = StructCodec.toStruct(Map.of("admins", List.of("arn:aws:iam::444444444444:role/datamesh-deployer")));
        Runnable first = () -> provider.create(CreateRequest.newBuilder().setProperties(settings)
                .setUrn("urn:pulumi:central::p::aws:lakeformation/dataLakeSettings:DataLakeSettings::first").build(),
                new Capture<>());
        var second = new Capture<CreateResponse>();
        var otherResource = new Capture<CreateResponse>();
        var threads = List.of(new Thread(first),
                new Thread(() -> provider.create(CreateRequest.newBuilder().setProperties(settings)
                        .setUrn("urn:pulumi:central::p::aws:lakeformation/dataLakeSettings:DataLakeSettings::second")
                        .build(), second)),
                new Thread(() -> provider.create(CreateRequest.newBuilder()
                        .setProperties(StructCodec.toStruct(Map.of("key", "domain", "values", List.of("sales"))))
                        .setUrn("urn:pulumi:central::p::aws:lakeformation/lfTag:LfTag::domain").build(), otherResource)));
        long start = System.nanoTime();
        threads.get(0).start();
        Thread.sleep(100);   // the first settings write is in flight for 300 ms
        threads.get(1).start();
        threads.get(2).start();
        for (var t : threads) {
            t.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertNull(second.error);
        assertNull(otherResource.error);
        var ops = StandInAwsProvider.readRecording(log);
        // Only the second settings write met the first; the LF-tag is another resource.
        assertEquals(List.of("second"), ops.stream().filter(o -> o.get("op").equals("retry")).map(o -> o.get("name")).toList());
        assertEquals(List.of("domain", "first", "second"), ops.stream().filter(o -> o.get("op").equals("create"))
                .map(o -> String.valueOf(o.get("name"))).sorted().toList());
        // The second: refused after one latency (at 400 ms), retried 500 ms later, answered at 1.2 s.
        assertTrue(millis >= 1200, millis + " ms");
    }

    @Test
    void previewKeepsComputedOutputsUnknownAndDiffComparesInputs() {
        var provider = new StandInAwsProvider(Map.of());
        var state = provider.computeState("aws:s3/bucketV2:BucketV2", "data",
                Map.of("bucket", Sentinels.UNKNOWN_STRING));
        assertEquals(Sentinels.UNKNOWN_STRING, state.get("arn"));

        Struct olds = StructCodec.toStruct(Map.of("bucket", "a", "arn", "arn:aws:s3:::a"));
        var same = new Capture<DiffResponse>();
        provider.diff(DiffRequest.newBuilder().setUrn(URN).setOlds(olds)
                .setNews(StructCodec.toStruct(Map.of("bucket", "a"))).build(), same);
        assertEquals(DiffResponse.DiffChanges.DIFF_NONE, same.values.get(0).getChanges());
        var changed = new Capture<DiffResponse>();
        provider.diff(DiffRequest.newBuilder().setUrn(URN).setOlds(olds)
                .setNews(StructCodec.toStruct(Map.of("bucket", "b"))).build(), changed);
        assertEquals(List.of("bucket"), changed.values.get(0).getDiffsList());
        assertEquals(0, changed.values.get(0).getReplacesCount());
    }
}
