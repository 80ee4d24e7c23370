package dev.migrations.it;

import java.io.File;

/** A migration class a {@code revision} build wrote, and the revision id in its name. */
public record WrittenRevision(File file, String id) {
}
