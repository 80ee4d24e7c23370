package dev.migrations.maven;

import dev.migrations.engine.MigrationException;

/** The {@code -DdevDatabase} argument of the goals that compare the model with a schema. */
final class DevDatabase {

    /** The value that means a throwaway embedded database. */
    static final String EMBEDDED = "embedded";

    private DevDatabase() {
    }

    static boolean isThrowaway(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.strip().equals(EMBEDDED)) {
            return true;
        }
        throw new MigrationException("devDatabase '" + value + "' is not known; use -DdevDatabase=embedded to compare "
                + "with a throwaway embedded PostgreSQL, or leave it out to compare with the configured database.");
    }
}
