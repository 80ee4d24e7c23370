package dev.migrations.engine;

import dev.migrations.engine.internal.SystemLoggerLog;
import dev.migrations.engine.db.ConnectionSettings;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Sets up the engine for an application that applies or checks its migrations itself: the
 * database (its {@link DataSource}, or a url), where the revisions are (by default the ones its
 * jar ships, package {@code db.migrations}), and where progress goes (by default
 * {@link System.Logger} {@code dev.migrations}).
 *
 * <pre>{@code
 * Migrations migrations = Migrations.configure().dataSource(dataSource).load();
 * migrations.status().requireUpToDate();
 * }</pre>
 */
public final class MigrationsBuilder {

    private ConnectionSettings connection;
    private DataSource dataSource;
    private RevisionSource revisions;
    private String schema;
    private String versionTable;
    private Duration lockTimeout = Duration.ofMinutes(5);
    private Set<String> acceptChanged = Set.of();
    private EngineLog log = new SystemLoggerLog(System.getLogger("dev.migrations"));

    MigrationsBuilder() {
    }

    /** Connections from the application's own data source (its pool and credentials). */
    public MigrationsBuilder dataSource(DataSource dataSource) {
        this.dataSource = dataSource;
        this.connection = null;
        return this;
    }

    /** A PostgreSQL url; {@code username} and {@code password} may be null when the url or the server needs none. */
    public MigrationsBuilder url(String url, String username, String password) {
        this.connection = new ConnectionSettings(url, username, password, password == null ? null : "the caller");
        this.dataSource = null;
        return this;
    }

    public MigrationsBuilder revisions(RevisionSource revisions) {
        this.revisions = revisions;
        return this;
    }

    /** The schema the migrations act on and the version table lives in; default: the connection's own. */
    public MigrationsBuilder schema(String schema) {
        this.schema = schema;
        return this;
    }

    /** Default {@code migrations_version}, as the Maven goals use. */
    public MigrationsBuilder versionTable(String versionTable) {
        this.versionTable = versionTable;
        return this;
    }

    /** How long a run waits for another one's lock before it fails; default 5 minutes. */
    public MigrationsBuilder lockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
        return this;
    }

    /**
     * Applied revisions whose edited source is accepted as it is now (ids or unique prefixes): an
     * upgrade records their new checksums instead of refusing to run.
     */
    public MigrationsBuilder acceptChanged(String... revisions) {
        this.acceptChanged = Set.of(revisions);
        return this;
    }

    /** Where progress lines go; {@link EngineLog#SILENT} for none. */
    public MigrationsBuilder log(EngineLog log) {
        this.log = log;
        return this;
    }

    public Migrations load() {
        if (connection == null && dataSource == null) {
            throw new MigrationException("No database given: call dataSource(...) or url(...) before load().");
        }
        RevisionSource source = revisions != null ? revisions
                : RevisionSource.classpath(null);
        return new Migrations(new MigrationsConfig(connection, dataSource, source,
                null, schema, versionTable, lockTimeout.toMillis(), acceptChanged, false, false, Spelling.LIBRARY), log);
    }
}
