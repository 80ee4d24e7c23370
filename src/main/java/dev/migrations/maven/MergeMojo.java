package dev.migrations.maven;

import dev.migrations.autogen.RevisionScripts;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationsConfig;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a merge revision whose parents are the given revisions, or all heads. */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends AbstractMigrationsMojo {

    @Parameter(property = "message")
    String message;

    /** Comma-separated revisions to merge; all heads when not set. */
    @Parameter(property = "revisions")
    String revisions;

    @Parameter(property = "revisionId")
    String revisionId;

    @Override
    void run(MigrationsConfig config, EngineLog log) {
        new RevisionScripts(config, log, Clock.systemDefaultZone()).merge(message, split(revisions), revisionId);
    }

    @Override
    String goal() {
        return "merge";
    }

    @Override
    boolean actsOnOneService() {
        return true;
    }
}
