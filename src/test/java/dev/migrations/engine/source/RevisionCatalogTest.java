package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.graph.InvalidBranchLabelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionCatalogTest {

    @TempDir
    Path project;

    private Path sources() {
        return new MigrationProject(project).sources();
    }

    private Path classes() {
        return new MigrationProject(project).classes();
    }

    private void write(String id, String parent, String extra) throws IOException {
        new MigrationProject(project).write(id, parent, "", extra);
    }

    @Test
    void loadsRevisionMetadataFromTheCompiledClasses() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");

        RevisionCatalog catalog = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);

        assertThat(catalog.size()).isEqualTo(2);
        assertThat(catalog.graph().head().id()).isEqualTo("bbbbbbbbbbbb");
        assertThat(catalog.revision("bbbbbbbbbbbb").node().parents()).isEqualTo(List.of("aaaaaaaaaaaa"));
        assertThat(catalog.revision("bbbbbbbbbbbb").message()).isEqualTo("m bbbbbbbbbbbb");
        assertThat(catalog.revision("aaaaaaaaaaaa").instantiate()).isNotNull();
    }

    @Test
    void aSecondLoadReadsTheSameRevisionsFromTheCacheWithoutTheirClasses() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");
        Path dir = sources().resolve("db/migrations");
        Files.writeString(dir.resolve("R20260101_0000_cccccccccccc.java"), """
                package db.migrations;

                import dev.migrations.api.*;

                @Revision(id = "cccccccccccc", parents = "bbbbbbbbbbbb", dependsOn = "aaaaaaaaaaaa",
                        branchLabels = {"billing", "x"}, message = "odd: \\u00e9 = ; # ! \\\\ \\n",
                        created = "2026-01-01T00:00:00", transactional = false)
                public class R20260101_0000_cccccccccccc implements Migration {
                    public void upgrade(Operations op) { }
                    public void downgrade(Operations op) { }
                }
                """);
        RevisionCatalog fromClasses = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);

        RevisionCatalog fromIndex = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);

        assertThat(fromIndex.graph().all()).isEqualTo(fromClasses.graph().all());
        for (String id : List.of("aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc")) {
            LoadedRevision cached = fromIndex.revision(id);
            LoadedRevision loaded = fromClasses.revision(id);
            assertThat(cached.node()).isEqualTo(loaded.node());
            assertThat(cached.created()).isEqualTo(loaded.created());
            assertThat(cached.transactional()).isEqualTo(loaded.transactional());
            assertThat(cached.instantiate()).isNotNull();
        }
        assertThat(fromIndex.revision("cccccccccccc").transactional()).isFalse();
        assertThat(fromIndex.revision("cccccccccccc").node().branchLabels()).containsExactly("billing", "x");

        // an edit makes the cached revision stale: the class is read again
        write("bbbbbbbbbbbb", null, "");
        RevisionCatalog edited = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        assertThat(edited.revision("bbbbbbbbbbbb").node().parents()).isEmpty();
    }

    @Test
    void aCatalogFromTheCacheChecksTheClassesOnlyWhenAClassIsFirstLoaded() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");
        RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        Path classFile = new MigrationProject(project).classFile("bbbbbbbbbbbb");
        Files.delete(classFile);

        RevisionCatalog fromIndex = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);

        // the graph is complete without a class, and nothing was compiled for it
        assertThat(fromIndex.graph().head().id()).isEqualTo("bbbbbbbbbbbb");
        assertThat(classFile).doesNotExist();
        // the first class loaded brings the cache up to date first: the missing class is compiled again
        assertThat(fromIndex.revision("aaaaaaaaaaaa").instantiate()).isNotNull();
        assertThat(classFile).exists();
        assertThat(fromIndex.revision("bbbbbbbbbbbb").instantiate()).isNotNull();
    }

    @Test
    void aDeferredCompileThatFailsFailsEveryLoadAlike() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        RevisionCatalog fromIndex = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        // the deferred compile cannot even list the classes: every load reports that, not only the first
        Path packageClasses = classes().resolve("db/migrations");
        try (var files = Files.list(packageClasses)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(packageClasses);
        Files.writeString(packageClasses, "not a directory");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> fromIndex.revision("aaaaaaaaaaaa").instantiate())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot list compiled migrations in");
        }
    }

    @Test
    void aLabelWithTheCommaThatSeparatesLabelsIsRefusedWhenItsClassIsReadSoNothingCachesIt() throws IOException {
        Path dir = sources().resolve("db/migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("R20260101_0000_dddddddddddd.java"), """
                package db.migrations;

                import dev.migrations.api.*;

                @Revision(id = "dddddddddddd", branchLabels = "billing,eu")
                public class R20260101_0000_dddddddddddd implements Migration {
                    public void upgrade(Operations op) { }
                    public void downgrade(Operations op) { }
                }
                """);
        for (int attempt = 0; attempt < 2; attempt++) {
            // the second time too: had the first cached it, "billing" and "eu" would come back as two labels
            assertThatThrownBy(() -> RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT))
                    .isInstanceOf(InvalidBranchLabelException.class)
                    .hasMessageStartingWith("Branch label 'billing,eu' of revision dddddddddddd cannot be used");
        }
    }

    @Test
    void aDuplicateIdNamesBothFiles() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        Path dir = sources().resolve("db/migrations");
        String copy = Files.readString(dir.resolve("R20260101_0000_aaaaaaaaaaaa.java"))
                .replace("class R20260101_0000_aaaaaaaaaaaa", "class R20260101_0001_copy");
        Files.writeString(dir.resolve("R20260101_0001_copy.java"), copy);

        assertThatThrownBy(() -> RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Duplicate revision id aaaaaaaaaaaa")
                .hasMessageContaining("R20260101_0000_aaaaaaaaaaaa.java")
                .hasMessageContaining("R20260101_0001_copy.java");
    }
}
