package dev.migrations.engine.source;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.PhaseTimes;
import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.graph.RevisionNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's revisions: sources found, compiled if they changed, loaded, and arranged in
 * their graph (Alembic's ScriptDirectory and RevisionMap together).
 */
public final class RevisionCatalog {

    private final RevisionGraph graph;
    private final Map<String, LoadedRevision> revisions;
    private final int compiled;

    private RevisionCatalog(RevisionGraph graph, Map<String, LoadedRevision> revisions, int compiled) {
        this.graph = graph;
        this.revisions = revisions;
        this.compiled = compiled;
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
        Map<String, LoadedRevision> byId = new LinkedHashMap<>();
        int compiled;
        try (CompileLock lock = CompileLock.acquire(classesDirectory)) {
            ChecksumCache checksums = times.time("scan", () -> ChecksumCache.in(classesDirectory));
            List<SourceFile> sources = times.time("scan",
                    () -> MigrationSources.find(sourceRoot, packageName, checksums));
            compiled = times.time("compile",
                    () -> new MigrationCompiler(classesDirectory, log).compile(sourceRoot, sources));
            checksums.save();
            // The class loader stays open: migrations are instantiated later, during the run. Classes
            // whose metadata the index holds are loaded only then; they are up to date by now, so no
            // other run rewrites them (it would find them current, under this same lock).
            MigrationLoader loader = new MigrationLoader(classesDirectory);
            times.time("load", () -> {
                RevisionIndex index = new RevisionIndex(classesDirectory);
                for (LoadedRevision revision : loader.load(sources, index)) {
                    byId.put(revision.id(), revision);
                }
                index.save();
            });
        }
        RevisionGraph graph = times.time("graph",
                () -> new RevisionGraph(byId.values().stream().map(LoadedRevision::node).toList()));
        return new RevisionCatalog(graph, byId, compiled);
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

    public int size() {
        return revisions.size();
    }

    /** How many sources this load had to compile (0 when the cache was up to date). */
    public int compiled() {
        return compiled;
    }
}
