package dev.migrations.maven;

import dev.migrations.engine.MigrationsConfig;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * A goal that connects to the service's database: the settings that say which database and how
 * to log in, read by {@link ConfigurationReader} (the command line wins over the environment,
 * which wins over the pom).
 */
abstract class ConnectingMojo extends AbstractMigrationsMojo {

    /**
     * JDBC url of the database; none means an embedded PostgreSQL in target/migrations/pgdata.
     * Evaluated by the goal, not by Maven, so that -X does not print a password the url carries.
     */
    @Parameter(property = "migrations.url")
    PlexusConfiguration url;

    /** The database user. */
    @Parameter(property = "migrations.username")
    String username;

    /** Never printed, -X included. Prefer serverId with an encrypted password in settings.xml. */
    @Parameter(property = "migrations.password")
    PlexusConfiguration password;

    /** The id of a server in settings.xml whose username and password to use. */
    @Parameter(property = "migrations.serverId")
    String serverId;

    /** The schema migrations act on; the connection's default schema when not set. */
    @Parameter(property = "migrations.schema")
    String schema;

    /**
     * The version table; {@value MigrationsConfig#DEFAULT_VERSION_TABLE} when not set. No default
     * value here: a value Maven filled in could not be told from one the pom sets, which the
     * environment's MIGRATIONS_VERSION_TABLE overrides.
     */
    @Parameter(property = "migrations.versionTable")
    String versionTable;

    @Component
    SettingsDecrypter settingsDecrypter;

    @Override
    final MigrationsConfig config() {
        return new ConfigurationReader(this, commandLine, System.getenv(), session.getSettings(), settingsDecrypter)
                .read(options());
    }

    /** What this goal's own parameters set of how it runs; the defaults for a goal that has none. */
    RunOptions options() {
        return RunOptions.DEFAULTS;
    }
}
