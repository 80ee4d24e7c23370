package dev.migrations.engine;

/**
 * A failure the user must act on. Its message is one line that says what is wrong and what
 * to do; callers print it without a stack trace.
 */
public class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
