package dev.migrations.engine.graph;

import dev.migrations.engine.MigrationException;

import java.util.List;

/**
 * A problem with the revision graph or with a target named against it. The subclasses let a
 * caller react to one kind of problem; the message alone is what the user reads.
 */
public class RevisionGraphException extends MigrationException {
    public RevisionGraphException(String message) {
        super(message);
    }

    /** Ids joined for a one-line message; long lists are cut so the line stays readable. */
    static String listed(List<String> ids) {
        int shown = 10;
        if (ids.size() <= shown) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, shown)) + " and " + (ids.size() - shown) + " more";
    }
}
