package dev.migrations.maven;

import dev.migrations.autogen.Autogenerate;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * A CI gate: fails when revisions are pending or the entity model differs from the schema at
 * head, and prints the differences. Run from the command line it compiles the project first, as
 * revision does; bound in the build (in verify, say) it checks the classes the build compiled.
 */
@Mojo(name = "check", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public class CheckMojo extends EntityModelMojo {

    /**
     * Applied revisions whose source was edited afterwards and that the user accepts as they are
     * now (ids or unique prefixes, a list or comma separated); any other edited one fails the check.
     */
    @Parameter(property = "migrations.acceptChanged")
    List<String> acceptChanged;

    @Override
    RunOptions options() {
        return new RunOptions(RunOptions.DEFAULTS.lockTimeoutSeconds(), acceptChanged, false, verbose());
    }

    @Override
    void compare(MigrationsConfig config, MavenEngineLog log) {
        String devDatabase = devDatabase();
        boolean throwaway = config.usesEmbeddedDatabase() || DevDatabase.isThrowaway(devDatabase);
        if (!throwaway) {
            Migrations.PendingUpgrades pending = new Migrations(config, log).pendingUpgrades();
            try (Migrations.Position position = pending.position()) {
                LintWarnings.report(pending.upgrades(), pending.tables(), "pending revision(s)", log);
                if (!position.isAtHead()) {
                    throw new MigrationException("Revisions are pending: the database is at " + position.describe()
                            + " in " + position.database() + "; run mvn migrations:upgrade.");
                }
                log.info(position.database() + " is at " + position.describe() + "; no revision is pending.");
            }
        }
        if (!ProjectModel.hasEntities(project, entityPackages)) {
            log.info("No entities configured (migrations.entityPackages); only the revisions were checked.");
            return;
        }
        Autogenerate.Comparison comparison = ProjectModel.autogenerate(this, config, devDatabase, log,
                Autogenerate::compare);
        requireMatch(comparison, "the schema at head", log);
        log.info("The entity model matches the schema at head (" + comparison.model().entityCount() + " entities, "
                + comparison.comparedWith() + ").");
    }

    @Override
    String goal() {
        return "check";
    }
}
