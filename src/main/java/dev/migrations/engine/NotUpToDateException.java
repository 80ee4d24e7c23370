package dev.migrations.engine;

/** The database is not where the application's revisions end; {@link #status()} says how. */
public final class NotUpToDateException extends MigrationException {

    private final transient MigrationStatus status;

    NotUpToDateException(MigrationStatus status) {
        super("The database " + status.database() + " is not up to date: " + status.differences() + ".");
        this.status = status;
    }

    public MigrationStatus status() {
        return status;
    }
}
