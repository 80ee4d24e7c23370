package dev.migrations.maven;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import org.apache.maven.plugins.annotations.Mojo;

/** Prints the database's current revision(s), marking (head). */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends AbstractMigrationsMojo {

    @Override
    void run(MigrationsConfig config, EngineLog log) {
        new Migrations(config, log).current(config.verbose());
    }

    @Override
    String goal() {
        return "current";
    }
}
