package dev.migrations.engine.graph;

import dev.migrations.engine.Spelling;

/** A revision id, prefix or branch label that matches nothing in the graph. */
public final class UnknownRevisionException extends RevisionGraphException {
    private final String reference;

    private UnknownRevisionException(String reference, String message) {
        super(message);
        this.reference = reference;
    }

    static UnknownRevisionException target(String reference, Spelling spelling) {
        return new UnknownRevisionException(reference, "No revision matches '" + reference
                + "': give a revision id, a unique prefix of one, or a branch label ('" + spelling.command("history")
                + "' lists them).");
    }

    static UnknownRevisionException inDatabase(String id, Spelling spelling) {
        return new UnknownRevisionException(id, "The database is at revision " + id
                + ", which no migration defines: restore that migration, or record the right revision with '"
                + spelling.command("stamp", "revision", "<id>") + "'.");
    }

    /** What the user or the database gave. */
    public String reference() {
        return reference;
    }
}
