package dev.migrations.engine.runner;

import dev.migrations.api.operation.Operation;
import java.sql.SQLException;

/** The database refused one operation of a migration. */
final class OperationFailedException extends RuntimeException {

    private final transient Operation operation;

    OperationFailedException(Operation operation, SQLException cause) {
        super(cause.getMessage(), cause);
        this.operation = operation;
    }

    Operation operation() {
        return operation;
    }

    /** The database's own message, first line, without the driver's "ERROR: " prefix noise. */
    String databaseMessage() {
        return DatabaseMessage.of((SQLException) getCause());
    }
}
