package dev.migrations.engine.internal;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.db.Database;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import dev.migrations.engine.runner.AdvisoryLock;
import dev.migrations.engine.version.RecordedPosition;
import dev.migrations.engine.version.VersionTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One goal's use of the database: the embedded server if no url is configured, the work
 * connection (with the configured schema first on its search path), and the version table.
 */
public final class DatabaseSession implements AutoCloseable {

    private final EmbeddedPostgresServer embedded;
    private final Database database;
    private final Connection connection;
    private final PostgresDialect dialect;
    private final MigrationsConfig config;
    private final VersionTable versionTable;
    private final String schema;
    /** Read while the catalog loaded, for the first look at the position; used once. */
    private RecordedPosition prefetched;

    private DatabaseSession(EmbeddedPostgresServer embedded, Database database, Connection connection,
                            PostgresDialect dialect, MigrationsConfig config, String schema) {
        this.embedded = embedded;
        this.database = database;
        this.connection = connection;
        this.dialect = dialect;
        this.config = config;
        this.schema = schema;
        this.versionTable = new VersionTable(dialect, config.schema(), config.versionTable());
    }

    public static DatabaseSession open(MigrationsConfig config, PostgresDialect dialect, EngineLog log) {
        EmbeddedPostgresServer embedded = null;
        ConnectionSettings settings = config.connection();
        if (config.dataSource() != null) {
            return connect(null, new Database(config.dataSource()), config, dialect, log);
        }
        if (settings == null && config.workDirectory() == null) {
            throw new MigrationException("No database given: name the database to connect to.");
        }
        if (settings == null) {
            embedded = EmbeddedPostgresServer.start(config.embeddedDataDirectory(), log, config.spelling());
            settings = embedded.connectionSettings();
            log.info("Using the embedded PostgreSQL with its data in " + config.embeddedDataDirectory()
                    + " (set " + config.spelling().setting("url") + " to use your own database)");
        }
        return connect(embedded, new Database(settings, config.spelling()), config, dialect, log);
    }

    private static DatabaseSession connect(EmbeddedPostgresServer embedded, Database database, MigrationsConfig config,
                                           PostgresDialect dialect, EngineLog log) {
        Connection connection = null;
        try {
            connection = database.connect();
            if (config.schema() != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET search_path TO " + dialect.quote(config.schema()));
                }
            }
            String schema = currentSchema(connection, config);
            log.debug("Connected to " + database.displayUrl(connection) + ", schema " + schema);
            return new DatabaseSession(embedded, database, connection, dialect, config, schema);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (embedded != null) {
                embedded.close();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MigrationException("Cannot prepare the connection to " + database.displayUrl(connection) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String currentSchema(Connection connection, MigrationsConfig config) throws SQLException {
        if (config.schema() != null) {
            return config.schema();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            return schema == null ? "public" : schema;
        }
    }

    public Connection connection() {
        return connection;
    }

    public VersionTable versionTable() {
        return versionTable;
    }

    public String schema() {
        return schema;
    }

    /** The database as users know it: its url (password masked), or "the embedded PostgreSQL". */
    public String displayUrl() {
        return embedded != null ? "the embedded PostgreSQL" : database.displayUrl(connection);
    }

    /** Which database and schema a goal acted on, for its output: {@code <url> (schema public)}. */
    public String describe() {
        return displayUrl() + " (schema " + schema + ")";
    }

    /**
     * Reads the recorded position ahead, on the thread that opened the session, for the first
     * {@link #position()}. A failure is left for that call to meet and report.
     */
    public void prefetchPosition() {
        try {
            prefetched = versionTable.position(connection);
        } catch (SQLException e) {
            prefetched = null;
        }
    }

    /**
     * Where the version table says the database is: read ahead once (a look before the lock,
     * which another run may invalidate; what the lock protects is read again), else now.
     */
    public RecordedPosition position() throws SQLException {
        RecordedPosition position = prefetched;
        prefetched = null;
        return position != null ? position : versionTable.position(connection);
    }

    /** Creates the configured schema and the version table if they are missing. */
    public void prepareForWrites() throws SQLException {
        connection.setAutoCommit(true);
        if (config.schema() != null && !schemaExists()) {
            // looked up first: CREATE SCHEMA needs CREATE on the database even when the schema exists
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(config.schema()));
            }
        }
        versionTable.createIfMissing(connection);
    }

    private boolean schemaExists() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            statement.setString(1, config.schema());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    public AdvisoryLock lock(EngineLog log) {
        // what was read before the lock may be out of date once it is held
        prefetched = null;
        return AdvisoryLock.acquire(database, lockScope(), config.lockTimeoutMillis(), log, config.spelling());
    }

    /** What the migration lock protects: the version table, so each service's runs exclude each other. */
    public String lockScope() {
        return schema + "." + config.versionTable();
    }

    @Override
    public void close() {
        closeQuietly(connection);
        if (embedded != null) {
            embedded.close();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing to do: the session is over
            }
        }
    }
}
