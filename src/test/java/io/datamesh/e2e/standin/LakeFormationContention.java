package io.datamesh.e2e.standin;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The AWS side of Lake Formation contention: every Lake Formation call takes {@link #latency()},
 * and a write on a resource another write of this process holds at that moment is answered with
 * ConcurrentModificationException ("Two processes are trying to modify a resource simultaneously",
 * the Lake Formation API's description of the error). Which writes touch the same resource is
 * {@link LakeFormationEmulator#contendedResource}; the retry is the provider's
 * ({@link ProviderRetry}), not AWS's. Sources: docs/aws-behaviours.md, section 4.
 *
 * <p>In one process only: each stack has its own provider process, and `./datamesh up` deploys the
 * stacks one after another, so writes of two processes never overlap.
 */
final class LakeFormationContention {
    static final String LATENCY_ENV = "DATAMESH_STANDIN_LF_LATENCY_MS";
    /** Small enough for the e2e's chain of eleven writes, large enough that lanes overlap in it. */
    static final Duration DEFAULT_LATENCY = Duration.ofMillis(50);

    /** AWS's answer to a write on a resource that another write holds. */
    static final class ConcurrentModification extends RuntimeException {
        ConcurrentModification(String resource) {
            // The exception name and "Please retry in a short while" are AWS's (data-dot-all/dataall
            // #1572 quotes the GrantPermissions answer); the resource in parentheses is the emulator's.
            super("ConcurrentModificationException: Please retry in a short while (" + resource + ")");
        }
    }

    private final Duration latency;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    LakeFormationContention(Duration latency, Clock clock) {
        this.latency = latency;
        this.clock = clock;
    }

    static LakeFormationContention fromEnv(java.util.Map<String, String> env, Clock clock) {
        String ms = env.get(LATENCY_ENV);
        return new LakeFormationContention(ms == null || ms.isBlank() ? DEFAULT_LATENCY
                : Duration.ofMillis(Long.parseLong(ms.trim())), clock);
    }

    Duration latency() {
        return latency;
    }

    /**
     * One call on {@code resource}: the call holds it from its start to its answer, one latency
     * later. A call that finds it held still takes the latency (the round trip), then fails.
     */
    <T> T call(String resource, Supplier<T> apply) {
        boolean holds = inFlight.add(resource);
        try {
            clock.sleep(latency);
            if (!holds) {
                throw new ConcurrentModification(resource);
            }
            return apply.get();
        } finally {
            if (holds) {
                inFlight.remove(resource);
            }
        }
    }

    /** Time, so that tests can run the provider's two-minute retry window in no time. */
    interface Clock {
        long nanoTime();

        void sleep(Duration duration);

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) {
                try {
                    Thread.sleep(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        };
    }
}
