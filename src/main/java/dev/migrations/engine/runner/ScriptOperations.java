package dev.migrations.engine.runner;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.api.Operations;
import dev.migrations.api.operation.Operation;
import dev.migrations.api.operation.RunJdbc;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.dialect.SqlStatement;
import dev.migrations.engine.source.LoadedRevision;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code op} handed to a migration whose SQL is written to a script instead of run: each
 * operation is rendered by the same dialect that renders it for a run, bulk inserts with their
 * values written out as literals. Java code on the connection cannot be written down: it stops
 * the script, naming the revision.
 */
final class ScriptOperations implements Operations {

    private final PostgresDialect dialect;
    private final LoadedRevision revision;
    private final String method;
    private final List<String> statements = new ArrayList<>();

    ScriptOperations(PostgresDialect dialect, LoadedRevision revision, String method) {
        this.dialect = dialect;
        this.revision = revision;
        this.method = method;
    }

    @Override
    public void apply(Operation operation) {
        if (operation instanceof RunJdbc jdbc) {
            throw new MigrationException("Revision " + revision.id() + " (" + revision.message() + ") runs Java code"
                    + " on its connection in " + method + "() ('" + jdbc.describe() + "'), which a SQL script cannot"
                    + " hold; apply that revision with a run instead of a script, or write its data change as SQL.");
        }
        for (SqlStatement statement : dialect.render(operation)) {
            statements.add(statement.isBatch() ? withValues(statement) : statement.sql());
        }
    }

    List<String> statements() {
        return List.copyOf(statements);
    }

    /** A bulk insert's rows as one multi-row VALUES list: {@code INSERT ... VALUES (1, 'a'), (2, 'b')}. */
    private String withValues(SqlStatement statement) {
        String sql = statement.sql();
        String insert = sql.substring(0, sql.lastIndexOf(" VALUES ("));
        return insert + " VALUES " + statement.parameterRows().stream()
                .map(row -> row.stream().map(this::literal).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(",\n    "));
    }

    /**
     * A value as SQL: numbers and booleans as they are, bytes as a bytea literal, anything else
     * as a string literal, which PostgreSQL converts to the column's type as the driver's
     * parameter would be.
     */
    private String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
        }
        return dialect.literal(value.toString());
    }
}
