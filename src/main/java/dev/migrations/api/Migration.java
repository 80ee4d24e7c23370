package dev.migrations.api;

/**
 * A schema revision. Implementations carry {@link Revision} and describe their changes as
 * operations on {@code op}; the engine runs them, by default inside one transaction together
 * with the version-table update.
 */
public interface Migration {

    /** Brings the schema from the parent revision(s) to this one. */
    void upgrade(Operations op);

    /** Exactly undoes {@link #upgrade}: the schema returns to the parent revision(s). */
    void downgrade(Operations op);
}
