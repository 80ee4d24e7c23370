package dev.migrations.maven;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Records the database as being at a revision without running anything (adopting a database). */
@Mojo(name = "stamp", threadSafe = true)
public class StampMojo extends ConnectingMojo {

    /** {@code head}, {@code base}, or a revision id or unique prefix. */
    @Parameter
    String revision;

    /** Erase the recorded position first, even if it names revisions that no longer exist. */
    @Parameter(defaultValue = "false")
    boolean purge;

    /** Seconds to wait for another migration run that holds the database lock. */
    @Parameter(property = "migrations.lockTimeout", defaultValue = RunOptions.DEFAULT_LOCK_TIMEOUT)
    long lockTimeout;

    @Override
    RunOptions options() {
        return new RunOptions(lockTimeout, List.of(), false, false);
    }

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        String revision = commandLine.argument("revision", this.revision);
        if (revision == null || revision.isBlank()) {
            throw new MigrationException("migrations:stamp needs a revision: -Drevision=head, -Drevision=base or -Drevision=<id>.");
        }
        new Migrations(config, log).stamp(revision, commandLine.flag("purge", purge));
    }

    @Override
    String goal() {
        return "stamp";
    }

    @Override
    boolean actsOnOneService() {
        return true;
    }
}
