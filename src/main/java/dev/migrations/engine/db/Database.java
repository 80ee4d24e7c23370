package dev.migrations.engine.db;

import dev.migrations.engine.MigrationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections and turns the driver's connection failures into errors a user can act on. */
public final class Database {

    private final ConnectionSettings settings;

    public Database(ConnectionSettings settings) {
        this.settings = settings;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public Connection connect() {
        Properties properties = new Properties();
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "migrations-maven-plugin");
        properties.setProperty("connectTimeout", "10");
        try {
            if (!settings.url().startsWith("jdbc:postgresql:")) {
                throw new MigrationException("Unsupported database url " + settings.displayUrl()
                        + "; this version supports PostgreSQL (jdbc:postgresql://host:port/database).");
            }
            return DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException e) {
            throw new MigrationException(describeFailure(e), e);
        }
    }

    private String describeFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = settings.displayUrl();
        if (state.equals("28P01") || state.equals("28000")) {
            String who = settings.username() == null ? "" : " as " + settings.username();
            return "Cannot log in to " + where + who + ": wrong user name or password; check migrations.username/migrations.password or the settings.xml server.";
        }
        if (state.equals("3D000")) {
            return "Database in " + where + " does not exist; create it or fix migrations.url.";
        }
        if (state.startsWith("08")) {
            return "Cannot connect to " + where + ": " + firstLine(e.getMessage())
                    + "; check that the database runs and that migrations.url is right.";
        }
        return "Cannot connect to " + where + ": " + firstLine(e.getMessage()) + ".";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
