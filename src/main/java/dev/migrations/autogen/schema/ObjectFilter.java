package dev.migrations.autogen.schema;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Tables and sequences autogenerate leaves alone on both sides (Alembic's
 * {@code include_object}, Liquibase's {@code diffExcludeObjects}): another service's in a shared
 * schema, a tool's own. Each pattern is a name, where {@code *} stands for any run of
 * characters; names compare as the catalog holds them.
 */
public record ObjectFilter(List<String> patterns) {

    public static final ObjectFilter NONE = new ObjectFilter(List.of());

    public ObjectFilter {
        patterns = List.copyOf(patterns);
    }

    public boolean excludes(String name) {
        for (String pattern : patterns) {
            if (regex(pattern).matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The snapshot without the excluded tables and sequences. */
    public SchemaSnapshot apply(SchemaSnapshot snapshot) {
        if (patterns.isEmpty()) {
            return snapshot;
        }
        return new SchemaSnapshot(snapshot.schema(), kept(snapshot.tables()), kept(snapshot.sequences()));
    }

    private <T> SortedMap<String, T> kept(SortedMap<String, T> byName) {
        SortedMap<String, T> kept = new TreeMap<>();
        byName.forEach((name, object) -> {
            if (!excludes(name)) {
                kept.put(name, object);
            }
        });
        return kept;
    }

    private static Pattern regex(String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
