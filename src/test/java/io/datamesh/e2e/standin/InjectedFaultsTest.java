package io.datamesh.e2e.standin;

import io.datamesh.policy.analyzer.StructCodec;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The faults injected by env var, through the provider's gRPC create as the engine calls it. */
class InjectedFaultsTest {
    private static final String DATABASE_URN = "urn:pulumi:producer::datamesh::aws:glue/catalogDatabase:CatalogDatabase::sales";
    private static final CreateRequest CREATE_DATABASE = CreateRequest.newBuilder().setUrn(DATABASE_URN)
            .setProperties(StructCodec.toStruct(Map.of("name", "sales"))).build();

    /** The process's death, as a throw: the create never answers. */
    private static final class Killed extends RuntimeException {
    }

    private static StandInAwsProvider provider(Path dir, FakeClock clock, String... faults) {
        var env = new HashMap<String, String>(Map.of(StandInAwsProvider.LOG_ENV, dir.resolve("ops.jsonl").toString(),
                StandInAwsProvider.STATE_ENV, dir.resolve("aws.json").toString(),
                StandInAwsProvider.ACCOUNT_ENV, "222222222222"));
        for (int i = 0; i < faults.length; i += 2) {
            env.put(faults[i], faults[i + 1]);
        }
        return new StandInAwsProvider(env, clock, () -> 0.5, () -> {
            throw new Killed();
        });
    }

    private static List<String> ops(Path dir) throws Exception {
        return StandInAwsProvider.readRecording(dir.resolve("ops.jsonl")).stream()
                .map(o -> String.valueOf(o.get("op"))).toList();
    }

    @Test
    void aThrottlingBurstShorterThanTheProvidersAttemptsIsRetriedWithTheSdksBackoffAndTakesEffect(@TempDir Path dir)
            throws Exception {
        var clock = new FakeClock();
        var provider = provider(dir, clock, InjectedFaults.THROTTLE_ENV, "3:glue/");
        var out = new Capture<CreateResponse>();
        provider.create(CREATE_DATABASE, out);

        assertNull(out.error);
        assertEquals("sales", StructCodec.toPlain(out.values.get(0).getProperties()).get("name"));
        assertEquals(List.of("retry", "retry", "retry", "create"), ops(dir));
        // ExponentialJitterBackoff at jitter 0.5: 0.5 * 2^k s after the k-th throttled attempt.
        assertEquals(List.of(1000L, 2000L, 4000L), clock.sleeps);
        assertTrue(provider.withState(aws -> aws.databases.keySet()).contains("222222222222/sales"));
    }

    @Test
    void aThrottlingBurstAsLongAsTheProvidersAttemptsFailsTheOperationAndChangesNothing(@TempDir Path dir)
            throws Exception {
        var clock = new FakeClock();
        var out = new Capture<CreateResponse>();
        provider(dir, clock, InjectedFaults.THROTTLE_ENV, "25").create(CREATE_DATABASE, out);

        String error = Status.fromThrowable(out.error).getDescription();
        assertEquals("operation error glue: create CatalogDatabase, exceeded maximum number of attempts, 25, "
                + "https response error StatusCode: 400, ThrottlingException: Rate exceeded", error);
        assertEquals(24, Collections.frequency(ops(dir), "retry"));
        assertEquals("failed", ops(dir).get(ops(dir).size() - 1));
        assertEquals(20_000L, clock.sleeps.get(clock.sleeps.size() - 1), "backoff capped at the SDK's 20 s");
        assertEquals(Map.of(), provider(dir, clock).withState(aws -> aws.databases));

        // Another type than the throttled one is not throttled.
        var other = new Capture<CreateResponse>();
        provider(dir, new FakeClock(), InjectedFaults.THROTTLE_ENV, "25:lakeformation/").create(CREATE_DATABASE, other);
        assertNull(other.error);
    }

    @Test
    void anErrorTheSdkDoesNotRetryFailsTheFirstOperationOfItsTypeOnceAndTheNextRunCompletes(@TempDir Path dir)
            throws Exception {
        var first = new Capture<CreateResponse>();
        provider(dir, new FakeClock(), InjectedFaults.FAIL_ENV, "catalogDatabase").create(CREATE_DATABASE, first);
        String error = Status.fromThrowable(first.error).getDescription();
        assertTrue(error.contains("StatusCode: 400, AccessDeniedException: User: "
                + "arn:aws:sts::222222222222:assumed-role/datamesh-deployer/standin is not authorized"), error);
        assertEquals(List.of("failed"), ops(dir));
        assertEquals(Map.of(), provider(dir, new FakeClock()).withState(aws -> aws.databases));

        // The next run (a new provider process on the same AWS, the same env) completes.
        var next = new Capture<CreateResponse>();
        var again = provider(dir, new FakeClock(), InjectedFaults.FAIL_ENV, "catalogDatabase");
        again.create(CREATE_DATABASE, next);
        assertNull(next.error);
        assertTrue(again.withState(aws -> aws.databases.keySet()).contains("222222222222/sales"));
    }

    @Test
    void aKilledProviderDiesAfterAwsTookTheOperationAndARecreateMeetsAlreadyExists(@TempDir Path dir)
            throws Exception {
        var killed = new Capture<CreateResponse>();
        var provider = provider(dir, new FakeClock(), InjectedFaults.KILL_ENV, "catalogDatabase");
        assertThrows(Killed.class, () -> provider.create(CREATE_DATABASE, killed));
        assertEquals(List.of(), killed.values, "no answer reached the engine");
        assertNull(killed.error);
        assertEquals(List.of("create", "killed"), ops(dir));
        assertTrue(provider.withState(aws -> aws.databases.keySet()).contains("222222222222/sales"), "AWS took it");

        // The engine never learnt the id, so the next run creates it again: AWS refuses the name.
        var next = new Capture<CreateResponse>();
        provider(dir, new FakeClock(), InjectedFaults.KILL_ENV, "catalogDatabase").create(CREATE_DATABASE, next);
        assertTrue(Status.fromThrowable(next.error).getDescription().contains("AlreadyExistsException"),
                Status.fromThrowable(next.error).getDescription());
    }
}
