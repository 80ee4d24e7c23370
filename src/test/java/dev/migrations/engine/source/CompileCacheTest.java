package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCacheTest {

    private static final String A = "db.migrations.R20260101_0000_aaaaaaaaaaaa";

    @TempDir
    Path root;

    private MigrationProject project() {
        return new MigrationProject(root);
    }

    private Path cacheFile() {
        return project().classes().resolve(CompileCache.FILE);
    }

    /** Writes revision {@code id} as last written a minute ago: old enough for its stamp to be trusted. */
    private Path write(String id, String parent, String upgrade) throws IOException {
        project().write(id, parent, "", upgrade);
        Path file = project().sources().resolve("db/migrations/R20260101_0000_" + id + ".java");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return file;
    }

    /** What a run does: reads the cache, checksums the sources, compiles what is stale, saves. */
    private int compile() {
        return compile(EngineLog.SILENT);
    }

    private int compile(EngineLog log) {
        CompileCache cache = CompileCache.read(project().classes());
        try {
            return cache.compile(project().sources(), sources(cache), log);
        } finally {
            cache.save();
        }
    }

    private List<SourceFile> sources(CompileCache cache) {
        return MigrationSources.find(project().sources(), "db.migrations", cache);
    }

    /** The checksums a new run finds, saving what it learnt. */
    private List<String> checksums() {
        CompileCache cache = CompileCache.read(project().classes());
        List<String> checksums = sources(cache).stream().map(SourceFile::checksum).toList();
        cache.save();
        return checksums;
    }

    private void editCacheFile(UnaryOperator<String> edit) throws IOException {
        Files.writeString(cacheFile(), edit.apply(Files.readString(cacheFile(), StandardCharsets.UTF_8)));
    }

    /** Replaces each cached checksum with a marker, so that a test sees whether the cache answered. */
    private void markCachedChecksums() throws IOException {
        editCacheFile(text -> text.replaceAll("(?m)^(db\\.[^\t]*\t[^\t]*\t)[0-9a-f]{64}\t", "$1from-the-cache\t"));
    }

    private RevisionCatalog catalog() {
        return RevisionCatalog.load(project().sources(), "db.migrations", project().classes(), EngineLog.SILENT);
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
    void anEditedSourceIsRecompiledAndItsRevisionReadAgain() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");
        try (RevisionCatalog first = catalog()) {
            assertThat(first.revision("bbbbbbbbbbbb").node().parents()).containsExactly("aaaaaaaaaaaa");
        }

        write("bbbbbbbbbbbb", null, "");
        try (RevisionCatalog edited = catalog()) {
            assertThat(edited.revision("bbbbbbbbbbbb").node().parents()).isEmpty();
            assertThat(edited.graph().heads()).hasSize(2);
        }
        assertThat(compile()).isZero();
    }

    @Test
    void aFileThatKeepsItsStampIsNotReadAgain() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        assertThat(checksums()).containsExactly(SourceChecksum.of(
                Files.readString(project().sources().resolve("db/migrations/R20260101_0000_aaaaaaaaaaaa.java"))));

        markCachedChecksums();
        assertThat(checksums()).containsExactly("from-the-cache");
    }

    @Test
    void anEditOfTheSameSizeIsSeenByItsModificationTime() throws IOException {
        Path file = write("aaaaaaaaaaaa", null, "");
        FileTime stamp = Files.getLastModifiedTime(file);
        compile();

        Files.writeString(file, Files.readString(file).replace("m aaaa", "n aaaa"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(stamp.toMillis() + 1));
        assertThat(checksums()).containsExactly(SourceChecksum.of(Files.readString(file)));
        assertThat(compile()).isEqualTo(1);
    }

    @Test
    void anEditThatRestoresSizeAndModificationTimeIsSeenByTheStatusChangeTime() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
        Path file = write("aaaaaaaaaaaa", null, "");
        FileTime stamp = Files.getLastModifiedTime(file);
        compile();

        // what cp -p or rsync -t do: same size, the old modification time
        Files.writeString(file, Files.readString(file).replace("m aaaa", "n aaaa"));
        Files.setLastModifiedTime(file, stamp);
        assertThat(checksums()).containsExactly(SourceChecksum.of(Files.readString(file)));
        assertThat(compile()).isEqualTo(1);
        try (RevisionCatalog catalog = catalog()) {
            assertThat(catalog.revision("aaaaaaaaaaaa").message()).isEqualTo("n aaaaaaaaaaaa");
        }
    }

    @Test
    void theStampOfAFileWrittenJustNowIsNotTrustedYet() throws IOException {
        project().write("aaaaaaaaaaaa", null, "", "");
        compile();

        // a second write in the same tick of the file system's clock would keep the stamp
        markCachedChecksums();
        assertThat(checksums()).doesNotContain("from-the-cache");
    }

    @Test
    void anotherPluginBuildStartsEmpty() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");
        catalog().close();
        markCachedChecksums();
        editCacheFile(text -> "another build of the plugin" + text.substring(text.indexOf('\n')));

        CompileCache cache = CompileCache.read(project().classes());
        assertThat(cache.isEmpty()).isTrue();
        assertThat(sources(cache)).noneMatch(source -> source.checksum().equals("from-the-cache"));
        assertThat(compile()).isEqualTo(2);
    }

    @Test
    void aDamagedFileIsAnEmptyCache() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        compile();
        Files.write(cacheFile(), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertThat(CompileCache.read(project().classes()).isEmpty()).isTrue();
        assertThat(compile()).isEqualTo(1);
        assertThat(CompileCache.read(project().classes()).isEmpty()).isFalse();
    }

    /** The checksums a run finds when the cache of one compiled revision has its checksums marked, then {@code edit}ed. */
    private List<String> checksumsFromAMarkedCache(UnaryOperator<String> edit) throws IOException {
        write("aaaaaaaaaaaa", null, "");
        compile();
        markCachedChecksums();
        editCacheFile(edit);
        return checksums();
    }

    @Test
    void aCacheWithWindowsLineEndsIsRead() throws IOException {
        assertThat(checksumsFromAMarkedCache(text -> text.replace("\n", "\r\n"))).containsExactly("from-the-cache");
    }

    @Test
    void aLineOfAnotherShapeIsNotTrusted() throws IOException {
        assertThat(checksumsFromAMarkedCache(text -> text.replace("\tfrom-the-cache\tcompiled",
                "\tfrom-the-cache\tcompiled\textra"))).doesNotContain("from-the-cache");
    }

    @Test
    void aCheckedLineCutShortIsReadFromItsClassInstead() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");
        catalog().close();
        editCacheFile(text -> text.replaceAll("(?m)^(db\\.[^\t]*bbbbbbbbbbbb\t[^\t]*\t[^\t]*\tchecked\t[^\t]*)\t.*$",
                "$1"));

        CompileCache cache = CompileCache.read(project().classes());
        assertThat(cache.knowsAll(sources(cache))).isFalse();
        try (RevisionCatalog catalog = catalog()) {
            assertThat(catalog.revision("bbbbbbbbbbbb").node().parents()).containsExactly("aaaaaaaaaaaa");
        }
        CompileCache repaired = CompileCache.read(project().classes());
        assertThat(repaired.knowsAll(sources(repaired))).isTrue();
    }

    @Test
    void metadataIsCachedOnlyOnceItsClassLoadedAndWasChecked() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        compile();
        CompileCache compiled = CompileCache.read(project().classes());
        assertThat(compiled.knowsAll(sources(compiled))).isFalse();
        assertThat(Files.readString(cacheFile())).contains("\tcompiled").doesNotContain("\tchecked");

        catalog().close();
        CompileCache checked = CompileCache.read(project().classes());
        assertThat(checked.knowsAll(sources(checked))).isTrue();
    }

    @Test
    void aWhitespaceOnlyEditIsNotAChange() throws IOException {
        Path file = write("aaaaaaaaaaaa", null, "");
        compile();
        Files.writeString(file, Files.readString(file).replace("\n", "   \r\n"));

        assertThat(compile()).isZero();
    }

    @Test
    void aDeletedSourceLosesItsClassAndItsLine() throws IOException {
        write("aaaaaaaaaaaa", null, "");
        write("bbbbbbbbbbbb", "aaaaaaaaaaaa", "");
        compile();
        Files.delete(project().sources().resolve("db/migrations/R20260101_0000_bbbbbbbbbbbb.java"));

        compile();

        assertThat(project().classFile("bbbbbbbbbbbb")).doesNotExist();
        assertThat(project().classFile("aaaaaaaaaaaa")).exists();
        assertThat(Files.readString(cacheFile())).contains(A).doesNotContain("bbbbbbbbbbbb");
    }

    @Test
    void twoConcurrentLoadsOfTheSameProjectBothSucceed() throws Exception {
        for (int i = 1; i <= 5; i++) {
            write(String.format("c%011d", i), i == 1 ? null : String.format("c%011d", i - 1), "");
        }
        List<CompletableFuture<String>> loads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            loads.add(CompletableFuture.supplyAsync(() -> {
                try (RevisionCatalog catalog = catalog()) {
                    catalog.revisions().forEach(LoadedRevision::instantiate);
                    return catalog.graph().head().id();
                }
            }));
        }

        for (CompletableFuture<String> load : loads) {
            assertThat(load.get()).isEqualTo("c00000000005");
        }
        assertThat(compile()).isZero();
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
    void aLargeBatchIsSplitOverJavacTasksAndAnErrorInAnyOfThemNamesItsFile() throws IOException {
        int count = 250;
        for (int i = 1; i <= count; i++) {
            write(String.format("a%011d", i), i == 1 ? null : String.format("a%011d", i - 1),
                    "op.execute(\"SELECT " + i + "\");");
        }
        assertThat(compile()).isEqualTo(count);
        try (RevisionCatalog catalog = catalog()) {
            assertThat(catalog.size()).isEqualTo(count);
            assertThat(catalog.graph().head().id()).isEqualTo(String.format("a%011d", count));
        }

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
        root = root.resolve("a \"quoted\" dir #1 \\ x");
        for (int i = 1; i <= ForkedJavac.MIN_FILES; i++) {
            write(String.format("f%011d", i), i == 1 ? null : String.format("f%011d", i - 1), "");
        }
        List<String> debug = new ArrayList<>();
        int compiled = compile(new EngineLog() {
            public void info(String message) {
            }

            public void warn(String message) {
            }

            public void debug(String message) {
                debug.add(message);
            }
        });

        assertThat(compiled).isEqualTo(ForkedJavac.MIN_FILES);
        assertThat(debug).anyMatch(line -> line.endsWith("in a forked javac"));
        try (RevisionCatalog catalog = catalog()) {
            assertThat(catalog.graph().head().id()).isEqualTo(String.format("f%011d", ForkedJavac.MIN_FILES));
        }
    }
}
