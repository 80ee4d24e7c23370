package dev.migrations.engine.source;

import dev.migrations.engine.internal.Await;
import dev.migrations.engine.internal.PhaseTimes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A project's migration sources, found and checksummed, before any is compiled or loaded.
 * {@link RevisionCatalog#load(SourceScan, dev.migrations.engine.EngineLog, PhaseTimes)} makes the
 * catalog of them.
 */
public final class SourceScan {

    private final Path sourceRoot;
    private final Path classesDirectory;
    private final List<SourceFile> sources;
    private final CompletableFuture<RevisionIndex> index;

    private SourceScan(Path sourceRoot, Path classesDirectory, List<SourceFile> sources,
                       CompletableFuture<RevisionIndex> index) {
        this.sourceRoot = sourceRoot;
        this.classesDirectory = classesDirectory;
        this.sources = sources;
        this.index = index;
    }

    /**
     * @param sourceRoot       the migrations source root ({@code src/main/migrations})
     * @param packageName      the package of the migration classes
     * @param classesDirectory where compiled classes are cached
     */
    static SourceScan of(Path sourceRoot, String packageName, Path classesDirectory, PhaseTimes times) {
        try (CompileLock lock = CompileLock.acquire(classesDirectory)) {
            // The revision index is read on a second core while this one stamps the sources (each is
            // tens of milliseconds of a cold JVM at 2,000 revisions).
            CompletableFuture<RevisionIndex> index = CompletableFuture.supplyAsync(
                    () -> new RevisionIndex(classesDirectory));
            ChecksumCache checksums = times.time("scan", () -> ChecksumCache.in(classesDirectory));
            List<SourceFile> sources = times.time("scan",
                    () -> MigrationSources.find(sourceRoot, packageName, checksums));
            checksums.save();
            return new SourceScan(sourceRoot, classesDirectory, sources, index);
        }
    }

    Path sourceRoot() {
        return sourceRoot;
    }

    Path classesDirectory() {
        return classesDirectory;
    }

    List<SourceFile> sources() {
        return sources;
    }

    RevisionIndex index() {
        return Await.result(index, "reading the revision index");
    }
}
