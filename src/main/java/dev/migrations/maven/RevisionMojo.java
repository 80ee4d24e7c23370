package dev.migrations.maven;

import dev.migrations.script.GitCommit;
import dev.migrations.script.RevisionScripts;
import dev.migrations.engine.MigrationsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes one new migration class and prints its path and id. With entities configured it
 * compares them with the schema at head and writes the difference. Run from the command line
 * it compiles the project first, so it works on a fresh clone and right after an entity changes.
 */
@Mojo(name = "revision", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public class RevisionMojo extends EntityModelMojo {

    /** What the revision does: its javadoc, its @Revision message and its file name's slug. */
    @Parameter
    String message;

    /** Compare the entity model with the database; default true when entities are configured. */
    @Parameter
    Boolean autogenerate;

    /** The parent revision; required when there are several heads. */
    @Parameter
    String head;

    /** The new revision's id; 12 random hex characters when not set. */
    @Parameter
    String revisionId;

    /** Commit the new file with git. */
    @Parameter(defaultValue = "false")
    boolean commit;

    @Override
    void compare(MigrationsConfig config, MavenEngineLog log) {
        String message = commandLine.argument("message", this.message);
        String head = commandLine.argument("head", this.head);
        String revisionId = commandLine.argument("revisionId", this.revisionId);
        Boolean autogenerate = commandLine.flag("autogenerate", this.autogenerate);
        String devDatabase = devDatabase();
        boolean compare = autogenerate != null ? autogenerate : ProjectModel.hasEntities(project, entityPackages);
        Optional<Path> file;
        if (compare) {
            file = ProjectModel.autogenerate(this, config, devDatabase, log,
                    autogen -> autogen.revision(message, head, revisionId, Clock.systemDefaultZone()));
        } else {
            file = Optional.of(new RevisionScripts(config, log, Clock.systemDefaultZone())
                    .createEmpty(message, head, revisionId));
        }
        if (commandLine.flag("commit", commit) && file.isPresent()) {
            GitCommit.commit(project.getBasedir().toPath(), file.get(), message);
            log.info("Committed " + file.get().getFileName() + " with git");
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
