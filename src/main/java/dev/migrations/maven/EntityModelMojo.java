package dev.migrations.maven;

import dev.migrations.autogen.Autogenerate;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.MigrationsConfig;
import java.util.List;
import java.util.Map;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that compares the project's entity model with a schema (revision, check): the
 * parameters that say which classes make the model and what to leave alone.
 */
abstract class EntityModelMojo extends ConnectingMojo {

    /** Packages scanned for @Entity classes: a list, or comma separated. */
    @Parameter(property = "migrations.entityPackages")
    List<String> entityPackages;

    /**
     * Tables and sequences the comparison leaves alone, a list or comma separated; {@code *}
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

    /** {@code embedded}: compare with a throwaway embedded PostgreSQL upgraded to head. */
    @Parameter
    String devDatabase;

    /** Print where the time went, phase by phase: a goal argument, -Dverbose or -Dmigrations.verbose. */
    @Parameter(defaultValue = "false")
    boolean verbose;

    @Component
    LifecycleExecutor lifecycleExecutor;

    /**
     * Compiles the project first when run from the command line; bound in the lifecycle, the
     * build has compiled it ({@link ProjectCompilation}).
     */
    @Override
    final void run(MigrationsConfig config, MavenEngineLog log) throws MojoExecutionException, MojoFailureException {
        new ProjectCompilation(lifecycleExecutor, session).compileFor(mojoExecution);
        compare(config, log);
    }

    /** The goal's engine call, once the project's classes are compiled. */
    abstract void compare(MigrationsConfig config, MavenEngineLog log);

    @Override
    RunOptions options() {
        return new RunOptions(RunOptions.DEFAULTS.lockTimeoutSeconds(), List.of(), false, verbose());
    }

    boolean verbose() {
        return commandLine.flag("verbose", verbose);
    }

    /**
     * Fails listing the differences when the entity model differs from {@code schema}; they go
     * out at error level, since they are why the build fails and {@code mvn -q} shows nothing below.
     */
    static void requireMatch(Autogenerate.Comparison comparison, String schema, MavenEngineLog log) {
        if (!comparison.hasChanges()) {
            return;
        }
        for (String line : comparison.changeLines()) {
            log.error("  " + line);
        }
        throw new MigrationException("The entity model differs from " + schema + " in "
                + comparison.operations().size() + " way(s), listed above; write the migration with "
                + "mvn migrations:revision -Dmessage=\"...\".");
    }

    /** The -DdevDatabase argument, or the pom's. */
    String devDatabase() {
        return commandLine.argument("devDatabase", devDatabase);
    }
}
