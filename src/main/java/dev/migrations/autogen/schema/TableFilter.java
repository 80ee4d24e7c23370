package dev.migrations.autogen.schema;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Tables autogenerate leaves alone on both sides (Alembic's {@code include_object}, Liquibase's
 * {@code diffExcludeObjects}): another service's tables in a shared schema, a tool's own. Each
 * pattern is a table name, where {@code *} stands for any run of characters; names compare as
 * the catalog holds them.
 */
public record TableFilter(List<String> patterns) {

    public static final TableFilter NONE = new TableFilter(List.of());

    public TableFilter {
        patterns = List.copyOf(patterns);
    }

    public boolean excludes(String table) {
        for (String pattern : patterns) {
            if (regex(pattern).matcher(table).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The snapshot without the excluded tables. */
    public SchemaSnapshot apply(SchemaSnapshot snapshot) {
        if (patterns.isEmpty()) {
            return snapshot;
        }
        SortedMap<String, Table> kept = new TreeMap<>();
        snapshot.tables().forEach((name, table) -> {
            if (!excludes(name)) {
                kept.put(name, table);
            }
        });
        return new SchemaSnapshot(snapshot.schema(), kept, snapshot.sequences());
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
