package dev.migrations.engine.version;

import java.time.Instant;

/** A row of the version log as read back. */
public record AppliedRecord(String revision, LogEntry.Action action, String checksum, Instant appliedAt,
                            Long durationMillis, String appliedBy) {
}
