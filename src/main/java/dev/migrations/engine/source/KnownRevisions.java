package dev.migrations.engine.source;

import java.util.Map;
import java.util.Set;

/**
 * The revisions of unchanged sources as the last full load found them, without loading them.
 *
 * @param heads     the ids of the graph's heads
 * @param checksums every revision's id and its source's checksum
 */
public record KnownRevisions(Set<String> heads, Map<String, String> checksums) {
}
