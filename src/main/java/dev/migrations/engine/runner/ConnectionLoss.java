package dev.migrations.engine.runner;

import dev.migrations.engine.Spelling;
import java.sql.SQLException;

/**
 * Failures that mean the session itself ended (the server shut down or terminated the backend,
 * the network dropped) rather than a statement being refused: the fix is to run again, not to
 * edit the migration.
 */
final class ConnectionLoss {

    static String whileCommitting(Spelling spelling) {
        return "The connection to the database was lost while committing, so the database may or may not have "
                + "recorded it; run " + spelling.command("current") + " to see where it is, then run again.";
    }

    private ConnectionLoss() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
