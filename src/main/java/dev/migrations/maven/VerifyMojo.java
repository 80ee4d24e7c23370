package dev.migrations.maven;

import dev.migrations.autogen.Autogenerate;
import dev.migrations.autogen.HistoryVerification;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.lint.TableFacts;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The CI trio on throwaway databases (of the embedded server, or beside the configured database,
 * on its server): a fresh database upgraded to head (and compared with the entities when they are
 * configured), stamped at head again with nothing left to upgrade, and every revision up, down
 * and up again with the schema compared after each step. The configured database is not touched.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class VerifyMojo extends EntityModelMojo {

    @Override
    void compare(MigrationsConfig config, MavenEngineLog log) {
        LintWarnings.report(new Migrations(config, log).recordedUpgrades(), TableFacts.NONE, "revision(s)", log);
        HistoryVerification.Result result = new HistoryVerification(config, log).run();
        if (ProjectModel.hasEntities(project, entityPackages)) {
            Autogenerate.Comparison comparison = ProjectModel.autogenerate(this, config, DevDatabase.EMBEDDED, log,
                    Autogenerate::compare);
            requireMatch(comparison, "the schema the revisions build", log);
            log.info("  the entity model matches the schema at head (" + comparison.model().entityCount()
                    + " entities)");
        }
        log.info("Verified " + result.revisions() + " revision(s).");
    }

    @Override
    String goal() {
        return "verify";
    }
}
