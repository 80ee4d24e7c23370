package dev.migrations.maven;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists revisions newest first with parents, branch and merge points; the current ones marked. */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends ConnectingMojo {

    /** {@code from:to}, either side optional, e.g. {@code ae10:} or {@code :head}. */
    @Parameter
    String range;

    /**
     * Each revision's file, creation time and depends-on revisions too: a goal argument,
     * -Dverbose or -Dmigrations.verbose.
     */
    @Parameter(defaultValue = "false")
    boolean verbose;

    /** Show the newest N revisions only: a goal argument, -Dlimit or -Dmigrations.limit; 0 shows all. */
    @Parameter(defaultValue = "0")
    int limit;

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        new Migrations(config, log).history(commandLine.argument("range", range),
                commandLine.flag("verbose", verbose), LimitArgument.of(commandLine, limit));
    }

    @Override
    String goal() {
        return "history";
    }
}
