package dev.migrations.engine.version;

import java.util.Map;
import java.util.Set;

/**
 * Where the version table says the database is: its heads, and for each revision in force the
 * checksum its upgrade (or accept) recorded, which the edit check compares with the sources.
 */
public record RecordedPosition(Set<String> heads, Map<String, String> checksums) {
}
