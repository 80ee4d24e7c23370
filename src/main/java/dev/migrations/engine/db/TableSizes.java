package dev.migrations.engine.db;

import dev.migrations.lint.TableFacts;
import dev.migrations.lint.TableSize;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The size of every ordinary table the connection can see, from the catalog in one query: the
 * heap's bytes on disk ({@code pg_relation_size}, exact: 0 means no row) and the planner's row
 * estimate ({@code reltuples}, -1 before the first ANALYZE). Neither reads a row.
 */
public final class TableSizes {

    private TableSizes() {
    }

    /** @param defaultSchema the schema operations without one act on */
    public static TableFacts read(Connection connection, String defaultSchema) throws SQLException {
        Map<String, TableSize> sizes = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT n.nspname, c.relname, pg_relation_size(c.oid),"
                     + " c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                     + " AND n.nspname NOT LIKE 'pg\\_toast%'")) {
            while (rs.next()) {
                sizes.put(rs.getString(1) + "." + rs.getString(2), new TableSize(rs.getLong(3), rs.getLong(4)));
            }
        }
        return new TableFacts(sizes, defaultSchema);
    }
}
