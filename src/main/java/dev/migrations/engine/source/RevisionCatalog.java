package dev.migrations.engine.source;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.internal.PhaseTimes;
import dev.migrations.engine.Spelling;
import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.graph.RevisionNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The project's revisions: sources found, compiled if they changed, loaded, and arranged in
 * their graph (Alembic's ScriptDirectory and RevisionMap together).
 *
 * <p>Closing it closes the class loader it made for compiled sources (none for shipped
 * revisions, which the application's own loader holds): once closed, a revision whose class was
 * not loaded yet cannot be run.
 */
public final class RevisionCatalog implements AutoCloseable {

    private final RevisionGraph graph;
    private final Map<String, LoadedRevision> revisions;
    private final DeferredCompile compile;
    private final MigrationLoader loader;

    private RevisionCatalog(RevisionGraph graph, Map<String, LoadedRevision> revisions, DeferredCompile compile,
                            MigrationLoader loader) {
        this.graph = graph;
        this.revisions = revisions;
        this.compile = compile;
        this.loader = loader;
    }

    @Override
    public void close() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                // a loader of a directory holds no file open: nothing is left to release
            }
        }
    }

    /**
     * @param sourceRoot       the migrations source root ({@code src/main/migrations})
     * @param packageName      the package of the migration classes
     * @param classesDirectory where compiled classes are cached
     */
    public static RevisionCatalog load(Path sourceRoot, String packageName, Path classesDirectory, EngineLog log) {
        return load(sourceRoot, packageName, classesDirectory, log, new PhaseTimes());
    }

    /** As {@link #load(Path, String, Path, EngineLog)}, adding the time of each step to {@code times}. */
    public static RevisionCatalog load(Path sourceRoot, String packageName, Path classesDirectory, EngineLog log,
                                       PhaseTimes times) {
        return load(sourceRoot, packageName, classesDirectory, log, times, Spelling.LIBRARY);
    }

    /** As {@link #load(Path, String, Path, EngineLog, PhaseTimes)}, the graph's errors advising in {@code spelling}. */
    public static RevisionCatalog load(Path sourceRoot, String packageName, Path classesDirectory, EngineLog log,
                                       PhaseTimes times, Spelling spelling) {
        Map<String, LoadedRevision> byId = new LinkedHashMap<>();
        DeferredCompile compile;
        MigrationLoader loader;
        try (CompileLock lock = CompileLock.acquire(classesDirectory)) {
            CompileCache cache = times.time("scan", () -> CompileCache.read(classesDirectory));
            try {
                List<SourceFile> sources = times.time("scan",
                        () -> MigrationSources.find(sourceRoot, packageName, cache));
                // With every revision's metadata cached, the graph needs no class, and the classes are
                // checked only when one is needed (compileAhead): a run at head never does. Otherwise
                // the classes are brought up to date now, to read the metadata the cache lacks.
                if (cache.knowsAll(sources)) {
                    compile = DeferredCompile.of(sourceRoot, sources, classesDirectory, log, times);
                } else {
                    times.time("compile", () -> cache.compile(sourceRoot, sources, log));
                    compile = DeferredCompile.none();
                }
                // The class loader stays open: migrations are instantiated later, during the run. Classes
                // whose metadata the cache holds are loaded only then; they are up to date by then (the
                // deferred compile sees to it, taking the class directory's lock again), so no other run
                // rewrites them.
                loader = new MigrationLoader(classesDirectory, compile);
                times.time("load", () -> {
                    for (LoadedRevision revision : loader.load(sources, cache)) {
                        byId.put(revision.id(), revision);
                    }
                });
            } finally {
                // what was read and compiled is kept even when a source does not compile or load
                times.time("load", cache::save);
            }
        }
        RevisionGraph graph = times.time("graph",
                () -> new RevisionGraph(byId.values().stream().map(LoadedRevision::node).toList(), spelling));
        return new RevisionCatalog(graph, byId, compile, loader);
    }

    /**
     * The revisions an application ships on {@code classLoader}'s class path, as their index
     * lists them; no class is loaded until its revision runs.
     */
    public static RevisionCatalog shipped(ClassLoader classLoader, String packageName, PhaseTimes times,
                                          Spelling spelling) {
        List<LoadedRevision> listed = times.time("load", () -> ShippedIndex.read(classLoader, packageName));
        // built from the list, so that the graph reports an id listed twice
        RevisionGraph graph = times.time("graph",
                () -> new RevisionGraph(listed.stream().map(LoadedRevision::node).toList(), spelling));
        Map<String, LoadedRevision> byId = new LinkedHashMap<>();
        listed.forEach(revision -> byId.put(revision.id(), revision));
        return new RevisionCatalog(graph, byId, DeferredCompile.none(), null);
    }

    /** Every revision, in the order of their sources. */
    public List<LoadedRevision> revisions() {
        return List.copyOf(revisions.values());
    }

    public RevisionGraph graph() {
        return graph;
    }

    public LoadedRevision revision(String id) {
        return revisions.get(id);
    }

    public LoadedRevision revision(RevisionNode node) {
        return revisions.get(node.id());
    }

    /**
     * Brings the class cache up to date on another thread if the load put that off; a run about
     * to apply revisions waits for it before its first write, so that a source that no longer
     * compiles fails the run with the database unchanged.
     */
    public Future<Void> compileAhead() {
        return compile.ahead();
    }

    public int size() {
        return revisions.size();
    }
}
