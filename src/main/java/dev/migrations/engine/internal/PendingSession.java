package dev.migrations.engine.internal;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.EngineLog;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A {@link DatabaseSession} opened on a thread of its own while the revision catalog loads: in
 * a fresh JVM both are mostly class loading and waiting (the driver's start, the server's
 * answer; reading the sources), and a no-op upgrade is little else. Errors keep their order:
 * a catalog error is reported before a connection error, as when the two ran one after the
 * other, and without waiting for a connection that is still being attempted.
 *
 * <p>Goals that start by checking where the database is can have that read on the same thread
 * too, once connected: at head with thousands of revisions it is a query that returns a row per
 * revision, and nothing else is waiting for it.
 */
public final class PendingSession implements AutoCloseable {

    private final Opening opening;
    private final boolean embedded;

    /** Closes a session that was opened after its goal had stopped waiting for it. */
    private static final class Opening extends FutureTask<DatabaseSession> {
        private boolean abandoned;

        Opening(MigrationsConfig config, PostgresDialect dialect, EngineLog log, boolean readPosition) {
            super(() -> {
                DatabaseSession session = DatabaseSession.open(config, dialect, log);
                if (readPosition) {
                    session.prefetchPosition();
                }
                return session;
            });
        }

        @Override
        protected synchronized void done() {
            if (abandoned) {
                closeIfOpened();
            }
        }

        synchronized void abandon() {
            abandoned = true;
            if (isDone()) {
                closeIfOpened();
            }
        }

        private void closeIfOpened() {
            try {
                get().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // nothing was opened
            }
        }
    }

    private PendingSession(Opening opening, boolean embedded) {
        this.opening = opening;
        this.embedded = embedded;
    }

    public static PendingSession open(MigrationsConfig config, PostgresDialect dialect, EngineLog log) {
        return open(config, dialect, log, false);
    }

    /** As {@link #open}, and reads the recorded position too, for goals that start by checking it. */
    public static PendingSession openReadingPosition(MigrationsConfig config, PostgresDialect dialect, EngineLog log) {
        return open(config, dialect, log, true);
    }

    private static PendingSession open(MigrationsConfig config, PostgresDialect dialect, EngineLog log, boolean readPosition) {
        Opening opening = new Opening(config, dialect, log, readPosition);
        Thread thread = new Thread(opening, "migrations-connect");
        thread.setDaemon(true);
        thread.start();
        return new PendingSession(opening, config.usesEmbeddedDatabase());
    }

    /** The open session; throws what opening it threw. */
    public DatabaseSession get() {
        return Await.result(opening, "connecting to the database");
    }

    /**
     * Closes the session. One still being opened is closed by its own thread when it is; only
     * the embedded server is waited for, so that it never outlives the build.
     */
    @Override
    public void close() {
        if (embedded) {
            try {
                opening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // nothing was opened
            }
        }
        opening.abandon();
    }
}
