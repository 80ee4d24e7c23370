package dev.migrations.cli;

/** The command line itself is wrong: exit code 2, with the line that says how. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
