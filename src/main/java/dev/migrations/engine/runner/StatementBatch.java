package dev.migrations.engine.runner;

import dev.migrations.api.operation.Operation;
import dev.migrations.engine.db.SavepointBatch;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.version.LogEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The statements rendered in the open transaction and not sent yet: one revision's, or, when
 * all pending revisions share one transaction, several revisions' in a row. They go to the
 * database as one {@link SavepointBatch}, so that a run of many small revisions costs a round
 * trip and a savepoint per batch instead of per revision (on 500 one-table revisions that was
 * about a quarter of the engine's time). A failure still names the revision and the operation its
 * statement came from.
 *
 * <p>When all pending revisions share one transaction, a batch may be sent behind: on a thread of
 * its own, while the caller renders the next revisions, so that the client's work overlaps the
 * server's instead of adding to it. One batch at most is on its way; the connection is used by
 * nothing else meanwhile: every other use of it (sending, clearing, the runner's own calls) waits
 * for that batch first, and a failure of it is reported at the next of them, naming the revision
 * it came from.
 *
 * <p>The time a batch took is shared among the revisions in it by their number of statements:
 * the server does not say how long each one ran, and that is the fairest split the client can
 * make for the version log's durations.
 */
final class StatementBatch {

    /**
     * Statements sent behind at a time: enough to make round trips rare, few enough that the
     * server starts early (the client renders the first batch with nothing to overlap it) and
     * that, after a failure, the replay that finds the failing statement stays small.
     */
    static final int SEND_BEHIND_AT = 250;

    private final Connection connection;
    private final List<Pending> pending = new ArrayList<>();
    /** Each revision's share of the time its batches took, by revision id; written by the sending thread too. */
    private final Map<String, Long> shares = new ConcurrentHashMap<>();
    /** The batch on its way to the database, if any. */
    private FutureTask<Void> behind;
    private long sendingNanos;

    /** A rendered statement not sent yet, with where it came from. */
    private record Pending(LoadedRevision revision, LogEntry.Action action, Operation operation, String sql) {
    }

    StatementBatch(Connection connection) {
        this.connection = connection;
    }

    void add(LoadedRevision revision, LogEntry.Action action, Operation operation, String sql) {
        pending.add(new Pending(revision, action, operation, sql));
    }

    /** True when nothing waits and nothing is on its way: every statement added so far has run. */
    boolean isEmpty() {
        return pending.isEmpty() && behind == null;
    }

    /** How long the caller was held up sending batches or waiting for them, since this batch was made. */
    long sendingNanos() {
        return sendingNanos;
    }

    /** The share of the batches' time that fell to this revision's statements so far; forgets it. */
    long takeShare(String revision) {
        Long share = shares.remove(revision);
        return share == null ? 0 : share;
    }

    /**
     * Forgets what was not sent: the transaction it was meant for is being rolled back. A batch on
     * its way is waited for, whatever its outcome, so that the connection is free for the rollback.
     */
    void clear() {
        pending.clear();
        failureBehind();
        shares.clear();
    }

    /** Waits for the batch on its way, if any: its failure, or null when it ran or there was none. */
    OperationFailedException failureBehind() {
        try {
            awaitBehind();
            return null;
        } catch (OperationFailedException e) {
            return e;
        }
    }

    /**
     * Sends the statements waiting on another thread once there are enough of them, after the
     * batch sent before has run.
     *
     * @throws OperationFailedException when the batch sent before failed
     */
    void sendBehindWhenDue() {
        if (pending.size() < SEND_BEHIND_AT) {
            return;
        }
        awaitBehind();
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        FutureTask<Void> sending = new FutureTask<>(() -> {
            execute(batch, List.of());
            return null;
        });
        Thread thread = new Thread(sending, "migrations-send");
        thread.setDaemon(true);
        thread.start();
        behind = sending;
    }

    /** Sends the statements waiting, if any. */
    void send() {
        try {
            send(List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("with nothing trailing, every failure is an operation's", e);
        }
    }

    /**
     * Sends the statements waiting with {@code trailing} after them, in the same round trip: a
     * revision's version change, which then costs no round trip of its own.
     *
     * @return the update count of each trailing statement
     * @throws OperationFailedException when one of the waiting statements fails, or the batch sent behind did
     * @throws SQLException             when a trailing statement fails
     */
    int[] send(List<String> trailing) throws SQLException {
        awaitBehind();
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        long start = System.nanoTime();
        try {
            return execute(batch, trailing);
        } finally {
            sendingNanos += System.nanoTime() - start;
        }
    }

    /** Waits, uninterruptibly (the connection is busy until the batch ends), for the batch on its way. */
    private void awaitBehind() {
        FutureTask<Void> sending = behind;
        if (sending == null) {
            return;
        }
        behind = null;
        long start = System.nanoTime();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    sending.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("sending a batch failed", e.getCause());
                }
            }
        } finally {
            sendingNanos += System.nanoTime() - start;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code batch} and {@code trailing} in one round trip; on any thread, the connection being free. */
    private int[] execute(List<Pending> batch, List<String> trailing) throws SQLException {
        List<String> sql = new ArrayList<>(batch.size() + trailing.size());
        batch.forEach(next -> sql.add(next.sql()));
        sql.addAll(trailing);
        if (sql.isEmpty()) {
            return new int[0];
        }
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            int[] counts = SavepointBatch.run(statement, sql);
            return Arrays.copyOfRange(counts, batch.size(), counts.length);
        } catch (SavepointBatch.Failure e) {
            if (e.index() < batch.size()) {
                Pending failed = batch.get(e.index());
                throw new OperationFailedException(failed.revision(), failed.action(), failed.operation(),
                        e.sqlException());
            }
            throw e.sqlException();
        } catch (SQLException e) {
            if (batch.isEmpty()) {
                throw e;
            }
            // only the statement object itself failed: the first statement stands for the batch
            Pending first = batch.get(0);
            throw new OperationFailedException(first.revision(), first.action(), first.operation(), e);
        } finally {
            long took = System.nanoTime() - start;
            for (Pending next : batch) {
                shares.merge(next.revision().id(), took / sql.size(), Long::sum);
            }
        }
    }
}
