package dev.migrations.engine;

import java.time.Duration;

/** A revision that one run upgraded or downgraded, and how long it took. */
public record AppliedRevision(String id, String message, Duration duration) {
}
