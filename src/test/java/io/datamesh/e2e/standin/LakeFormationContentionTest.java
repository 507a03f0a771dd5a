package io.datamesh.e2e.standin;

import io.datamesh.e2e.standin.LakeFormationContention.Clock;
import io.datamesh.e2e.standin.LakeFormationContention.ConcurrentModification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static io.datamesh.e2e.standin.LakeFormationEmulator.LF_TAG;
import static io.datamesh.e2e.standin.LakeFormationEmulator.PERMISSIONS;
import static io.datamesh.e2e.standin.LakeFormationEmulator.REGISTRATION;
import static io.datamesh.e2e.standin.LakeFormationEmulator.RESOURCE_LF_TAG;
import static io.datamesh.e2e.standin.LakeFormationEmulator.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulated contention (AWS's side) and the provider's retry of it, on a fake clock where time matters. */
class LakeFormationContentionTest {

    @Test
    void aWriteOnAResourceAnotherWriteHoldsIsRefusedAndOneOnAnotherResourceIsNot() throws Exception {
        var contention = new LakeFormationContention(Duration.ZERO, Clock.SYSTEM);
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var first = new Thread(() -> contention.call("table 1/sales/orders", () -> {
            holding.countDown();
            await(release);
            return null;
        }));
        first.start();
        holding.await();

        var refused = assertThrows(ConcurrentModification.class,
                () -> contention.call("table 1/sales/orders", () -> "applied"));
        assertTrue(refused.getMessage().startsWith("ConcurrentModificationException: "), refused.getMessage());
        assertEquals("applied", contention.call("table 1/sales/customers", () -> "applied"));

        release.countDown();
        first.join();
        assertEquals("applied", contention.call("table 1/sales/orders", () -> "applied"), "released after the answer");
    }

    @Test
    void everyCallTakesTheLatencyRefusedOrNot() {
        var clock = new FakeClock();
        var contention = new LakeFormationContention(Duration.ofMillis(1000), clock);
        contention.call("settings 1", () -> null);
        assertEquals(List.of(1000L), clock.sleeps);
        assertEquals(Duration.ofMillis(250),
                LakeFormationContention.fromEnv(Map.of(LakeFormationContention.LATENCY_ENV, "250"), clock).latency());
        assertEquals(LakeFormationContention.DEFAULT_LATENCY, LakeFormationContention.fromEnv(Map.of(), clock).latency());
    }

    @Test
    void theProviderRetriesWithTheSdksBackoffUntilItsWindowAndThenFailsWithTheLastError() {
        var clock = new FakeClock();
        var retry = new ProviderRetry(clock);
        var attemptsAt = new ArrayList<Long>();
        var retries = new AtomicInteger();
        var error = assertThrows(ConcurrentModification.class, () -> retry.run(Optional.of(Duration.ofMinutes(2)), () -> {
            attemptsAt.add(clock.now / 1_000_000);
            throw new ConcurrentModification("table 1/sales/orders");
        }, retries::incrementAndGet));

        // Waits 0.5, 1, 2, 4, 8 s, then 10 s each; no attempt starts at or after 120 s.
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L), clock.sleeps.subList(0, 7));
        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 15500L, 25500L), attemptsAt.subList(0, 7));
        assertEquals(115500L, attemptsAt.get(attemptsAt.size() - 1));
        assertEquals(16, attemptsAt.size());
        assertEquals(15, retries.get());
        assertEquals("creating Lake Formation Permissions (input: g): " + error.getMessage(),
                ProviderRetry.exhausted(PERMISSIONS, "create", "g", error));
    }

    @Test
    void aRetriedWriteThatGetsTheResourceWithinItsWindowSucceeds() {
        var clock = new FakeClock();
        var retry = new ProviderRetry(clock);
        var attempts = new AtomicInteger();
        assertEquals("granted", retry.run(ProviderRetry.window(PERMISSIONS, "create"), () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrentModification("lfTagPolicy x");
            }
            return "granted";
        }, () -> { }));
        assertEquals(List.of(500L, 1000L), clock.sleeps);
    }

    @Test
    void writesTheProviderDoesNotRetryFailOnTheFirstConcurrentModification() {
        var clock = new FakeClock();
        var retry = new ProviderRetry(clock);
        var attempts = new AtomicInteger();
        assertThrows(ConcurrentModification.class, () -> retry.run(ProviderRetry.window(LF_TAG, "create"), () -> {
            attempts.incrementAndGet();
            throw new ConcurrentModification("lfTag 1/domain");
        }, () -> { }));
        assertEquals(1, attempts.get());
        assertEquals(List.of(), clock.sleeps);
    }

    @Test
    void retryWindowsAreTheProvidersPerOperation() {
        assertEquals(Optional.of(Duration.ofMinutes(2)), ProviderRetry.window(PERMISSIONS, "create"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), ProviderRetry.window(PERMISSIONS, "delete"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), ProviderRetry.window(RESOURCE_LF_TAG, "create"));
        assertEquals(Optional.of(Duration.ofMinutes(20)), ProviderRetry.window(RESOURCE_LF_TAG, "delete"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), ProviderRetry.window(SETTINGS, "create"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), ProviderRetry.window(SETTINGS, "update"));
        assertEquals(Optional.empty(), ProviderRetry.window(SETTINGS, "delete"));
        assertEquals(Optional.empty(), ProviderRetry.window(LF_TAG, "create"));
        assertEquals(Optional.empty(), ProviderRetry.window(REGISTRATION, "create"));
    }

    @Test
    void theSameResourceIsTheTableOfAGrantOrTagAssignmentTheExpressionOfATagPolicyOrTheAccountsSettings() {
        var emulator = new LakeFormationEmulator("111111111111", "eu-west-1", new RamSharing(true, false));
        var orders = Map.<String, Object>of("databaseName", "sales", "name", "orders");
        String table = emulator.contendedResource(PERMISSIONS, Map.of("principal", "a", "table", orders));
        assertEquals("table 111111111111/sales/orders", table);
        assertEquals(table, emulator.contendedResource(PERMISSIONS, Map.of("principal", "b", "tableWithColumns",
                Map.of("databaseName", "sales", "name", "orders", "columnNames", List.of("id")))));
        assertEquals(table, emulator.contendedResource(RESOURCE_LF_TAG, Map.of("tableWithColumns",
                Map.of("databaseName", "sales", "name", "orders", "columnNames", List.of("email")),
                "lfTag", Map.of("key", "pii", "value", "true"))));
        assertEquals("database 111111111111/sales", emulator.contendedResource(RESOURCE_LF_TAG,
                Map.of("database", Map.of("name", "sales"), "lfTag", Map.of("key", "domain", "value", "sales"))));

        var policy = Map.<String, Object>of("resourceType", "TABLE", "expressions", List.of(
                Map.of("key", "domain", "values", List.of("sales")), Map.of("key", "pii", "values", List.of("false"))));
        var reordered = Map.<String, Object>of("resourceType", "TABLE", "expressions", List.of(
                Map.of("key", "pii", "values", List.of("false")), Map.of("key", "domain", "values", List.of("sales"))));
        String tagPolicy = emulator.contendedResource(PERMISSIONS, Map.of("principal", "a", "lfTagPolicy", policy));
        assertEquals(tagPolicy, emulator.contendedResource(PERMISSIONS, Map.of("principal", "b", "lfTagPolicy", reordered)));
        assertNotEquals(tagPolicy, emulator.contendedResource(PERMISSIONS, Map.of("principal", "a", "lfTagPolicy",
                Map.of("resourceType", "DATABASE", "expressions", List.of(Map.of("key", "domain", "values", List.of("sales")))))));

        assertEquals("settings 111111111111", emulator.contendedResource(SETTINGS, Map.of("admins", List.of())));
        assertNull(emulator.contendedResource("aws:glue/catalogTable:CatalogTable", orders));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
