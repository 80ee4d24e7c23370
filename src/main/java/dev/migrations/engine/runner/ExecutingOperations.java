package dev.migrations.engine.runner;

import dev.migrations.api.Operations;
import dev.migrations.api.operation.ExecuteSql;
import dev.migrations.api.operation.Operation;
import dev.migrations.api.operation.RunJdbc;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.db.SavepointBatch;
import dev.migrations.engine.dialect.Dialect;
import dev.migrations.engine.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code op} handed to a running migration: each operation is rendered by the dialect and
 * executed on the revision's connection, so that a failure names the operation that failed.
 *
 * <p>In a transactional revision the statements of structured operations are sent as one
 * {@link SavepointBatch} (one round trip for a revision of several statements, instead of one
 * each). Raw SQL (it may return rows), JDBC code and bulk inserts run on their own, after the
 * batch before them.
 */
final class ExecutingOperations implements Operations {

    private final Connection connection;
    private final Dialect dialect;
    private final EngineLog log;
    private final boolean batching;
    private final List<Pending> pending = new ArrayList<>();
    private long firstSent;

    /** A rendered statement not sent yet, with the operation it came from. */
    private record Pending(Operation operation, String sql) {
    }

    /** @param batching whether statements may wait for a batch: only inside a transaction */
    ExecutingOperations(Connection connection, Dialect dialect, EngineLog log, boolean batching) {
        this.connection = connection;
        this.dialect = dialect;
        this.log = log;
        this.batching = batching;
    }

    @Override
    public void apply(Operation operation) {
        if (operation instanceof RunJdbc jdbc) {
            flush();
            try {
                log.debug("    " + jdbc.describe());
                sent();
                jdbc.work().run(connection);
            } catch (SQLException e) {
                throw new OperationFailedException(operation, e);
            }
            return;
        }
        List<SqlStatement> statements = dialect.render(operation);
        boolean batchable = batching && !(operation instanceof ExecuteSql)
                && statements.stream().noneMatch(SqlStatement::isBatch);
        if (batchable) {
            for (SqlStatement statement : statements) {
                pending.add(new Pending(operation, statement.sql()));
            }
            return;
        }
        flush();
        try {
            for (SqlStatement statement : statements) {
                execute(statement);
            }
        } catch (SQLException e) {
            throw new OperationFailedException(operation, e);
        }
    }

    /** Sends the statements waiting for a batch; the runner calls it before recording the revision. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Operation first = pending.get(0).operation();
        try {
            flush(List.of());
        } catch (SQLException e) {
            // with nothing trailing, only the statement object itself can fail
            throw new OperationFailedException(first, e);
        }
    }

    /**
     * Sends the statements waiting for a batch with {@code trailing} after them, in the same
     * round trip: the runner's version change, which then costs no round trip of its own.
     *
     * @return the update count of each trailing statement
     * @throws SQLException when a trailing statement fails (an operation's failure is an
     *                      {@link OperationFailedException}, as from {@link #flush()})
     */
    int[] flush(List<String> trailing) throws SQLException {
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        batch.forEach(next -> log.debug("    " + next.sql()));
        trailing.forEach(next -> log.debug("    " + next));
        List<String> sql = new ArrayList<>(batch.size() + trailing.size());
        batch.forEach(next -> sql.add(next.sql()));
        sql.addAll(trailing);
        if (sql.isEmpty()) {
            return new int[0];
        }
        try (Statement statement = connection.createStatement()) {
            sent();
            int[] counts = SavepointBatch.run(statement, sql);
            return Arrays.copyOfRange(counts, batch.size(), counts.length);
        } catch (SavepointBatch.Failure e) {
            if (e.index() < batch.size()) {
                throw new OperationFailedException(batch.get(e.index()).operation(), e.sqlException());
            }
            throw e.sqlException();
        }
    }

    /**
     * When this revision first sent anything to the database, in {@link System#nanoTime()}
     * terms, or now if it has sent nothing yet: where its transaction began.
     */
    long firstSent() {
        return firstSent != 0 ? firstSent : System.nanoTime();
    }

    private void sent() {
        if (firstSent == 0) {
            firstSent = System.nanoTime();
        }
    }

    private void execute(SqlStatement statement) throws SQLException {
        log.debug("    " + statement.sql());
        sent();
        if (statement.isBatch()) {
            try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                for (List<Object> row : statement.parameterRows()) {
                    for (int i = 0; i < row.size(); i++) {
                        prepared.setObject(i + 1, row.get(i));
                    }
                    prepared.addBatch();
                }
                prepared.executeBatch();
            }
        } else {
            try (Statement plain = connection.createStatement()) {
                plain.execute(statement.sql());
            }
        }
    }
}
