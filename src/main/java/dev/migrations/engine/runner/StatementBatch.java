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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements rendered in the open transaction and not sent yet: one revision's, or, when
 * all pending revisions share one transaction, several revisions' in a row. They go to the
 * database as one {@link SavepointBatch}, so that a run of many small revisions costs a round
 * trip and a savepoint per batch instead of per revision (on 500 one-table revisions that was
 * about a quarter of the engine's time). A failure still names the revision and the operation its
 * statement came from.
 *
 * <p>The time a batch took is shared among the revisions in it by their number of statements:
 * the server does not say how long each one ran, and that is the fairest split the client can
 * make for the version log's durations.
 */
final class StatementBatch {

    /**
     * Enough statements to make round trips rare; few enough that the text held in memory and,
     * after a failure, the replay that finds the failing statement stay small.
     */
    static final int LIMIT = 1000;

    private final Connection connection;
    private final List<Pending> pending = new ArrayList<>();
    /** Each revision's share of the time its batches took, by revision id. */
    private final Map<String, Long> shares = new HashMap<>();
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

    boolean isEmpty() {
        return pending.isEmpty();
    }

    boolean isFull() {
        return pending.size() >= LIMIT;
    }

    /** How long sending batches took, all revisions together, since this batch was made. */
    long sendingNanos() {
        return sendingNanos;
    }

    /** The share of the batches' time that fell to this revision's statements so far; forgets it. */
    long takeShare(String revision) {
        Long share = shares.remove(revision);
        return share == null ? 0 : share;
    }

    /** Forgets what was not sent: the transaction it was meant for is being rolled back. */
    void clear() {
        pending.clear();
        shares.clear();
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
     * @throws OperationFailedException when one of the waiting statements fails
     * @throws SQLException             when a trailing statement fails
     */
    int[] send(List<String> trailing) throws SQLException {
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
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
            sendingNanos += took;
            for (Pending next : batch) {
                shares.merge(next.revision().id(), took / sql.size(), Long::sum);
            }
        }
    }
}
