package dev.migrations.engine.runner;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.version.VersionTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Commits that do not wait for their WAL flush, made durable together at the end of the run.
 *
 * <p>A transaction per revision means a WAL flush per revision, which on a disk with a slow
 * fsync (or a synchronous standby) costs more than the revision itself. With
 * {@code synchronous_commit = off} each revision still commits atomically, revision and version
 * row together, and is visible at once; only its flush is left to the WAL writer. Should the
 * server crash within that window, recovery replays the WAL in order, so the database comes
 * back at an earlier revision of the same run, never between two.
 *
 * <p>At the end, one more transaction with the session's own setting rewrites the newest log
 * row. It has to write: PostgreSQL lets a transaction that wrote nothing but its commit record
 * commit asynchronously. Its flush covers every commit before it, so when the run ends, all it
 * reported as applied is durable: {@link #complete()} on success (a failure there fails the
 * run), {@link #close()} after a failure (nothing more can be done if it fails too).
 */
public final class DeferredFlush implements AutoCloseable {

    private final Connection connection;
    private final VersionTable versionTable;
    private boolean done;

    private DeferredFlush(Connection connection, VersionTable versionTable) {
        this.connection = connection;
        this.versionTable = versionTable;
    }

    /** Defers the flushes from here on; a server that refuses the setting flushes every commit, as before. */
    public static DeferredFlush begin(Connection connection, VersionTable versionTable) throws SQLException {
        DeferredFlush flush = new DeferredFlush(connection, versionTable);
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit = off");
        } catch (SQLException refused) {
            if (ConnectionLoss.is(refused)) {
                throw refused;
            }
            flush.done = true;
        }
        return flush;
    }

    /** After a successful run: waits until everything it committed is durable. */
    public void complete() {
        try {
            flush();
        } catch (SQLException e) {
            throw new MigrationException("The revisions were applied and committed, but confirming that they "
                    + "reached the disk failed: " + DatabaseMessage.of(e) + ". See where the database is (current).", e);
        }
    }

    /** After a failed run (or after {@link #complete()}): the same, as far as the connection allows. */
    @Override
    public void close() {
        try {
            flush();
        } catch (SQLException ignored) {
            // the connection is gone: nothing more of this run can be made durable from here
        }
    }

    private void flush() throws SQLException {
        if (done) {
            return;
        }
        done = true;
        // a transaction still open here belongs to a failed run: roll it back, never commit it
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET synchronous_commit");
        }
        versionTable.rewriteNewestLogRow(connection);
    }
}
