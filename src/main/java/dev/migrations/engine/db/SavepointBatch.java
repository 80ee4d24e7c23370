package dev.migrations.engine.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Sends statements as one JDBC batch (one round trip however many there are), behind a
 * savepoint. PostgreSQL does not say which statement of a failed batch failed, so on failure
 * the batch is rolled back to the savepoint and replayed one statement at a time until the
 * failing one fails again and can be named. Needs an open transaction.
 */
public final class SavepointBatch {

    private static final String SAVEPOINT = "migrations_batch";

    private SavepointBatch() {
    }

    /** A statement of the batch failed; {@link #index()} is its position in the list. */
    public static final class Failure extends Exception {
        private final int index;

        Failure(int index, SQLException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }

        public SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    /** @return the update count of each statement, in order */
    public static int[] run(Statement statement, List<String> sql) throws Failure {
        if (sql.isEmpty()) {
            return new int[0];
        }
        SQLException failure;
        try {
            statement.addBatch("SAVEPOINT " + SAVEPOINT);
            for (String next : sql) {
                statement.addBatch(next);
            }
            statement.addBatch("RELEASE SAVEPOINT " + SAVEPOINT);
            return Arrays.copyOfRange(statement.executeBatch(), 1, 1 + sql.size());
        } catch (SQLException e) {
            failure = e;
        }
        try {
            statement.clearBatch();
            statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            for (int i = 0; i < sql.size(); i++) {
                try {
                    statement.execute(sql.get(i));
                } catch (SQLException e) {
                    throw new Failure(i, e);
                }
            }
        } catch (SQLException e) {
            // the connection is gone: the first statement stands for the batch
            throw new Failure(0, failure);
        }
        // nothing failed a second time: the batch's own failure, at its end
        throw new Failure(sql.size() - 1, failure);
    }
}
