package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCompilerTest {

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

    private int compile() {
        return new MigrationCompiler(classes(), EngineLog.SILENT)
                .compile(sources(), MigrationSources.find(sources(), "db.migrations"));
    }

    @Test
    void compilesEverythingOnceAndThenNothingUntilASourceChanges() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");

        assertThat(compile()).isEqualTo(2);
        assertThat(compile()).isZero();

        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "op.execute(\"SELECT 1\");");
        assertThat(compile()).isEqualTo(1);
        assertThat(compile()).isZero();
    }

    @Test
    void aWhitespaceOnlyEditIsNotAChange() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        compile();
        Path file = sources().resolve("db/migrations/R20260101_0000_aaaaaaaaaaaa.java");
        Files.writeString(file, Files.readString(file).replace("\n", "   \r\n"));

        assertThat(compile()).isZero();
    }

    @Test
    void aDeletedSourceLosesItsClass() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");
        compile();
        Files.delete(sources().resolve("db/migrations/R20260101_0000_bbbbbbbbbbbb.java"));

        compile();

        assertThat(classes().resolve("db/migrations/R20260101_0000_bbbbbbbbbbbb.class")).doesNotExist();
        assertThat(classes().resolve("db/migrations/R20260101_0000_aaaaaaaaaaaa.class")).exists();
    }

    @Test
    void aCompileErrorNamesTheFileAndLine() throws IOException {
        write("aaaaaaaaaaaa", null, "op.noSuchOperation();");

        assertThatThrownBy(this::compile)
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("R20260101_0000_aaaaaaaaaaaa.java:7")
                .hasMessageContaining("noSuchOperation")
                .hasMessageNotContaining("\n");
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
    void aSecondLoadReadsTheSameRevisionsFromTheIndexWithoutTheirClasses() throws IOException {
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
        assertThat(classes().resolve("revisions.properties")).exists();

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

        // an edit makes the index entry stale: the class is read again
        write("bbbbbbbbbbbb", null, "");
        RevisionCatalog edited = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        assertThat(edited.revision("bbbbbbbbbbbb").node().parents()).isEmpty();
    }

    @Test
    void aCatalogFromTheIndexChecksTheClassCacheOnlyWhenAClassIsFirstLoaded() throws IOException {
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
    void anIndexEntryOfTheRightContentButUnreadableIsReadFromItsClassInstead() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");
        RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        Path file = classes().resolve("revisions.properties");
        Properties index = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            index.load(in);
        }
        String key = "db.migrations.R20260101_0000_bbbbbbbbbbbb";
        String checksum = index.getProperty(key).split("\u001f")[0];
        index.setProperty(key, checksum + "\u001f" + "cut short");
        try (OutputStream out = Files.newOutputStream(file)) {
            index.store(out, null);
        }

        RevisionCatalog catalog = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);

        assertThat(catalog.graph().head().id()).isEqualTo("bbbbbbbbbbbb");
        assertThat(catalog.revision("bbbbbbbbbbbb").node().parents()).containsExactly("aaaaaaaaaaaa");
    }

    @Test
    void aDeferredCompileThatFailsFailsEveryLoadAlike() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        RevisionCatalog fromIndex = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        // the deferred compile cannot even read its index: every load reports that, not only the first
        Path index = classes().resolve("compiled.properties");
        Files.delete(index);
        Files.createDirectory(index);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> fromIndex.revision("aaaaaaaaaaaa").instantiate())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot compile migrations into");
        }
    }

    @Test
    void aLargeBatchIsSplitOverJavacTasksAndAnErrorInAnyOfThemNamesItsFile() throws IOException {
        int count = 250;
        for (int i = 1; i <= count; i++) {
            write(String.format("a%011d", i), i == 1 ? null : String.format("a%011d", i - 1), "op.execute(\"SELECT " + i + "\");");
        }
        assertThat(compile()).isEqualTo(count);
        RevisionCatalog catalog = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        assertThat(catalog.size()).isEqualTo(count);
        assertThat(catalog.graph().head().id()).isEqualTo(String.format("a%011d", count));

        // every file changed, one of them broken: whichever task gets it, the error names it
        for (int i = 1; i <= count; i++) {
            write(String.format("a%011d", i), i == 1 ? null : String.format("a%011d", i - 1),
                    i == 173 ? "op.nosuch();" : "op.execute(\"SELECT 0\");");
        }
        assertThatThrownBy(this::compile).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Migration does not compile: R20260101_0000_a00000000173.java:");
    }

    @Test
    void aLargeBatchCompilesInAForkedJavacFromAPathWithSpacesQuotesAndHashes() throws IOException {
        project = project.resolve("a \"quoted\" dir #1 \\ x");
        for (int i = 1; i <= ForkedJavac.MIN_FILES; i++) {
            write(String.format("f%011d", i), i == 1 ? null : String.format("f%011d", i - 1), "");
        }
        List<String> debug = new ArrayList<>();
        int compiled = new MigrationCompiler(classes(), new EngineLog() {
            public void info(String message) {
            }

            public void warn(String message) {
            }

            public void debug(String message) {
                debug.add(message);
            }
        }).compile(sources(), MigrationSources.find(sources(), "db.migrations"));

        assertThat(compiled).isEqualTo(ForkedJavac.MIN_FILES);
        assertThat(debug).anyMatch(line -> line.endsWith("in a forked javac"));
        RevisionCatalog catalog = RevisionCatalog.load(sources(), "db.migrations", classes(), EngineLog.SILENT);
        assertThat(catalog.graph().head().id()).isEqualTo(String.format("f%011d", ForkedJavac.MIN_FILES));
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
