package dev.migrations.autogen;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.db.Database;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Databases made for one comparison or check and dropped after it: on the embedded server, or
 * on the server of a database the user named, beside it (that database itself is not touched).
 */
final class ThrowawayDatabases {

    /** {@code jdbc:postgresql://hosts/database?parameters}: what stands between the hosts and the parameters is replaced. */
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private final ConnectionSettings admin;
    private final Function<String, ConnectionSettings> database;
    /** Where they are made, for the user: "the embedded PostgreSQL", or the server of a url, masked. */
    private final String where;
    /** What to do when making them is refused; empty on the embedded server, where it is not. */
    private final String whenRefused;

    private ThrowawayDatabases(ConnectionSettings admin, Function<String, ConnectionSettings> database, String where,
                               String whenRefused) {
        this.admin = admin;
        this.database = database;
        this.where = where;
        this.whenRefused = whenRefused;
    }

    static ThrowawayDatabases on(EmbeddedPostgresServer server) {
        return new ThrowawayDatabases(server.connectionSettings(), server::connectionSettings,
                "the embedded PostgreSQL", "");
    }

    /**
     * On the server of {@code named}, with its credentials: the databases are reached by its url
     * with their own name in place of its database's.
     */
    static ThrowawayDatabases beside(ConnectionSettings named) {
        Matcher url = URL.matcher(named.url());
        if (!url.matches()) {
            throw new MigrationException("Cannot make throwaway databases beside " + named.displayUrl()
                    + ": give the url as jdbc:postgresql://host:port/database, or leave it out to use the embedded"
                    + " PostgreSQL.");
        }
        String parameters = url.group(3) == null ? "" : url.group(3);
        return new ThrowawayDatabases(named, name -> new ConnectionSettings(url.group(1) + "/" + name + parameters,
                named.username(), named.password(), named.passwordOrigin()), "the server of " + named.displayUrl(),
                " They are made and dropped beside the configured database: connect as a user allowed to create"
                        + " databases (CREATEDB), or leave the url out to use the embedded PostgreSQL.");
    }

    String where() {
        return where;
    }

    /** The line for a failure to make, reach or read them. */
    String failed(SQLException e) {
        return "Cannot use a throwaway database of " + where + ": " + e.getMessage() + "." + whenRefused;
    }

    ConnectionSettings create(String name, boolean reuse) throws SQLException {
        try (Connection connection = new Database(admin).connect();
             Statement statement = connection.createStatement()) {
            if (reuse) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (rs.next()) {
                        return database.apply(name);
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
        return database.apply(name);
    }

    void drop(String name) {
        try (Connection connection = new Database(admin).connect();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // A leftover throwaway database costs disk space only; its name says what it is.
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
