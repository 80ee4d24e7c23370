package dev.migrations.engine.graph;

import dev.migrations.engine.Spelling;
import java.util.List;

/** {@code head} (or {@code label@head}) was asked for, but history has split into several heads. */
public final class MultipleHeadsException extends RevisionGraphException {
    private final List<String> heads;

    /** @param under the revision or label the heads were looked for under, or null for the whole graph */
    MultipleHeadsException(List<String> heads, String under, Spelling spelling) {
        super("Several heads" + (under == null ? "" : " under '" + under + "'") + ": " + listed(heads)
                + "; merge them with '" + spelling.command("merge", "message", "...") + "' or upgrade to one with "
                + spelling.argument("target", "<id>") + ".");
        this.heads = List.copyOf(heads);
    }

    /** The heads, sorted by id. */
    public List<String> heads() {
        return heads;
    }
}
