package dev.migrations.engine.runner;

import dev.migrations.api.operation.Operation;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.version.LogEntry;
import java.sql.SQLException;

/**
 * The database refused one operation of a migration: of the revision running, or of an
 * earlier one whose statements waited in the same batch.
 */
final class OperationFailedException extends RuntimeException {

    private final transient LoadedRevision revision;
    private final LogEntry.Action action;
    private final transient Operation operation;

    OperationFailedException(LoadedRevision revision, LogEntry.Action action, Operation operation,
                             SQLException cause) {
        super(cause.getMessage(), cause);
        this.revision = revision;
        this.action = action;
        this.operation = operation;
    }

    LoadedRevision revision() {
        return revision;
    }

    LogEntry.Action action() {
        return action;
    }

    Operation operation() {
        return operation;
    }

    /** The database's own message, first line, without the driver's "ERROR: " prefix noise. */
    String databaseMessage() {
        return DatabaseMessage.of((SQLException) getCause());
    }
}
