package dev.migrations.engine.version;

/** One row to add to the version log. */
public record LogEntry(String revision, Action action, String message, String checksum,
                       Long durationMillis, String appliedBy) {

    public enum Action { UPGRADE, DOWNGRADE, STAMP }
}
