package dev.migrations.maven;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints the head revisions of the migrations directory; needs no database. */
@Mojo(name = "heads", threadSafe = true)
public class HeadsMojo extends AbstractMigrationsMojo {

    /** Each head's depends-on revisions too: a goal argument, -Dverbose or -Dmigrations.verbose. */
    @Parameter(defaultValue = "false")
    boolean verbose;

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        new Migrations(config, log).heads(commandLine.flag("verbose", verbose));
    }

    @Override
    String goal() {
        return "heads";
    }
}
