package dev.migrations.engine.graph;

import java.util.List;

/** Two or more migrations declare the same revision id. */
public final class DuplicateRevisionException extends RevisionGraphException {
    private final List<String> ids;

    DuplicateRevisionException(List<String> ids) {
        super((ids.size() == 1 ? "Revision id " + ids.get(0) + " is" : "Revision ids " + listed(ids) + " are")
                + " declared by more than one migration; give each migration its own revision id.");
        this.ids = List.copyOf(ids);
    }

    /** The duplicated ids, sorted. */
    public List<String> ids() {
        return ids;
    }
}
