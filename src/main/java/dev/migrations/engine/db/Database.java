package dev.migrations.engine.db;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Spelling;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.util.PSQLState;

/** Opens connections and turns the driver's connection failures into errors a user can act on. */
public final class Database {

    private static final Driver DRIVER = new org.postgresql.Driver();

    private final ConnectionSettings settings;
    /** How the user names the url and the password's sources, for the advice on a failed connection. */
    private final Spelling spelling;
    /** The application's own pool or driver, when it passed one instead of a url; null otherwise. */
    private final DataSource dataSource;

    public Database(ConnectionSettings settings) {
        this(settings, Spelling.LIBRARY);
    }

    public Database(ConnectionSettings settings, Spelling spelling) {
        this.settings = settings;
        this.spelling = spelling;
        this.dataSource = null;
    }

    /** Connections from an application's {@link DataSource}: its pool, its credentials. */
    public Database(DataSource dataSource) {
        this.settings = null;
        this.spelling = Spelling.LIBRARY;
        this.dataSource = dataSource;
    }

    /** The url and credentials; null for a data source. */
    public ConnectionSettings settings() {
        return settings;
    }

    /** The url with its password masked, for output; the data source's own url once connected. */
    public String displayUrl(Connection connection) {
        if (settings != null) {
            return settings.displayUrl();
        }
        try {
            return JdbcUrlMask.mask(connection.getMetaData().getURL());
        } catch (SQLException | RuntimeException e) {
            return "the application's DataSource";
        }
    }

    public Connection connect() {
        if (dataSource != null) {
            try {
                Connection connection = dataSource.getConnection();
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);   // a pool may hand out connections in a transaction
                }
                return connection;
            } catch (SQLException e) {
                throw new MigrationException("Cannot connect with the application's DataSource: "
                        + firstLine(e.getMessage()) + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState()
                        + "]") + ".", e);
            }
        }
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
            // The driver itself, not DriverManager: that would first scan every jar of the plugin for
            // java.sql.Driver services (Hibernate's and SchemaCrawler's included) on each goal's start.
            Connection connection = DRIVER.connect(settings.url(), properties);
            try {
                noticeDeadClient(connection);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            throw new MigrationException(describeFailure(e), e);
        }
    }

    /**
     * A backend busy with a long statement notices that its client died only when it next
     * talks to it, holding its locks until then: a killed build would block the next run for
     * as long as the statement takes. From PostgreSQL 14 the server can poll the socket.
     */
    private static void noticeDeadClient(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('client_connection_check_interval', '1000', false) "
                    + "WHERE current_setting('server_version_num')::int >= 140000");
        }
    }

    private String describeFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = settings.displayUrl();
        String who = settings.username() == null ? "" : " as " + settings.username();
        if (state.equals("28000")) {
            return "Cannot log in to " + where + who + ": the server refuses the login (" + firstLine(e.getMessage())
                    + "); check the user name, and that the server's pg_hba.conf lets it in from this host.";
        }
        if (state.equals("28P01")) {
            String rejected = settings.passwordOrigin() == null ? "the user name or password"
                    : "the password from " + settings.passwordOrigin();
            return "Cannot log in to " + where + who + ": the server rejected " + rejected + " ("
                    + firstLine(e.getMessage()) + "); fix it, or give the right one with " + spelling.passwordSources() + ".";
        }
        // the driver's own refusal to try, before the server could check anything
        if (state.equals(PSQLState.CONNECTION_REJECTED.getState()) && settings.password() == null
                && String.valueOf(e.getMessage()).contains("no password was provided")) {
            return "Cannot log in to " + where + who + ": the server asks for a password and none was given; give it with "
                    + spelling.passwordSources() + ".";
        }
        if (state.equals("3D000")) {
            return "Database in " + where + " does not exist; create it or fix " + spelling.setting("url") + ".";
        }
        if (state.startsWith("08")) {
            return "Cannot connect to " + where + ": " + firstLine(e.getMessage())
                    + "; check that the database runs and that " + spelling.setting("url") + " is right.";
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
