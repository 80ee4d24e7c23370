package dev.migrations.autogen;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.autogen.schema.SchemaReader;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.engine.MigrationsConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** A database's schema as the service sees it: its configured schema, the version tables left out. */
final class LiveSchema {

    private LiveSchema() {
    }

    static String schemaOf(Connection connection, MigrationsConfig config) throws SQLException {
        if (config.schema() != null) {
            return config.schema();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1) == null ? "public" : rs.getString(1);
        }
    }

    /** With the schema first on the search path, as the model side reads it. */
    static SchemaSnapshot read(Connection connection, String schema, MigrationsConfig config, PostgresDialect dialect)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + dialect.quote(schema));
        }
        return new SchemaReader().read(connection, schema,
                Set.of(config.versionTable(), config.versionTable() + "_log")).withoutVersionTables();
    }
}
