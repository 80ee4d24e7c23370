package dev.migrations.engine.dialect;

import dev.migrations.api.model.SqlType;
import dev.migrations.api.operation.Operation;
import java.util.List;
import java.util.Objects;

/**
 * Operations as PostgreSQL statements (PostgreSQL 14 and later).
 *
 * <p>The engine speaks PostgreSQL only, and says so: its version table, advisory lock, session
 * settings and error translation are PostgreSQL's too, as are the live schema's reader and the
 * embedded database autogenerate compares in. An interface over the DDL alone would promise a
 * second database that the rest of the engine does not support; one would need a design across
 * all of those, made when there is such a database to serve.
 *
 * <p>Every name goes through {@link #quote}; server defaults, check expressions, partial-index
 * predicates, {@code USING} expressions and raw SQL are SQL written by the migration's author
 * and are pasted as written. Comments are string literals (see {@link #literal}); bulk-insert
 * values travel as bind parameters.
 */
public final class PostgresDialect {

    /** Every kind of operation's statements, a visitor the compiler holds to all kinds. */
    private final PostgresStatements statements = new PostgresStatements(this);

    public String quote(String identifier) {
        return PostgresIdentifiers.quote(identifier);
    }

    public String qualify(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** The column type as PostgreSQL spells it, e.g. {@code timestamp(6) with time zone}. */
    public String typeName(SqlType type) {
        return PostgresTypes.spell(type);
    }

    public List<SqlStatement> render(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        return operation.accept(statements);
    }

    /**
     * A string literal, or NULL. COMMENT ON cannot take bind parameters (nor can the plain
     * statements of a batch), so the text is escaped: single quotes are doubled, which is all
     * a standard string needs under {@code standard_conforming_strings = on} (PostgreSQL's
     * default since 9.1). Text with a backslash uses the escape form {@code E'...'} with
     * backslashes doubled as well, so the literal means the same whatever that setting is.
     */
    public String literal(String text) {
        if (text == null) {
            return "NULL";
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot contain a NUL character: "
                    + text.replace("\0", "\\0"));
        }
        String quoted = text.replace("'", "''");
        if (text.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }
}
