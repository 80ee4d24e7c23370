package dev.migrations.engine.runner;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The first line of what the database said, with its SQLSTATE and the server's hint if it gave one. */
final class DatabaseMessage {

    private DatabaseMessage() {
    }

    static String of(SQLException failure) {
        SQLException e = failure;
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            // the server's own error, without the batch statement and its values
            e = e.getNextException();
        }
        String text = null;
        String hint = null;
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                text = server.getMessage();
                // the server's own advice, e.g. "You might need to increase max_locks_per_transaction."
                hint = server.getHint();
            }
        }
        if (text == null) {
            text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String line = text.lines().findFirst().orElse("").strip();
        String withState = e.getSQLState() == null ? line : line + " [SQLSTATE " + e.getSQLState() + "]";
        return hint == null || hint.isBlank() ? withState
                : withState + " (hint: " + hint.lines().findFirst().orElse("").strip() + ")";
    }
}
