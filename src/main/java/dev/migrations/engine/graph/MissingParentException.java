package dev.migrations.engine.graph;

/** A revision names a parent or a depends-on revision that no migration defines. */
public final class MissingParentException extends RevisionGraphException {
    private final String revision;
    private final String missing;

    MissingParentException(String revision, String missing, boolean dependsOn, int otherProblems) {
        super("Revision " + revision + " names " + (dependsOn ? "depends-on revision " : "parent ") + missing
                + ", which does not exist: restore the missing migration or fix the "
                + (dependsOn ? "depends-on" : "parent") + " id in " + revision + "."
                + (otherProblems > 0 ? " (" + otherProblems + " more missing reference"
                        + (otherProblems == 1 ? "" : "s") + " after that.)" : ""));
        this.revision = revision;
        this.missing = missing;
    }

    /** The revision whose metadata is wrong. */
    public String revision() {
        return revision;
    }

    /** The id it names that does not exist. */
    public String missing() {
        return missing;
    }
}
