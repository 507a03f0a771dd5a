package io.datamesh.util;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Results of work done on another thread, failing as the work failed. */
public final class Futures {
    private Futures() {
    }

    /** The work's result; what the work threw, as it threw it (a checked exception wrapped). */
    public static <T> T result(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + work, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
