package dev.migrations.autogen.model;

import dev.migrations.api.model.Constraint;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.autogen.schema.Table;
import dev.migrations.engine.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Check constraints in the one spelling PostgreSQL keeps. The server prints a check the way it
 * parsed it, which is not how it was written: Hibernate's {@code status in ('A','B')} comes
 * back as {@code ((status)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}, and
 * that, applied again, comes back different once more before it settles. A check is therefore
 * re-applied to a table of the scratch schema until its printed form stops changing (printed
 * with {@code pg_get_expr}, as the reader prints checks), and two checks are equal when they
 * settle to the same text.
 */
final class CheckExpressions {

    private static final String PROBE = "migrations_check_probe";
    private static final int MAX_ROUNDS = 4;

    private final Connection scratch;
    private final Dialect dialect;

    CheckExpressions(Connection scratch, Dialect dialect) {
        this.scratch = scratch;
        this.dialect = dialect;
    }

    /** The snapshot with every check in its settled form. */
    SchemaSnapshot settle(SchemaSnapshot snapshot, String scratchSchema, Set<String> scratchTables) throws SQLException {
        TreeMap<String, Table> tables = new TreeMap<>();
        for (Table table : snapshot.tables().values()) {
            if (table.checks().isEmpty() || !scratchTables.contains(table.name())) {
                tables.put(table.name(), table);
                continue;
            }
            List<Constraint.Check> settled = new ArrayList<>();
            for (Constraint.Check check : table.checks()) {
                settled.add(new Constraint.Check(check.name(), settle(scratchSchema, table.name(), check.expression())));
            }
            tables.put(table.name(), new Table(table.name(), table.columns(), table.primaryKey(), table.uniques(),
                    settled, table.foreignKeys(), table.indexes(), table.comment()));
        }
        return new SchemaSnapshot(snapshot.schema(), tables, snapshot.sequences());
    }

    /** The expression's settled form; the expression itself if the scratch table cannot hold it. */
    private String settle(String scratchSchema, String table, String expression) throws SQLException {
        String current = expression;
        String qualified = dialect.qualify(scratchSchema, table);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Savepoint savepoint = scratch.setSavepoint();
            String printed;
            try (Statement statement = scratch.createStatement()) {
                statement.execute("ALTER TABLE " + qualified + " ADD CONSTRAINT " + PROBE + " CHECK (" + current
                        + ") NOT VALID");
                printed = printed(scratchSchema, table);
                statement.execute("ALTER TABLE " + qualified + " DROP CONSTRAINT " + PROBE);
                scratch.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                // It names columns the model's table does not have: it cannot equal any check there.
                scratch.rollback(savepoint);
                return current;
            }
            if (printed.equals(current)) {
                return current;
            }
            current = printed;
        }
        return current;
    }

    private String printed(String scratchSchema, String table) throws SQLException {
        try (PreparedStatement query = scratch.prepareStatement(
                "SELECT pg_get_expr(c.conbin, c.conrelid) FROM pg_constraint c"
                        + " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE n.nspname = ? AND t.relname = ? AND c.conname = ?")) {
            query.setString(1, scratchSchema);
            query.setString(2, table);
            query.setString(3, PROBE);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
