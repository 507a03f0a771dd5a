package io.datamesh.e2e.standin;

import com.google.protobuf.Struct;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertEquals("arn:aws:s3:::acme-data", StructCodec.toMap(response.getProperties()).get("arn"));
        var ops = StandInAwsProvider.readRecording(log);
        assertEquals(1, ops.size());
        assertEquals("create", ops.get(0).get("op"));
        assertEquals("222222222222", ops.get(0).get("accountId"));
        assertEquals("222222222222",
                provider.invoke("aws:index/getCallerIdentity:getCallerIdentity", Map.of()).get("accountId"));
        assertNull(provider.invoke("aws:ec2/getVpc:getVpc", Map.of()));

        var numeric = new StandInAwsProvider(Map.of());
        numeric.configure(Map.of("allowedAccountIds", List.of(33333333333L)));
        assertEquals("033333333333", numeric.accountId());
    }

    @Test
    void dataLakeSettingsReadBackWhatTheAccountLastWrote(@TempDir Path dir) {
        Path log = dir.resolve("ops.jsonl");
        var provider = new StandInAwsProvider(Map.of(StandInAwsProvider.LOG_ENV, log.toString()));
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
        assertEquals(List.of(), settings.get("createTableDefaultPermissions"));
        var other = new StandInAwsProvider(Map.of(StandInAwsProvider.LOG_ENV, log.toString(),
                StandInAwsProvider.ACCOUNT_ENV, "111111111111"));
        assertEquals(List.of(), other.invoke(token, Map.of()).get("admins"));
    }

    @Test
    void previewKeepsComputedOutputsUnknownAndDiffComparesInputs() {
        var provider = new StandInAwsProvider(Map.of());
        var state = provider.computeState("aws:s3/bucketV2:BucketV2", "data",
                Map.of("bucket", StructCodec.UNKNOWN_STRING));
        assertEquals(StructCodec.UNKNOWN_STRING, state.get("arn"));

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

    private static final class Capture<T> implements StreamObserver<T> {
        final List<T> values = new ArrayList<>();

        @Override
        public void onNext(T value) {
            values.add(value);
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError(t);
        }

        @Override
        public void onCompleted() {
        }
    }
}
