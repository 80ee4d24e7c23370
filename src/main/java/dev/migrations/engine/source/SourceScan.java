package dev.migrations.engine.source;

import dev.migrations.engine.internal.Await;
import dev.migrations.engine.internal.PhaseTimes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A project's migration sources, found and checksummed, before any is compiled or loaded; and,
 * when the sources are exactly those of the last full load, what that load found
 * ({@link #known()}). {@link RevisionCatalog#load(SourceScan, dev.migrations.engine.EngineLog, PhaseTimes)}
 * makes the catalog of them.
 */
public final class SourceScan {

    private final Path sourceRoot;
    private final Path classesDirectory;
    private final List<SourceFile> sources;
    private final String plugin;
    private final long digest;
    private final Optional<CatalogSummary> summary;
    private CompletableFuture<RevisionIndex> index;

    private SourceScan(Path sourceRoot, Path classesDirectory, List<SourceFile> sources, String plugin, long digest,
                       Optional<CatalogSummary> summary, CompletableFuture<RevisionIndex> index) {
        this.sourceRoot = sourceRoot;
        this.classesDirectory = classesDirectory;
        this.sources = sources;
        this.plugin = plugin;
        this.digest = digest;
        this.summary = summary;
        this.index = index;
    }

    /**
     * @param sourceRoot       the migrations source root ({@code src/main/migrations})
     * @param packageName      the package of the migration classes
     * @param classesDirectory where compiled classes are cached
     */
    static SourceScan of(Path sourceRoot, String packageName, Path classesDirectory, PhaseTimes times) {
        try (CompileLock lock = CompileLock.acquire(classesDirectory)) {
            String plugin = pluginStamp();
            Optional<CatalogSummary> summary = CatalogSummary.read(classesDirectory, plugin);
            // The revision index is read on a second core while this one stamps the sources (each is
            // tens of milliseconds of a cold JVM at 2,000 revisions), unless a summary may make it
            // unneeded: on two cores, that read slowed a run at head by a tenth.
            CompletableFuture<RevisionIndex> index = summary.isEmpty() ? readIndex(classesDirectory) : null;
            ChecksumCache checksums = times.time("scan", () -> ChecksumCache.in(classesDirectory));
            List<SourceFile> sources = times.time("scan",
                    () -> MigrationSources.find(sourceRoot, packageName, checksums));
            checksums.save();
            long digest = CatalogSummary.digest(sources);
            Optional<CatalogSummary> fitting = summary.filter(found -> found.describes(sources, digest));
            if (fitting.isEmpty() && index == null) {
                index = readIndex(classesDirectory);
            }
            return new SourceScan(sourceRoot, classesDirectory, sources, plugin, digest, fitting, index);
        }
    }

    private static CompletableFuture<RevisionIndex> readIndex(Path classesDirectory) {
        return CompletableFuture.supplyAsync(() -> new RevisionIndex(classesDirectory));
    }

    private static String pluginStamp() {
        try {
            return ApiBuild.stamp();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The heads and revisions as the last full load of exactly these sources found them; empty
     * when a source was added, removed or changed since, or no load was summarized. A run at
     * head needs nothing else.
     */
    public Optional<KnownRevisions> known() {
        return summary.map(found -> found.known(sources));
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

    /** The {@code @Revision} index, read now if the scan did not start reading it. */
    RevisionIndex index() {
        if (index == null) {
            index = readIndex(classesDirectory);
        }
        return Await.result(index, "reading the revision index");
    }

    /** Summarizes a load of these sources for later runs: {@code ids} in the order of the sources. */
    void remember(Collection<String> heads, List<String> ids) {
        if (summary.isEmpty()) {
            CatalogSummary.write(classesDirectory, plugin, digest, heads, ids);
        }
    }
}
