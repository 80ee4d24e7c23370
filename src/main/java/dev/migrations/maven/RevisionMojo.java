package dev.migrations.maven;

import dev.migrations.autogen.GitCommit;
import dev.migrations.autogen.RevisionScripts;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.MigrationsConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes one new migration class and prints its path and id. */
@Mojo(name = "revision", threadSafe = true)
public class RevisionMojo extends AbstractMigrationsMojo {

    @Parameter(property = "message")
    String message;

    /** Compare the entity model with the database; default true when entityPackages is set. */
    @Parameter(property = "autogenerate")
    Boolean autogenerate;

    /** Packages scanned for @Entity classes (autogenerate). */
    @Parameter(property = "migrations.entityPackages")
    String entityPackages;

    /** The parent revision; required when there are several heads. */
    @Parameter(property = "head")
    String head;

    @Parameter(property = "revisionId")
    String revisionId;

    /** Commit the new file with git. */
    @Parameter(property = "commit", defaultValue = "false")
    boolean commit;

    @Override
    void run(MigrationsConfig config, EngineLog log) {
        boolean compare = autogenerate != null ? autogenerate : entityPackages != null && !entityPackages.isBlank();
        if (compare) {
            throw new MigrationException("Autogenerate is not available in this version yet; "
                    + "write the revision by hand with -Dautogenerate=false.");
        }
        Path file = new RevisionScripts(config, log, Clock.systemDefaultZone()).createEmpty(message, head, revisionId);
        if (commit) {
            GitCommit.commit(project.getBasedir().toPath(), file, message);
            log.info("Committed " + file.getFileName() + " with git");
        }
    }

    @Override
    String goal() {
        return "revision";
    }

    @Override
    boolean actsOnOneService() {
        return true;
    }
}
