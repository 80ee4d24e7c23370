package dev.migrations.engine.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends statements as one string of statements (one round trip however many there are), behind
 * a savepoint, and names the statement that failed. The batch may end transactions of its own
 * ({@code COMMIT} after the statements at the given ends, {@code BEGIN} before the next ones);
 * the server runs nothing after a failure.
 *
 * <p>One string, not a JDBC batch, because only the string keeps that last promise whatever query
 * protocol the connection was set up with (an application's pool may prefer the simple one, as
 * for PgBouncer): with the extended protocol the driver splits it and sends the statements
 * before a single sync, after which the server skips everything past an error; with the simple
 * one the server receives it as psql sends a script and abandons the rest of it. A JDBC batch in
 * the simple protocol is one message per statement, and the server would go on past a failed
 * {@code COMMIT} into the next transaction.
 *
 * <p>PostgreSQL does not say which statement of a failed batch failed. So after a failure the
 * batch is rolled back to its savepoint, which tells that the failure was in its first
 * transaction; when that savepoint went with a commit, the caller reads from the database how
 * many of the batch's transactions committed. The failed transaction's statements are then
 * replayed one at a time until the failing one fails again and can be named. Needs an open
 * transaction, and leaves the last one open.
 */
public final class SavepointBatch {

    private static final String SAVEPOINT = "migrations_batch";
    /**
     * Between two statements of the one string: on a line of its own, so that a statement ending
     * in a {@code --} comment cannot take the next one into it.
     */
    private static final String SEPARATOR = "\n;\n";

    /** How many of the batch's transactions committed, read from the database after a failure. */
    public interface Committed {
        int count() throws SQLException;
    }

    private SavepointBatch() {
    }

    /** A statement of the batch failed. */
    public static final class Failure extends Exception {
        private final int index;
        private final int committed;

        Failure(int index, int committed, SQLException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
            this.committed = committed;
        }

        /**
         * The failing statement's position in the list; when the failure could not be found
         * again, the first statement of the transaction it was in (the connection failed while
         * finding out) or its last (it fails only when it commits: a deferred constraint).
         */
        public int index() {
            return index;
        }

        /** How many of the batch's transactions committed before the failure; -1 when unknown (the connection failed). */
        public int committed() {
            return committed;
        }

        /** The failing statement's own error when it was found again, else the batch's. */
        public SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    /** Sends statements of the open transaction, which stays open. */
    public static void send(Statement statement, List<String> sql) throws Failure {
        send(statement, sql, List.of(), () -> 0);
    }

    /**
     * @param commitEnds ascending: a transaction ends after this many statements of {@code sql}
     * @param committed  asked only after a failure in a batch that commits, when the failure was
     *                   not in its first transaction
     */
    public static void send(Statement statement, List<String> sql, List<Integer> commitEnds, Committed committed)
            throws Failure {
        if (sql.isEmpty()) {
            return;
        }
        List<String> script = new ArrayList<>(sql.size() + 2 * commitEnds.size() + 2);
        script.add("SAVEPOINT " + SAVEPOINT);
        int next = 0;
        for (int end : commitEnds) {
            script.addAll(sql.subList(next, end));
            next = end;
            script.add("COMMIT");
            if (end < sql.size()) {
                script.add("BEGIN");
            }
        }
        script.addAll(sql.subList(next, sql.size()));
        if (commitEnds.isEmpty()) {
            script.add("RELEASE SAVEPOINT " + SAVEPOINT);
        }
        SQLException failure;
        try {
            // the statements are PostgreSQL's own, not JDBC's escape syntax, exactly as a script holds them
            statement.setEscapeProcessing(false);
            statement.execute(String.join(SEPARATOR, script));
            return;
        } catch (SQLException e) {
            failure = e;
        }
        throw locate(statement, sql, commitEnds, committed, failure);
    }

    private static Failure locate(Statement statement, List<String> sql, List<Integer> commitEnds,
                                  Committed committed, SQLException batchFailure) {
        int done = commitEnds.isEmpty() ? 0 : -1;
        int from = 0;
        int to = commitEnds.isEmpty() ? sql.size() : commitEnds.get(0);
        try {
            if (rolledBackToSavepoint(statement)) {
                done = 0;
            } else if (commitEnds.isEmpty()) {
                // no commit took the savepoint: the connection is gone
                return new Failure(0, 0, batchFailure);
            } else {
                // the savepoint went with a commit: the failure is in a later transaction of the batch
                statement.getConnection().rollback();
                done = committed.count();
                from = done == 0 ? 0 : commitEnds.get(done - 1);
                to = done < commitEnds.size() ? commitEnds.get(done) : sql.size();
            }
            for (int i = from; i < to; i++) {
                try {
                    statement.execute(sql.get(i));
                } catch (SQLException e) {
                    return new Failure(i, done, e);
                }
            }
        } catch (SQLException e) {
            // the connection failed while finding out: the transaction's first statement stands for it
            return new Failure(from, done, batchFailure);
        }
        // nothing failed a second time (a deferred constraint fails only at its commit): the
        // batch's own failure, at the end of the transaction that failed
        return new Failure(to - 1, done, batchFailure);
    }

    private static boolean rolledBackToSavepoint(Statement statement) {
        try {
            statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            return true;
        } catch (SQLException gone) {
            return false;
        }
    }
}
