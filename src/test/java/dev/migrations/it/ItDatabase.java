package dev.migrations.it;

import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the invoker scripts ask of the database: tables, catalog snapshots, version rows. */
public final class ItDatabase {

    private final Database database;

    ItDatabase(ConnectionSettings settings) {
        this.database = new Database(settings);
    }

    /** For scripts that open a database of their own, such as a project's embedded one after its build. */
    public static ItDatabase of(ConnectionSettings settings) {
        return new ItDatabase(settings);
    }

    /** Where this database is, e.g. for a reference schema built outside the plugin. */
    public ConnectionSettings settings() {
        return database.settings();
    }

    public void execute(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Runs a SQL script as psql runs a file: statement by statement on one connection in
     * autocommit, so that the script's own BEGIN and COMMIT make its transactions. A statement
     * ends with a line that ends with {@code ;}; lines starting {@code --} between statements are
     * comments.
     */
    public void runScript(String script) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            StringBuilder current = new StringBuilder();
            for (String line : script.split("\n", -1)) {
                if (current.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    try {
                        statement.execute(current.toString());
                    } catch (SQLException e) {
                        throw new IllegalStateException("the script fails at: " + current, e);
                    }
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                throw new IllegalStateException("the script ends inside a statement: " + current);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to run the script", e);
        }
    }

    /** Each row as its columns joined by {@code |}. */
    public List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    /** Tables of a schema, sorted, without the version tables. */
    public List<String> tables(String schema) {
        return rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'migrations\\_version%' ORDER BY 1");
    }

    public List<String> tables() {
        return tables("public");
    }

    /** Column comments of the public schema, one sorted line each. */
    public List<String> columnComments() {
        return rows("SELECT 'column comment ' || c.relname || '.' || a.attname || ' ' || d.description"
                + " FROM pg_description d JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
                + " WHERE n.nspname = 'public' AND d.objsubid > 0 ORDER BY 1");
    }

    /**
     * Fails when two catalog descriptions differ, listing what only the expected one has and
     * what only the actual one has.
     */
    public static void requireSameCatalog(String what, List<String> actual, List<String> expected) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> unexpected = new ArrayList<>(actual);
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty() || actual.size() != expected.size()) {
            throw new AssertionError(what + ": the schema differs from the expected one\n"
                    + "missing (expected only):\n  " + String.join("\n  ", missing) + "\n"
                    + "unexpected (actual only):\n  " + String.join("\n  ", unexpected));
        }
    }

    /** The recorded heads, sorted. */
    public List<String> versionHeads() {
        return rows("SELECT version_num FROM migrations_version ORDER BY 1");
    }

    /** How many times each revision was upgraded, as {@code id|count}. */
    public List<String> upgradeCounts() {
        return rows("SELECT revision, count(*) FROM migrations_version_log WHERE action = 'upgrade' GROUP BY 1 ORDER BY 1");
    }

    /**
     * The schema as the catalog describes it (tables, columns, constraints, indexes, sequences),
     * one sorted line per object, so that two states of a schema can be compared for equality.
     * The version tables are left out.
     */
    public List<String> snapshot(String schema) {
        String s = "'" + schema + "'";
        List<String> lines = new ArrayList<>();
        lines.addAll(rows("SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '"
                + " || coalesce(character_maximum_length::text, '') || ' ' || coalesce(numeric_precision::text, '')"
                + " || ',' || coalesce(numeric_scale::text, '') || ' ' || is_nullable || ' ' || coalesce(column_default, '')"
                + " || ' ' || is_identity FROM information_schema.columns WHERE table_schema = " + s
                + " AND table_name NOT LIKE 'migrations\\_version%' ORDER BY 1"));
        lines.addAll(rows("SELECT 'constraint ' || c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)"
                + " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = " + s
                + " AND c.conrelid::regclass::text NOT LIKE '%migrations\\_version%' ORDER BY 1"));
        lines.addAll(rows("SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = " + s
                + " AND tablename NOT LIKE 'migrations\\_version%' ORDER BY 1"));
        lines.addAll(rows("SELECT 'sequence ' || sequence_name || ' ' || start_value || ' ' || increment"
                + " FROM information_schema.sequences WHERE sequence_schema = " + s
                + " AND sequence_name NOT LIKE 'migrations\\_version%' ORDER BY 1"));
        lines.addAll(rows("SELECT 'comment ' || c.relname || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " + s
                + " AND c.relkind = 'r' AND c.relname NOT LIKE 'migrations\\_version%' ORDER BY 1"));
        return lines;
    }

    public List<String> snapshot() {
        return snapshot("public");
    }

    /**
     * The physical column order of each table, one sorted line per table, as {@code \d} and
     * {@code pg_dump} show it. Apart from {@link #snapshot} because a column a downgrade
     * re-creates comes last, which PostgreSQL cannot help; key column order is in the
     * constraint and index lines of the snapshot.
     */
    public List<String> columnOrder(String schema) {
        return rows("SELECT 'columns ' || c.relname || ': ' || string_agg(a.attname, ', ' ORDER BY a.attnum)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
                + " WHERE n.nspname = '" + schema + "' AND c.relkind = 'r'"
                + " AND c.relname NOT LIKE 'migrations\\_version%' GROUP BY c.relname ORDER BY 1");
    }

    public List<String> columnOrder() {
        return columnOrder("public");
    }
}
