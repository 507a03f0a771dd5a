package io.datamesh.e2e.standin;

import io.datamesh.e2e.standin.LakeFormationContention.Clock;
import io.datamesh.e2e.standin.LakeFormationContention.ConcurrentModification;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import static io.datamesh.e2e.standin.LakeFormationEmulator.PERMISSIONS;
import static io.datamesh.e2e.standin.LakeFormationEmulator.RESOURCE_LF_TAG;
import static io.datamesh.e2e.standin.LakeFormationEmulator.SETTINGS;

/**
 * The provider's side of ConcurrentModificationException, as terraform-provider-aws (behind
 * pulumi-aws) does it: which writes retry it, for how long, and when. The stand-in plays the
 * provider, so the retry lives here and not in the emulated AWS; an operation fails only when it
 * runs out of its window. Sources in docs/aws-behaviours.md, section 4.
 */
final class ProviderRetry {
    /** {@code IAMPropagationTimeout}, internal/service/lakeformation/consts.go. */
    static final Duration IAM_PROPAGATION_TIMEOUT = Duration.ofMinutes(2);
    /** {@code permissionsDeleteRetryTimeout}, internal/service/lakeformation/wait.go. */
    static final Duration PERMISSIONS_DELETE_RETRY_TIMEOUT = Duration.ofSeconds(30);
    /** The resource's default delete timeout, {@code newResourceResourceLFTag} in resource_lf_tag.go. */
    static final Duration RESOURCE_LF_TAG_DELETE_TIMEOUT = Duration.ofMinutes(20);

    /** terraform-plugin-sdk helper/retry: RetryContext's MinTimeout, and the cap of StateChangeConf's backoff. */
    static final Duration MIN_WAIT = Duration.ofMillis(500);
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final Clock clock;

    ProviderRetry(Clock clock) {
        this.clock = clock;
    }

    /**
     * How long the provider retries ConcurrentModificationException on this operation; empty when
     * it does not (one attempt): Permissions create (GrantPermissions) and delete (RevokePermissions),
     * ResourceLfTag create (AddLFTagsToResource) and delete (RemoveLFTagsFromResource), and
     * DataLakeSettings create and update (both resourceDataLakeSettingsCreate, PutDataLakeSettings).
     * Not: the settings delete, LfTag (lf_tag.go) or a data location registration (resource.go).
     */
    static Optional<Duration> window(String type, String op) {
        boolean delete = op.equals("delete");
        return switch (type) {
            case PERMISSIONS -> Optional.of(delete ? PERMISSIONS_DELETE_RETRY_TIMEOUT : IAM_PROPAGATION_TIMEOUT);
            case RESOURCE_LF_TAG -> Optional.of(delete ? RESOURCE_LF_TAG_DELETE_TIMEOUT : IAM_PROPAGATION_TIMEOUT);
            case SETTINGS -> delete ? Optional.empty() : Optional.of(IAM_PROPAGATION_TIMEOUT);
            default -> Optional.empty();
        };
    }

    /**
     * {@code retry.RetryContext(ctx, window, f)}: the first attempt at once; after a retryable
     * error the wait doubles from 100 ms, bounded below by 500 ms and above by 10 s (so 0.5, 1, 2,
     * 4, 8, 10, 10, ... s between an answer and the next attempt); no attempt starts after the
     * window. Then RetryContext returns the last retryable error itself, not a timeout, so the
     * provider's {@code if tfresource.TimedOut(err)} extra attempt does not run and the
     * ConcurrentModificationException is the operation's error. {@code onRetry} runs before each wait.
     */
    <T> T run(Optional<Duration> window, Supplier<T> attempt, Runnable onRetry) {
        long deadline = clock.nanoTime() + window.orElse(Duration.ZERO).toNanos();
        Duration wait = Duration.ofMillis(100);
        while (true) {
            try {
                return attempt.get();
            } catch (ConcurrentModification e) {
                wait = wait.multipliedBy(2);
                wait = wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
                if (window.isEmpty() || clock.nanoTime() + wait.toNanos() >= deadline) {
                    throw e;
                }
                onRetry.run();
                clock.sleep(wait);
            }
        }
    }

    /** The provider's error for an operation whose retries ran out, as its own wrappers print it. */
    static String exhausted(String type, String op, String name, ConcurrentModification e) {
        String action = switch (type + " " + op) {
            case PERMISSIONS + " create" -> "creating Lake Formation Permissions (input: " + name + ")";
            case PERMISSIONS + " delete" -> "unable to revoke LakeFormation Permissions (input: " + name + ")";
            case RESOURCE_LF_TAG + " create" -> "creating Lake Formation Resource LF Tag (" + name + ")";
            case RESOURCE_LF_TAG + " delete" -> "waiting for delete Lake Formation Resource LF Tag (" + name + ")";
            case SETTINGS + " create", SETTINGS + " update" -> "creating Lake Formation data lake settings";
            default -> op + " " + type + " (" + name + ")";
        };
        return action + ": " + e.getMessage();
    }
}
