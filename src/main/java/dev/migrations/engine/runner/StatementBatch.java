package dev.migrations.engine.runner;

import dev.migrations.api.operation.Operation;
import dev.migrations.engine.db.SavepointBatch;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.version.LogEntry;
import dev.migrations.engine.version.VersionTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The statements rendered and not sent yet, sent many at a time: one JDBC batch is one round
 * trip however many statements it holds, and the server runs them back to back instead of
 * waiting for the client between them.
 *
 * <p>A batch holds the statements of the open transaction, and, when each revision commits on
 * its own, whole transactions before them: each revision's statements, its version change and
 * its {@code COMMIT}, then the next one's. Each still commits alone, so a failure leaves the
 * database at the last revision that committed, exactly as when they are sent one by one; the
 * statements after the failure are not run (the server skips the rest of the batch). The guard
 * of each version change fails on the server if the revision before it was not recorded.
 *
 * <p>After a failure, {@link SavepointBatch} finds the failing statement; the recorded heads
 * say how many of the batch's revisions committed before it.
 *
 * <p>The time a batch took is shared among the revisions in it by their number of statements:
 * the server does not say how long each one ran, and that is the fairest split the client can
 * make.
 */
final class StatementBatch {

    /**
     * Enough statements to make round trips rare; few enough that the text held in memory and,
     * after a failure, the replay that finds the failing statement stay small.
     */
    static final int LIMIT = 1000;

    /** Where the database's heads are read after a failure, to see which transactions committed. */
    interface Heads {
        Set<String> read() throws SQLException;
    }

    private final Connection connection;
    private final Heads heads;
    /** Told of each revision whose transaction a batch committed, in order. */
    private final Consumer<LoadedRevision> committed;
    private final List<Pending> pending = new ArrayList<>();
    /** The transactions that end in the batch, in order. */
    private final List<Commit> commits = new ArrayList<>();
    /** Each revision's share of the time its batches took, by revision id. */
    private final Map<String, Long> shares = new HashMap<>();
    private long sendingNanos;

    /**
     * A rendered statement not sent yet, with where it came from; without an operation it is
     * part of the revision's version change.
     */
    private record Pending(LoadedRevision revision, LogEntry.Action action, Operation operation, String sql) {
    }

    /** A revision's transaction that ends in the batch after {@code end} pending statements. */
    private record Commit(LoadedRevision revision, VersionTable.VersionMove move, Set<String> headsAfter, int end) {
    }

    StatementBatch(Connection connection, Heads heads, Consumer<LoadedRevision> committed) {
        this.connection = connection;
        this.heads = heads;
        this.committed = committed;
    }

    void add(LoadedRevision revision, LogEntry.Action action, Operation operation, String sql) {
        pending.add(new Pending(revision, action, operation, sql));
    }

    /**
     * Ends the revision's own transaction in the batch: its version change (which leaves the
     * heads at {@code headsAfter}) and its commit.
     */
    void commit(LoadedRevision revision, LogEntry.Action action, VersionTable.VersionMove move,
                Set<String> headsAfter) {
        for (String statement : move.statements()) {
            add(revision, action, null, statement);
        }
        commits.add(new Commit(revision, move, headsAfter, pending.size()));
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

    /** The share of the batches' time that fell to this revision's statements so far. */
    long share(String revision) {
        return shares.getOrDefault(revision, 0L);
    }

    /** The share of the batches' time that fell to this revision's statements so far; forgets it. */
    long takeShare(String revision) {
        Long share = shares.remove(revision);
        return share == null ? 0 : share;
    }

    /**
     * Forgets the statements of the transaction left open after the batch's last commit (the
     * revision that failed before it was complete); the whole transactions before it stay.
     */
    void dropOpen() {
        int end = commits.isEmpty() ? 0 : commits.get(commits.size() - 1).end();
        pending.subList(end, pending.size()).clear();
    }

    /** Forgets what was not sent: the transaction it was meant for is being rolled back. */
    void clear() {
        pending.clear();
        commits.clear();
        shares.clear();
    }

    /**
     * Sends the statements waiting, if any, and tells of each transaction it committed.
     *
     * @throws OperationFailedException when one of the statements fails, once the transactions
     *                                  committed before it are told of
     */
    void send() {
        List<Pending> batch = List.copyOf(pending);
        List<Commit> ending = List.copyOf(commits);
        pending.clear();
        commits.clear();
        if (batch.isEmpty()) {
            return;
        }
        List<String> sql = batch.stream().map(Pending::sql).toList();
        List<Integer> ends = ending.stream().map(Commit::end).toList();
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            try {
                SavepointBatch.send(statement, sql, ends, () -> committedCount(ending, heads.read()));
            } finally {
                long took = System.nanoTime() - start;
                sendingNanos += took;
                for (Pending sent : batch) {
                    shares.merge(sent.revision().id(), took / batch.size(), Long::sum);
                }
            }
        } catch (SavepointBatch.Failure e) {
            if (e.committed() < 0) {
                throw new CommitLostException(e.sqlException());
            }
            ending.subList(0, e.committed()).forEach(commit -> committed.accept(commit.revision()));
            throw failed(batch.get(e.index()), ending, e.sqlException());
        } catch (SQLException e) {
            // only the statement object itself failed: the first statement stands for the batch
            Pending first = batch.get(0);
            throw new OperationFailedException(first.revision(), first.action(), first.operation(), e);
        }
        ending.forEach(commit -> committed.accept(commit.revision()));
    }

    /** How many of the batch's transactions committed: the one whose heads the database is at, and those before it. */
    private static int committedCount(List<Commit> ending, Set<String> recorded) {
        for (int i = ending.size() - 1; i >= 0; i--) {
            if (ending.get(i).headsAfter().equals(recorded)) {
                return i + 1;
            }
        }
        return 0;
    }

    private RuntimeException failed(Pending statement, List<Commit> ending, SQLException e) {
        if (statement.operation() == null) {
            for (Commit commit : ending) {
                if (commit.revision() == statement.revision() && commit.move().isGuard(e)) {
                    return commit.move().movedByAnotherRun(e);
                }
            }
        }
        return new OperationFailedException(statement.revision(), statement.action(), statement.operation(), e);
    }

    /** The connection was lost while a batch that commits was under way: what it committed is unknown. */
    static final class CommitLostException extends RuntimeException {
        CommitLostException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
