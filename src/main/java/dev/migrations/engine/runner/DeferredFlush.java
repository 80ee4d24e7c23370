package dev.migrations.engine.runner;

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
 * back at an earlier revision of the same run, never between two. {@link #close()} then
 * commits one transaction with the session's own setting: its flush covers every commit before
 * it, so when the run ends, on success or failure, all it reported as applied is durable.
 */
public final class DeferredFlush implements AutoCloseable {

    private final Connection connection;
    private boolean closed;

    private DeferredFlush(Connection connection) {
        this.connection = connection;
    }

    public static DeferredFlush begin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit = off");
        }
        return new DeferredFlush(connection);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET synchronous_commit");
                // a transaction with an id writes a commit record, and waits for its flush
                statement.execute("SELECT txid_current()");
            }
        } catch (SQLException ignored) {
            // the connection is gone: nothing more of this run can be made durable from here
        }
    }
}
