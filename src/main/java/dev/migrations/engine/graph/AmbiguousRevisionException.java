package dev.migrations.engine.graph;

import java.util.List;

/** A revision prefix that matches more than one revision. */
public final class AmbiguousRevisionException extends RevisionGraphException {
    private final String prefix;
    private final List<String> matches;

    AmbiguousRevisionException(String prefix, List<String> matches) {
        super("Revision prefix '" + prefix + "' is ambiguous: it matches " + listed(matches)
                + ". Give more characters of the id.");
        this.prefix = prefix;
        this.matches = List.copyOf(matches);
    }

    public String prefix() {
        return prefix;
    }

    /** Every id the prefix matches, sorted. */
    public List<String> matches() {
        return matches;
    }
}
