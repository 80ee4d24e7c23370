package dev.migrations.maven;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists every revision, newest first, marked [X] when the database has it applied and [ ]
 * when not, as history shows them; then what is pending or edited. Reads only.
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends ConnectingMojo {

    /** Show the newest N revisions only: a goal argument, -Dlimit or -Dmigrations.limit; 0 shows all. */
    @Parameter(defaultValue = "0")
    int limit;

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        new Migrations(config, log).statusList(LimitArgument.of(commandLine, limit));
    }

    @Override
    String goal() {
        return "status";
    }
}
