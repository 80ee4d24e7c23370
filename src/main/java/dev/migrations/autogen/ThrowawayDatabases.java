package dev.migrations.autogen;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.db.Database;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases made on the embedded server for one comparison or check, and dropped after it. */
final class ThrowawayDatabases {

    private ThrowawayDatabases() {
    }

    static ConnectionSettings create(EmbeddedPostgresServer server, String name, boolean reuse)
            throws SQLException {
        try (Connection admin = new Database(server.connectionSettings()).connect();
             Statement statement = admin.createStatement()) {
            if (reuse) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (rs.next()) {
                        return server.connectionSettings(name);
                    }
                }
            }
            try {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                // 42P04: another build created it first, which is just as good.
                if (!reuse || !"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        return server.connectionSettings(name);
    }

    static void drop(EmbeddedPostgresServer server, String name) {
        try (Connection admin = new Database(server.connectionSettings()).connect();
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // A leftover throwaway database costs disk space only; the next clean removes it.
        }
    }

    /** The throwaway database's upgrade is a means, not news: its progress goes to debug. */
    static EngineLog quiet(EngineLog log) {
        return new EngineLog() {
            @Override
            public void info(String message) {
                log.debug(message);
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }
        };
    }
}
