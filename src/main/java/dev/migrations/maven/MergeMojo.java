package dev.migrations.maven;

import dev.migrations.script.RevisionScripts;
import dev.migrations.engine.MigrationsConfig;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a merge revision whose parents are the given revisions, or all heads. */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends AbstractMigrationsMojo {

    /** What the merge revision says it merges. */
    @Parameter
    String message;

    /** The revisions to merge, a list or comma separated; all heads when not set. */
    @Parameter
    List<String> revisions;

    /** The merge revision's id; 12 random hex characters when not set. */
    @Parameter
    String revisionId;

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        new RevisionScripts(config, log, Clock.systemDefaultZone()).merge(commandLine.argument("message", message),
                commandLine.list("revisions", revisions), commandLine.argument("revisionId", revisionId));
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
