package dev.migrations.engine.dialect;

import dev.migrations.api.operation.Operation;
import java.util.List;

/** What differs between databases in how operations become SQL. One implementation per database. */
public interface Dialect {

    /** The name users see, e.g. {@code PostgreSQL}. */
    String name();

    /**
     * The identifier as it must appear in SQL: bare when that is unambiguous, otherwise quoted
     * with any embedded quote doubled. Never returns a name that changes meaning in SQL.
     */
    String quote(String identifier);

    /** The text as a string literal that means the same whatever the session's settings; null gives NULL. */
    String literal(String text);

    /** {@code schema.name} with each part quoted; schema may be null. */
    String qualify(String schema, String name);

    /**
     * The statements that carry out one operation, in order. {@link
     * dev.migrations.api.operation.RunJdbc} has no SQL form; the executor runs it itself.
     *
     * @throws UnsupportedOperationException for RunJdbc
     */
    List<SqlStatement> render(Operation operation);
}
