package dev.migrations.engine.runner;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.api.Operations;
import dev.migrations.api.operation.ExecuteSql;
import dev.migrations.api.operation.Operation;
import dev.migrations.api.operation.RunJdbc;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.dialect.SqlStatement;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.version.LogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The {@code op} handed to a running migration: each operation is rendered by the dialect and
 * executed on the revision's connection, so that a failure names the operation that failed.
 *
 * <p>In a transactional revision the statements of structured operations wait in the
 * {@link StatementBatch} of the open transaction (one round trip for many statements, instead
 * of one each). Raw SQL (it may return rows), JDBC code and bulk inserts run on their own, after
 * the statements waiting before them.
 */
final class ExecutingOperations implements Operations {

    private final Connection connection;
    private final PostgresDialect dialect;
    private final EngineLog log;
    private final LoadedRevision revision;
    private final LogEntry.Action action;
    /** Where statements wait; null when they may not: outside a transaction. */
    private final StatementBatch batch;

    ExecutingOperations(Connection connection, PostgresDialect dialect, EngineLog log, LoadedRevision revision,
                        LogEntry.Action action, StatementBatch batch) {
        this.connection = connection;
        this.dialect = dialect;
        this.log = log;
        this.revision = revision;
        this.action = action;
        this.batch = revision.transactional() ? batch : null;
    }

    @Override
    public void apply(Operation operation) {
        if (operation instanceof RunJdbc jdbc) {
            sendWaiting();
            try {
                log.debug("    " + jdbc.describe());
                jdbc.work().run(connection);
            } catch (SQLException e) {
                throw failed(operation, e);
            }
            return;
        }
        List<SqlStatement> statements = dialect.render(operation);
        boolean batchable = batch != null && !(operation instanceof ExecuteSql)
                && statements.stream().noneMatch(SqlStatement::isBatch);
        if (batchable) {
            for (SqlStatement statement : statements) {
                log.debug("    " + statement.sql());
                batch.add(revision, action, operation, statement.sql());
            }
            return;
        }
        sendWaiting();
        try {
            for (SqlStatement statement : statements) {
                execute(statement);
            }
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** Sends the statements waiting, this revision's and any earlier one's, before one that cannot wait. */
    private void sendWaiting() {
        if (batch != null && !batch.isEmpty()) {
            batch.send();
        }
    }

    private OperationFailedException failed(Operation operation, SQLException e) {
        return new OperationFailedException(revision, action, operation, e);
    }

    private void execute(SqlStatement statement) throws SQLException {
        log.debug("    " + statement.sql());
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
