package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.Migration;
import dev.migrations.engine.EngineLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPreloaderTest {

    private MigrationProject project;

    @BeforeEach
    void create(@TempDir Path root) {
        project = new MigrationProject(root);
    }

    /** A migration whose static initializer leaves a mark, to tell loading from initializing. */
    private void write(String id, String parent) throws IOException {
        String mark = "static { System.setProperty(\"preload.test.%s\", \"initialized\"); }".formatted(id);
        project.write(id, parent, mark, "");
    }

    private Path classFile(String id) {
        return project.classFile(id);
    }

    /** The catalog as a later run sees it: metadata from the index, no class loaded yet. */
    private RevisionCatalog catalog() {
        RevisionCatalog.load(project.sources(), "db.migrations", project.classes(), EngineLog.SILENT);
        return RevisionCatalog.load(project.sources(), "db.migrations", project.classes(), EngineLog.SILENT);
    }

    @Test
    void loadsTheClassesAheadWithoutInitializingThem() throws Exception {
        write("aaaaaaaaaaaa", null);
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa");
        RevisionCatalog catalog = catalog();
        List<LoadedRevision> plan = List.of(catalog.revision("aaaaaaaaaaaa"), catalog.revision("bbbbbbbbbbbb"));

        try (ClassPreloader preloader = ClassPreloader.start(plan)) {
            preloader.awaitLoaded();
        }
        // loaded: the class files are no longer needed
        Files.delete(classFile("aaaaaaaaaaaa"));
        Files.delete(classFile("bbbbbbbbbbbb"));
        // not initialized: that waits for the run
        assertThat(System.getProperty("preload.test.aaaaaaaaaaaa")).isNull();
        assertThat(System.getProperty("preload.test.bbbbbbbbbbbb")).isNull();

        Migration migration = catalog.revision("bbbbbbbbbbbb").instantiate();

        assertThat(migration.getClass().getSimpleName()).isEqualTo("R20260101_0000_bbbbbbbbbbbb");
        assertThat(System.getProperty("preload.test.bbbbbbbbbbbb")).isEqualTo("initialized");
        assertThat(System.getProperty("preload.test.aaaaaaaaaaaa")).isNull();
    }

    @Test
    void aClassThatCannotBeLoadedIsLeftForTheRunToReport() throws Exception {
        write("aaaaaaaaaaaa", null);
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa");
        RevisionCatalog catalog = catalog();
        // a class file the cache takes for current (its source did not change) that cannot load
        Files.write(classFile("aaaaaaaaaaaa"), new byte[] {1, 2, 3});
        List<LoadedRevision> plan = List.of(catalog.revision("aaaaaaaaaaaa"), catalog.revision("bbbbbbbbbbbb"));

        try (ClassPreloader preloader = ClassPreloader.start(plan)) {
            preloader.awaitLoaded();
        }
        Files.delete(classFile("bbbbbbbbbbbb"));

        // the missing one did not stop the ones after it
        assertThat(catalog.revision("bbbbbbbbbbbb").instantiate()).isNotNull();
        assertThatThrownBy(() -> catalog.revision("aaaaaaaaaaaa").instantiate())
                .hasMessageContaining("does not declare class db.migrations.R20260101_0000_aaaaaaaaaaaa");
    }
}
