package dev.migrations.engine.graph;

/**
 * A target that cannot be planned from where the database is: malformed, in the wrong
 * direction, past the end of history, or ambiguous because history branches there.
 */
public final class InvalidTargetException extends RevisionGraphException {
    InvalidTargetException(String message) {
        super(message);
    }
}
