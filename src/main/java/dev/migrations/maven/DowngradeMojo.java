package dev.migrations.maven;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Runs downgrade() of applied revisions, newest first, down to the target. */
@Mojo(name = "downgrade", threadSafe = true)
public class DowngradeMojo extends RevisionRunMojo {

    /** {@code -N}, {@code base}, or a revision id or unique prefix to stay at; with -Dsql also {@code from:to}. */
    @Parameter
    String target;

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        String target = commandLine.argument("target", this.target);
        if (target == null || target.isBlank()) {
            throw new MigrationException("migrations:downgrade needs a target: -Dtarget=-1, -Dtarget=base or -Dtarget=<revision id>.");
        }
        Path script = sqlFile("downgrade");
        if (script != null) {
            new Migrations(config, log).sql(target, false, script);
        } else {
            new Migrations(config, log).downgrade(target);
        }
    }

    @Override
    String goal() {
        return "downgrade";
    }

    @Override
    boolean actsOnOneService() {
        return true;
    }
}
