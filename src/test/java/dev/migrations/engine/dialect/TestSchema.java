package dev.migrations.engine.dialect;

import dev.migrations.api.operation.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One schema of a real PostgreSQL that tests apply rendered operations to and read back from
 * the catalog: what the database made of the SQL, not what the SQL says.
 */
final class TestSchema {

    private final Connection connection;
    private final String schema;
    private final PostgresDialect dialect = new PostgresDialect();

    TestSchema(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    String schema() {
        return schema;
    }

    void apply(Operation operation) throws SQLException {
        for (SqlStatement statement : dialect.render(operation)) {
            if (statement.isBatch()) {
                try (PreparedStatement insert = connection.prepareStatement(statement.sql())) {
                    for (List<Object> row : statement.parameterRows()) {
                        for (int i = 0; i < row.size(); i++) {
                            insert.setObject(i + 1, row.get(i));
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            } else {
                execute(statement.sql());
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n  in: " + sql, e.getSQLState(), e);
        }
    }

    List<String> query(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    // reading the catalog

    /** Relations (tables, views, sequences, indexes) of the test schema, by name. */
    List<String> tables() throws SQLException {
        return query("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'v', 'S') ORDER BY 1", schema);
    }

    List<String> columns(String table) throws SQLException {
        return query("SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attname", schema, table);
    }

    List<String> constraints(String table) throws SQLException {
        return query("SELECT k.conname || ' ' || k.contype::text || ' ' || pg_get_constraintdef(k.oid)"
                + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? ORDER BY 1", schema, table);
    }

    List<String> indexes() throws SQLException {
        return query("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? ORDER BY 1", schema);
    }

    String tableComment(String table) throws SQLException {
        return query("SELECT obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?",
                schema, table).get(0);
    }

    String columnComment(String table, String column) throws SQLException {
        return query("SELECT col_description(c.oid, a.attnum) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attname = ?", schema, table, column).get(0);
    }

    /**
     * Everything about the test schema that an operation can change, one line per fact,
     * sorted; column positions are left out because a re-added column goes to the end.
     */
    List<String> snapshot() throws SQLException {
        List<String> facts = new ArrayList<>();
        // chr(1) parts the fields: test names may hold any printable character, '|' included
        for (String relation : query("SELECT c.relname || chr(1) || c.relkind::text || chr(1)"
                + " || coalesce(obj_description(c.oid, 'pg_class'), '<no comment>')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?", schema)) {
            String[] fields = relation.split("\u0001", -1);
            String name = fields[0];
            facts.add("relation " + String.join("|", fields));
            if (fields[1].equals("i")) {
                // an index's own column names stay as they were when it was built; its definition says it all
                continue;
            }
            for (String column : columns(name)) {
                facts.add("column " + name + "." + column);
            }
            for (String constraint : constraints(name)) {
                facts.add("constraint " + name + "." + constraint);
            }
        }
        facts.addAll(query("SELECT 'comment ' || c.relname || '.' || a.attname || ' ' || d.description"
                + " FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND d.objsubid > 0", schema));
        for (String index : indexes()) {
            facts.add("index " + index);
        }
        facts.addAll(query("SELECT 'sequence ' || c.relname || ' start ' || s.seqstart || ' increment ' || s.seqincrement"
                + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?", schema));
        Collections.sort(facts);
        return facts;
    }
}
