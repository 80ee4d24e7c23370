package dev.migrations.maven;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import org.apache.maven.plugins.annotations.Mojo;

/** Prints the head revisions of the migrations directory; needs no database. */
@Mojo(name = "heads", threadSafe = true)
public class HeadsMojo extends AbstractMigrationsMojo {

    @Override
    void run(MigrationsConfig config, EngineLog log) {
        new Migrations(config, log).heads(config.verbose());
    }

    @Override
    String goal() {
        return "heads";
    }
}
