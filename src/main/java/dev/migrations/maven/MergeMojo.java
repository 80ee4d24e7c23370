package dev.migrations.maven;

import dev.migrations.autogen.RevisionScripts;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationsConfig;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a merge revision whose parents are the given revisions, or all heads. */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends AbstractMigrationsMojo {

    @Parameter(property = "message")
    String message;

    /** The revisions to merge, a list or comma separated; all heads when not set. */
    @Parameter(property = "revisions")
    List<String> revisions;

    @Parameter(property = "revisionId")
    String revisionId;

    @Override
    void run(MigrationsConfig config, EngineLog log) {
        new RevisionScripts(config, log, Clock.systemDefaultZone()).merge(message, ListParameter.values(revisions), revisionId);
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
