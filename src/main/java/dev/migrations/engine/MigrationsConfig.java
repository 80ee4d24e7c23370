package dev.migrations.engine;

import dev.migrations.engine.db.ConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Everything the engine needs to know about one service, built once by the caller.
 *
 * @param connection          the database, or null for the embedded PostgreSQL
 * @param dataSource          the application's own data source, used instead of {@code connection}
 *                            when given
 * @param revisions           where the revisions are: the sources ({@code src/main/migrations},
 *                            package {@code db.migrations}) or the classes shipped on a class path
 * @param workDirectory       the engine's own files ({@code target/migrations}): compiled
 *                            classes and the embedded database's data; null for shipped revisions
 *                            on a database of the caller's
 * @param schema              the schema migrations act on, or null for the connection's default
 * @param versionTable        the name of the version table
 * @param lockTimeoutMillis   how long to wait for another run holding the migration lock
 * @param acceptChanged       applied revisions whose edited source the user accepts (ids or
 *                            unique prefixes); any other edited one stops the run
 * @param singleTransaction   run all pending revisions of an upgrade or downgrade in one
 *                            transaction instead of one each
 * @param verbose             report the time of each phase at info level
 * @param spelling            how the user names commands and settings, for the advice in errors
 */
public record MigrationsConfig(ConnectionSettings connection, DataSource dataSource, RevisionSource revisions,
                               Path workDirectory,
                               String schema, String versionTable, long lockTimeoutMillis,
                               Set<String> acceptChanged, boolean singleTransaction, boolean verbose,
                               Spelling spelling) {

    public static final String DEFAULT_VERSION_TABLE = "migrations_version";
    public static final String DEFAULT_PACKAGE = RevisionSource.DEFAULT_PACKAGE;

    /** PostgreSQL's limit on a name, in bytes; a longer one would be truncated without a word. */
    private static final int MAX_NAME_BYTES = 63;
    /** The longest suffix the version table's own names add to it ({@code _log}, {@code _pkc}). */
    private static final int VERSION_TABLE_SUFFIX = 4;

    public MigrationsConfig {
        Objects.requireNonNull(revisions, "revisions");
        if (workDirectory == null && revisions instanceof RevisionSource.SourceTree) {
            throw new IllegalArgumentException("compiling the sources needs a work directory");
        }
        versionTable = versionTable == null || versionTable.isBlank() ? DEFAULT_VERSION_TABLE : versionTable;
        schema = schema == null || schema.isBlank() ? null : schema;
        acceptChanged = acceptChanged == null ? Set.of() : Set.copyOf(acceptChanged);
        spelling = spelling == null ? Spelling.LIBRARY : spelling;
        requireName("versionTable", spelling.setting("versionTable"), versionTable,
                MAX_NAME_BYTES - VERSION_TABLE_SUFFIX);
        if (schema != null) {
            requireName("schema", spelling.setting("schema"), schema, MAX_NAME_BYTES);
        }
        if (lockTimeoutMillis < 0) {
            throw new MigrationException("lockTimeout is " + lockTimeoutMillis / 1000 + " s; give "
                    + spelling.setting("lockTimeout") + " the seconds to wait for another run's lock, 0 or more.");
        }
    }

    /** Checked before anything connects, so that a name the server cannot hold is a user error. */
    private static void requireName(String parameter, String property, String name, int maxBytes) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes || name.indexOf('\0') >= 0) {
            throw new MigrationException(parameter + " '" + name.replace("\0", "\\0") + "' cannot be a PostgreSQL name: "
                    + (bytes > maxBytes ? "it is " + bytes + " bytes long in UTF-8 and may have at most " + maxBytes
                    + (maxBytes < MAX_NAME_BYTES ? " (the plugin adds _log to it for the log table)" : "")
                    : "it contains a NUL character") + "; set " + property + " to another name.");
        }
    }

    /** A project's sources in {@code migrationsDirectory}, package {@code migrationsPackage} (null: the default). */
    public MigrationsConfig(ConnectionSettings connection, Path migrationsDirectory, String migrationsPackage,
                            Path workDirectory, String schema, String versionTable, long lockTimeoutMillis,
                            Set<String> acceptChanged, boolean singleTransaction, boolean verbose) {
        this(connection, null, RevisionSource.directory(migrationsDirectory, migrationsPackage), workDirectory, schema,
                versionTable, lockTimeoutMillis, acceptChanged, singleTransaction, verbose, null);
    }

    /** The settings every goal needs; the options that only tune a run left at their defaults. */
    public MigrationsConfig(ConnectionSettings connection, Path migrationsDirectory, String migrationsPackage,
                            Path workDirectory, String schema, String versionTable, long lockTimeoutMillis) {
        this(connection, migrationsDirectory, migrationsPackage, workDirectory, schema, versionTable,
                lockTimeoutMillis, Set.of(), false, false);
    }

    /** The same service on another database (a throwaway one, for autogenerate). */
    public MigrationsConfig withConnection(ConnectionSettings other) {
        return new MigrationsConfig(other, null, revisions, workDirectory, schema, versionTable,
                lockTimeoutMillis, acceptChanged, singleTransaction, verbose, spelling);
    }

    /** The migration sources, for the goals that write or compile them. */
    public Path migrationsDirectory() {
        if (revisions instanceof RevisionSource.SourceTree tree) {
            return tree.directory();
        }
        throw new MigrationException("Writing a revision needs the migration sources, not the classes shipped "
                + revisions.where() + ".");
    }

    public String migrationsPackage() {
        return revisions.packageName();
    }

    public Path classesDirectory() {
        return workDirectory.resolve("classes");
    }

    public Path embeddedDataDirectory() {
        return workDirectory.resolve("pgdata");
    }

    public boolean usesEmbeddedDatabase() {
        return connection == null && dataSource == null;
    }
}
