package dev.migrations.engine.source;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.internal.PhaseTimes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The compile that a catalog built from cached metadata has put off: done once, under the
 * class directory's lock, before the first migration class is loaded. A run at head loads no
 * class, so it never checks the classes at all (at 2,000 revisions that check is a
 * sixth of the run). Until then the class files may be stale (some were deleted, or another run
 * rewrote them); the compile finds and replaces exactly those.
 */
final class DeferredCompile {

    private final Path sourceRoot;
    private final List<SourceFile> sources;
    private final Path classesDirectory;
    private final EngineLog log;
    private final PhaseTimes times;
    private boolean done;
    private RuntimeException failure;

    private DeferredCompile(Path sourceRoot, List<SourceFile> sources, Path classesDirectory, EngineLog log,
                            PhaseTimes times, boolean done) {
        this.sourceRoot = sourceRoot;
        this.sources = sources;
        this.classesDirectory = classesDirectory;
        this.log = log;
        this.times = times;
        this.done = done;
    }

    static DeferredCompile of(Path sourceRoot, List<SourceFile> sources, Path classesDirectory, EngineLog log,
                              PhaseTimes times) {
        return new DeferredCompile(sourceRoot, List.copyOf(sources), classesDirectory, log, times, false);
    }

    /** Nothing owed: the classes were brought up to date before the catalog was built. */
    static DeferredCompile none() {
        return new DeferredCompile(null, List.of(), null, null, null, true);
    }

    /** {@link #complete()} on another thread, or nothing when nothing is owed. */
    Future<Void> ahead() {
        synchronized (this) {
            if (done) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return CompletableFuture.runAsync(this::complete);
    }

    /** Compiles what is stale, the first time only; a failure is thrown again to every later caller. */
    synchronized void complete() {
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return;
        }
        try (CompileLock lock = CompileLock.acquire(classesDirectory)) {
            times.time("compile", () -> {
                // read again: another build may have compiled since the catalog was loaded
                CompileCache cache = CompileCache.read(classesDirectory);
                try {
                    cache.compile(sourceRoot, sources, log);
                } finally {
                    cache.save();
                }
            });
            done = true;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }
}
