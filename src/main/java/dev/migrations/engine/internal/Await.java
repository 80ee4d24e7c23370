package dev.migrations.engine.internal;

import dev.migrations.engine.MigrationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Work done on another thread, taken up again: its result, or its failure as if it had happened here. */
public final class Await {

    private Await() {
    }

    /** @param doing what the work does, for the message when waiting is interrupted */
    public static <T> T result(Future<T> work, String doing) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while " + doing + ".");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(doing + " failed", e.getCause());
        }
    }
}
