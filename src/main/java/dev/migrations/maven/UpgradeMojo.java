package dev.migrations.maven;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Applies pending revisions in dependency order, each in its own transaction. */
@Mojo(name = "upgrade", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class UpgradeMojo extends RevisionRunMojo {

    /** {@code head}, {@code heads}, a revision id or unique prefix, or {@code +N}; with -Dsql also {@code from:to}. */
    @Parameter(defaultValue = "head")
    String target;

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        String target = commandLine.argument("target", this.target);
        Path script = sqlFile("upgrade");
        if (script != null) {
            new Migrations(config, log).sql(target, true, script);
        } else {
            new Migrations(config, log).upgrade(target);
        }
    }

    @Override
    String goal() {
        return "upgrade";
    }
}
