package dev.migrations.maven;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.source.ShippedIndex;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles the migrations into the project's classes with their index, so that the jar the
 * build packages ships them and the application can apply them without Maven. Needs no database.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class CompileMojo extends AbstractMigrationsMojo {

    /** Where the classes and the index go: the project's own classes, which the jar packages. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File outputDirectory;

    @Override
    void run(MigrationsConfig config, MavenEngineLog log) {
        ShippedIndex.Written written = new Migrations(config, log).ship(outputDirectory.toPath());
        log.info(written.revisions() + (written.revisions() == 1 ? " revision" : " revisions") + " of package "
                + config.migrationsPackage() + " compiled into " + outputDirectory + ", listed in "
                + outputDirectory.toPath().relativize(written.index()));
    }

    @Override
    String goal() {
        return "compile";
    }
}
