package dev.migrations.maven;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Applies pending revisions in dependency order, each in its own transaction. */
@Mojo(name = "upgrade", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class UpgradeMojo extends RevisionRunMojo {

    /** {@code head}, {@code heads}, a revision id or unique prefix, or {@code +N}. */
    @Parameter(defaultValue = "head")
    String target;

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        new Migrations(config, log).upgrade(commandLine.argument("target", target));
    }

    @Override
    String goal() {
        return "upgrade";
    }
}
