package dev.migrations.autogen.model;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.api.model.Constraint;
import dev.migrations.autogen.diff.CheckSpelling;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.autogen.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Check constraints, written the way their author wrote them and compared the way PostgreSQL
 * settles them.
 *
 * <p>The server prints a check as it parsed it, not as it was written: Hibernate's
 * {@code status in ('A','B')} comes back as {@code ((status)::text = ANY ((ARRAY['A'::character
 * varying, ...])::text[]))}, and that text, applied again, prints differently once more before it
 * settles. So a migration that re-applies printed text does not reproduce the catalog it was read
 * from. Two things follow:
 * <ul>
 *   <li>a printed check is traced back to its source (Hibernate's mapping for the model, the
 *   revisions' own code for the live schema): the source that prints exactly as the catalog
 *   shows is what generated code writes, so that applying it gives the same catalog again;</li>
 *   <li>checks are compared in their settled form: re-applied to the scratch table until the
 *   printed text stops changing (printed with {@code pg_get_expr}, as the reader prints them).</li>
 * </ul>
 */
final class CheckExpressions {

    private static final String PROBE = "migrations_check_probe";
    private static final int MAX_ROUNDS = 4;

    private final Connection scratch;
    private final PostgresDialect dialect;
    private final String scratchSchema;
    private final Set<String> scratchTables;
    private final Map<String, String> printedOnce = new HashMap<>();
    private final Map<String, String> settled = new HashMap<>();

    CheckExpressions(Connection scratch, PostgresDialect dialect, String scratchSchema, Set<String> scratchTables) {
        this.scratch = scratch;
        this.dialect = dialect;
        this.scratchSchema = scratchSchema;
        this.scratchTables = scratchTables;
    }

    /**
     * The snapshot with each check replaced by the source text that prints exactly as it, where
     * {@code sources} (table to candidate texts) has one.
     */
    SchemaSnapshot traceSources(SchemaSnapshot snapshot, Map<String, Set<String>> sources) throws SQLException {
        TreeMap<String, Table> tables = new TreeMap<>();
        for (Table table : snapshot.tables().values()) {
            Set<String> candidates = sources.getOrDefault(table.name(), Set.of());
            if (table.checks().isEmpty() || candidates.isEmpty() || !scratchTables.contains(table.name())) {
                tables.put(table.name(), table);
                continue;
            }
            List<Constraint.Check> traced = new ArrayList<>();
            for (Constraint.Check check : table.checks()) {
                String source = check.expression();
                for (String candidate : candidates) {
                    if (check.expression().equals(printed(table.name(), candidate))) {
                        source = candidate;
                        break;
                    }
                }
                traced.add(new Constraint.Check(check.name(), source));
            }
            tables.put(table.name(), new Table(table.name(), table.columns(), table.primaryKey(), table.uniques(),
                    traced, table.foreignKeys(), table.indexes(), table.comment()));
        }
        return new SchemaSnapshot(snapshot.schema(), tables, snapshot.sequences());
    }

    /** Settles every check of the snapshots now, while the scratch transaction is open. */
    CheckSpelling spelling(SchemaSnapshot... snapshots) throws SQLException {
        for (SchemaSnapshot snapshot : snapshots) {
            for (Table table : snapshot.tables().values()) {
                for (Constraint.Check check : table.checks()) {
                    settle(table.name(), check.expression());
                }
            }
        }
        Map<String, String> known = Map.copyOf(settled);
        return (table, expression) -> known.getOrDefault(key(table, expression), expression);
    }

    private String settle(String table, String expression) throws SQLException {
        String key = key(table, expression);
        String cached = settled.get(key);
        if (cached != null) {
            return cached;
        }
        String current = expression;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = printed(table, current);
            if (next == null || next.equals(current)) {
                break;
            }
            current = next;
        }
        settled.put(key, current);
        return current;
    }

    /**
     * The expression as PostgreSQL prints it once applied to the scratch table; null if the
     * table cannot hold it (it names columns the model's table does not have, so it cannot
     * equal any check there).
     */
    private String printed(String table, String expression) throws SQLException {
        if (!scratchTables.contains(table)) {
            return null;
        }
        String key = key(table, expression);
        if (printedOnce.containsKey(key)) {
            return printedOnce.get(key);
        }
        String qualified = dialect.qualify(scratchSchema, table);
        Savepoint savepoint = scratch.setSavepoint();
        String printed;
        try (Statement statement = scratch.createStatement()) {
            statement.execute("ALTER TABLE " + qualified + " ADD CONSTRAINT " + PROBE + " CHECK (" + expression
                    + ") NOT VALID");
            printed = read(table);
            statement.execute("ALTER TABLE " + qualified + " DROP CONSTRAINT " + PROBE);
            scratch.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            scratch.rollback(savepoint);
            printed = null;
        }
        printedOnce.put(key, printed);
        return printed;
    }

    private String read(String table) throws SQLException {
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

    private static String key(String table, String expression) {
        return table + '\u0000' + expression;
    }
}
