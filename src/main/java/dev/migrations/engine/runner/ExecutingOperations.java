package dev.migrations.engine.runner;

import dev.migrations.api.Operations;
import dev.migrations.api.operation.Operation;
import dev.migrations.api.operation.RunJdbc;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.dialect.Dialect;
import dev.migrations.engine.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The {@code op} handed to a running migration: each operation is rendered by the dialect and
 * executed at once on the revision's connection, so a failure names the operation that failed.
 */
final class ExecutingOperations implements Operations {

    private final Connection connection;
    private final Dialect dialect;
    private final EngineLog log;
    private int executed;

    ExecutingOperations(Connection connection, Dialect dialect, EngineLog log) {
        this.connection = connection;
        this.dialect = dialect;
        this.log = log;
    }

    int executed() {
        return executed;
    }

    @Override
    public void apply(Operation operation) {
        try {
            if (operation instanceof RunJdbc jdbc) {
                log.debug("    " + jdbc.describe());
                jdbc.work().run(connection);
            } else {
                for (SqlStatement statement : dialect.render(operation)) {
                    execute(statement);
                }
            }
            executed++;
        } catch (SQLException e) {
            throw new OperationFailedException(operation, e);
        }
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
