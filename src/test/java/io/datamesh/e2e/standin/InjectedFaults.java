package io.datamesh.e2e.standin;

import io.datamesh.e2e.standin.LakeFormationContention.Clock;

import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Faults injected into the emulated AWS by env var, so that the e2e can show what a deploy survives.
 * Each mimics an AWS answer and what the provider (terraform-provider-aws through aws-sdk-go-v2)
 * does with it; sources in docs/aws-behaviours.md, section 10:
 * <ul>
 *   <li>{@value #THROTTLE_ENV} {@code <n>[:<type part>]}: each operation (of a resource type
 *       containing the part) meets {@code n} {@code ThrottlingException} answers before AWS takes it.
 *       The SDK's standard retryer retries a throttling code up to the provider's attempts
 *       ({@value #MAX_ATTEMPTS}) with its exponential jitter backoff, so a burst below that is absorbed;
 *       a longer one fails the operation with the SDK's "exceeded maximum number of attempts";</li>
 *   <li>{@value #FAIL_ENV} {@code <type part>}: the first operation of such a type in the run
 *       answers {@code AccessDeniedException}, a code the SDK does not retry: the step fails with
 *       AWS's message, AWS is unchanged, and the next run completes;</li>
 *   <li>{@value #KILL_ENV} {@code <type part>}: the first operation of such a type in the run takes
 *       effect in AWS, then the provider process dies before it answers the engine.</li>
 * </ul>
 * "In the run" is per emulated AWS (its state file), not per process: each {@code pulumi up}
 * starts its own provider, and a fault that fired must not fire again in the run that recovers.
 */
final class InjectedFaults {
    static final String THROTTLE_ENV = "DATAMESH_STANDIN_FAULT_THROTTLE";
    static final String FAIL_ENV = "DATAMESH_STANDIN_FAULT_FAIL";
    static final String KILL_ENV = "DATAMESH_STANDIN_FAULT_KILL";

    /** The provider's {@code max_retries} default, which it hands the SDK as its maximum attempts. */
    static final int MAX_ATTEMPTS = 25;
    /** aws-sdk-go-v2 {@code retry.DefaultMaxBackoff}. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final int throttles;
    private final String throttleType;
    private final String failType;
    private final String killType;
    private final Clock clock;
    private final DoubleSupplier random;

    InjectedFaults(int throttles, String throttleType, String failType, String killType, Clock clock,
                   DoubleSupplier random) {
        this.throttles = throttles;
        this.throttleType = throttleType;
        this.failType = failType;
        this.killType = killType;
        this.clock = clock;
        this.random = random;
    }

    static InjectedFaults fromEnv(Map<String, String> env, Clock clock, DoubleSupplier random) {
        String throttle = env.getOrDefault(THROTTLE_ENV, "").trim();
        int colon = throttle.indexOf(':');
        int n = throttle.isEmpty() ? 0 : Integer.parseInt(colon < 0 ? throttle : throttle.substring(0, colon));
        return new InjectedFaults(n, colon < 0 ? "" : throttle.substring(colon + 1), blankToNull(env.get(FAIL_ENV)),
                blankToNull(env.get(KILL_ENV)), clock, random);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * The SDK's standard retryer around an operation's throttled answers: after the k-th throttled
     * attempt it waits {@code random * 2^k} seconds (ExponentialJitterBackoff, at most
     * {@link #MAX_BACKOFF}) and tries again, {@code onRetry} first; returns null when an attempt gets
     * through (AWS then takes the operation), else the SDK's error after {@link #MAX_ATTEMPTS}.
     */
    String throttle(String type, String apiCall, Runnable onRetry) {
        if (throttles == 0 || !type.contains(throttleType)) {
            return null;
        }
        for (int attempt = 1; attempt <= Math.min(throttles, MAX_ATTEMPTS); attempt++) {
            if (attempt == MAX_ATTEMPTS) {
                return "operation error " + apiCall + ", exceeded maximum number of attempts, " + MAX_ATTEMPTS
                        + ", https response error StatusCode: 400, ThrottlingException: Rate exceeded";
            }
            onRetry.run();
            clock.sleep(backoff(attempt));
        }
        return null;
    }

    /** aws-sdk-go-v2 retry/jitter_backoff.go: {@code rand * 2^attempt} seconds, capped. */
    Duration backoff(int attempt) {
        double seconds = random.getAsDouble() * Math.pow(2, attempt);
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** The AccessDeniedException the first operation of the fail type gets in this AWS; null for any other. */
    String failOnce(EmulatedAws aws, String type, String apiCall, String callerArn) {
        if (!firesOnce(aws, "fail", failType, type)) {
            return null;
        }
        return "operation error " + apiCall + ", https response error StatusCode: 400, AccessDeniedException: User: "
                + callerArn + " is not authorized to perform this operation (injected by " + FAIL_ENV + ")";
    }

    /** True once per AWS for the first operation of the kill type: the provider dies after AWS took it. */
    boolean killOnce(EmulatedAws aws, String type) {
        return firesOnce(aws, "kill", killType, type);
    }

    private static boolean firesOnce(EmulatedAws aws, String fault, String faultType, String type) {
        return faultType != null && type.contains(faultType) && aws.injectedFaults.add(fault + " " + faultType);
    }
}
