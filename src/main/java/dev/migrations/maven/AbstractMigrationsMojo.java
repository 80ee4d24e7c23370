package dev.migrations.maven;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.MigrationsConfig;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The parameters every goal shares, turned into one {@link MigrationsConfig}; a goal only
 * says which engine call to make. A user error becomes a build failure with its one-line
 * message and no stack trace.
 *
 * <p>Goal arguments ({@code target}, {@code message}, ...) are declared without a
 * {@code property}: they are read from the command line ({@link CommandLine}), so that a project
 * property of the same name, such as the {@code revision} of a CI-friendly version, never sets one.
 */
abstract class AbstractMigrationsMojo extends AbstractMojo {

    /**
     * JDBC url of the database; none means an embedded PostgreSQL in target/migrations/pgdata.
     * Evaluated by the goal, not by Maven, so that -X does not print a password the url carries.
     */
    @Parameter(property = "migrations.url")
    PlexusConfiguration url;

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

    @Parameter(property = "migrations.directory", defaultValue = "${project.basedir}/src/main/migrations")
    File migrationsDirectory;

    @Parameter(property = "migrations.package", defaultValue = MigrationsConfig.DEFAULT_PACKAGE)
    String migrationsPackage;

    /** Seconds to wait for another migration run that holds the database lock. */
    @Parameter(property = "migrations.lockTimeout", defaultValue = "300")
    long lockTimeout;

    /** Packages scanned for @Entity classes (autogenerate and check): a list, or comma separated. */
    @Parameter(property = "migrations.entityPackages")
    List<String> entityPackages;

    /**
     * Tables and sequences autogenerate and check leave alone, a list or comma separated; {@code *}
     * matches any run of characters (another service's in a shared schema, a tool's own).
     */
    @Parameter(property = "migrations.excludeObjects")
    List<String> excludeObjects;

    /** The persistence unit to read when META-INF/persistence.xml has several. */
    @Parameter(property = "migrations.persistenceUnit")
    String persistenceUnit;

    /**
     * Settings the application's Hibernate runs with (naming strategies, dialect options), so
     * that the compared model is the schema the application would build.
     */
    @Parameter
    Map<String, String> hibernateProperties;

    /**
     * Applied revisions whose source was edited afterwards and that the user accepts as they are
     * now (ids or unique prefixes, a list or comma separated); upgrade records the new checksum.
     */
    @Parameter(property = "migrations.acceptChanged")
    List<String> acceptChanged;

    /** Run all pending revisions in one transaction (Alembic's default, Flyway's group). */
    @Parameter(property = "migrations.singleTransaction", defaultValue = "false")
    boolean singleTransaction;

    /**
     * More detail: the time of each phase, and per goal what its page says. A goal argument
     * ({@code -Dverbose}, {@code -Dmigrations.verbose}): no {@code property} here, so that a
     * project property of that name does not set it.
     */
    @Parameter(defaultValue = "false")
    boolean verbose;

    @Parameter(property = "migrations.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.build.directory}/migrations", readonly = true)
    File workDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Component
    SettingsDecrypter settingsDecrypter;

    /** This build's command line: goal arguments and connection settings that win over the pom. */
    CommandLine commandLine;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping migrations (migrations.skip is set)");
            return;
        }
        Services services = new Services(session.getProjects(), pluginKey());
        if (!services.isService(project)) {
            getLog().debug("No migrations in " + project.getArtifactId() + "; skipping");
            return;
        }
        try {
            if (actsOnOneService()) {
                services.requireOne(goal());
            }
            commandLine = new CommandLine(session.getUserProperties());
            MigrationsConfig config = new ConfigurationReader(this, commandLine, System.getenv(), session.getSettings(),
                    settingsDecrypter).read();
            run(config, new MavenEngineLog(getLog()));
        } catch (MigrationException e) {
            // Without the cause: Maven would append the cause's message to the one line.
            getLog().debug(e);
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Unexpected failure in migrations:" + goal() + ": " + e, e);
        }
    }

    /** Runs the goal's engine call. */
    abstract void run(MigrationsConfig config, EngineLog log);

    abstract String goal();

    /** Goals that change or create one service's revisions refuse to run on several at once. */
    boolean actsOnOneService() {
        return false;
    }

    private String pluginKey() {
        return "dev.migrations:migrations-maven-plugin";
    }
}
