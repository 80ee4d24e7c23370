package dev.migrations.engine.runner;

import java.sql.SQLException;

/**
 * Failures that mean a migration met an object it creates already in place (a table, a
 * schema, a constraint, a column), as opposed to a statement that is wrong in itself.
 */
final class PreexistingSchema {

    private PreexistingSchema() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                // 42P07 duplicate_table, 42P06 duplicate_schema, 42710 duplicate_object, 42701 duplicate_column
                switch (sql.getSQLState()) {
                    case "42P07", "42P06", "42710", "42701" -> {
                        return true;
                    }
                    default -> {
                    }
                }
            }
        }
        return false;
    }
}
