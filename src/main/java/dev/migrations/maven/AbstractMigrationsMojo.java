package dev.migrations.maven;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.RevisionSource;
import dev.migrations.engine.db.ConnectionSettings;
import java.io.File;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal reads: where the service's migrations are, and whether to skip. A goal
 * declares the parameters it reads itself (or through {@link ConnectingMojo} when it connects), so
 * that {@code mvn migrations:help -Ddetail} lists under each goal only what that goal uses; it
 * only says which engine call to make. A user error becomes a build failure with its one-line
 * message and no stack trace.
 *
 * <p>Goal arguments ({@code target}, {@code message}, ...) are declared without a
 * {@code property}: they are read from the command line ({@link CommandLine}), so that a project
 * property of the same name, such as the {@code revision} of a CI-friendly version, never sets one.
 */
abstract class AbstractMigrationsMojo extends AbstractMojo {

    /** The source root of the migration classes. */
    @Parameter(property = "migrations.directory", defaultValue = "${project.basedir}/src/main/migrations")
    File migrationsDirectory;

    /** The package of the migration classes. */
    @Parameter(property = "migrations.package", defaultValue = MigrationsConfig.DEFAULT_PACKAGE)
    String migrationsPackage;

    /** Do nothing. */
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
            run(config(), services.severalIn() ? MavenEngineLog.ofService(getLog(), project.getArtifactId())
                    : MavenEngineLog.of(getLog()));
        } catch (MigrationException e) {
            // Without the cause: Maven would append the cause's message to the one line.
            getLog().debug(e);
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Unexpected failure in migrations:" + goal() + ": " + e, e);
        }
    }

    /** The engine's configuration: this service's migrations, with no database (a goal that connects adds it). */
    MigrationsConfig config() {
        return config(null, null, null, RunOptions.DEFAULTS);
    }

    MigrationsConfig config(ConnectionSettings connection, String schema, String versionTable, RunOptions options) {
        return new MigrationsConfig(connection, null,
                RevisionSource.directory(migrationsDirectory.toPath(), migrationsPackage), workDirectory.toPath(),
                schema, versionTable, options.lockTimeoutSeconds() * 1000,
                Set.copyOf(ListParameter.values(options.acceptChanged())), options.singleTransaction(),
                options.verbose(), new MavenSpelling());
    }

    /** Runs the goal's engine call; {@code log} names the service when the build has several. */
    abstract void run(MigrationsConfig config, MavenEngineLog log) throws MojoExecutionException, MojoFailureException;

    abstract String goal();

    /** Goals that change or create one service's revisions refuse to run on several at once. */
    boolean actsOnOneService() {
        return false;
    }

    private String pluginKey() {
        return "dev.migrations:migrations-maven-plugin";
    }
}
