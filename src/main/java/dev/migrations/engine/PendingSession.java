package dev.migrations.engine;

import dev.migrations.engine.dialect.Dialect;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A {@link DatabaseSession} opened on a thread of its own while the revision catalog loads: in
 * a fresh JVM both are mostly class loading and waiting (the driver's start, the server's
 * answer; reading and checksumming every source), and a no-op upgrade is little else. Errors
 * keep their order: a catalog error is reported before a connection error, as when the two
 * ran one after the other.
 */
final class PendingSession implements AutoCloseable {

    private final FutureTask<DatabaseSession> opening;

    private PendingSession(FutureTask<DatabaseSession> opening) {
        this.opening = opening;
    }

    static PendingSession open(MigrationsConfig config, Dialect dialect, EngineLog log) {
        FutureTask<DatabaseSession> opening = new FutureTask<>(() -> DatabaseSession.open(config, dialect, log));
        Thread thread = new Thread(opening, "migrations-connect");
        thread.setDaemon(true);
        thread.start();
        return new PendingSession(opening);
    }

    /** The open session; throws what opening it threw. */
    DatabaseSession get() {
        return Await.result(opening, "connecting to the database");
    }

    /** Closes the session, waiting for it if it is still being opened (the embedded server must stop). */
    @Override
    public void close() {
        DatabaseSession session;
        try {
            session = opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            return;   // nothing was opened
        }
        session.close();
    }
}
