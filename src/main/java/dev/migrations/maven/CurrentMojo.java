package dev.migrations.maven;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints the database's current revision(s), marking (head). */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends ConnectingMojo {

    /** When and by whom each current revision was applied: a goal argument, -Dverbose or -Dmigrations.verbose. */
    @Parameter(defaultValue = "false")
    boolean verbose;

    /**
     * Applied revisions whose source was edited afterwards and that the user accepts as they are
     * now (ids or unique prefixes, a list or comma separated); any other edited one is an error.
     */
    @Parameter(property = "migrations.acceptChanged")
    List<String> acceptChanged;

    @Override
    RunOptions options() {
        return new RunOptions(RunOptions.DEFAULTS.lockTimeoutSeconds(), acceptChanged, false, false);
    }

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        new Migrations(config, log).current(commandLine.flag("verbose", verbose));
    }

    @Override
    String goal() {
        return "current";
    }
}
