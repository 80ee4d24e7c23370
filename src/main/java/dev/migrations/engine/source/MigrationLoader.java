package dev.migrations.engine.source;

import dev.migrations.api.Migration;
import dev.migrations.api.Revision;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.graph.RevisionId;
import dev.migrations.engine.graph.RevisionNode;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads compiled migration classes and reads their {@link Revision} metadata. */
public final class MigrationLoader implements Closeable {

    private final ClassLoader classLoader;
    /** The loader this one made, and so closes; null for the application's own. */
    private final URLClassLoader owned;
    private final DeferredCompile compile;

    /** @param compile what must be compiled before a class is loaded from {@code classesDirectory} */
    MigrationLoader(Path classesDirectory, DeferredCompile compile) {
        this.compile = compile;
        try {
            URL[] urls = {classesDirectory.toUri().toURL()};
            this.owned = new URLClassLoader(urls, Migration.class.getClassLoader());
            this.classLoader = owned;
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(classesDirectory.toString(), e);
        }
    }

    /** Loads the classes an application ships, already compiled, from its own class path. */
    MigrationLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.owned = null;
        this.compile = DeferredCompile.none();
    }

    /**
     * Reads the revisions of {@code sources}: from the cache when it knows a source's exact
     * content, else by loading and checking its class (and then remembering it in the cache).
     */
    List<LoadedRevision> load(List<SourceFile> sources, CompileCache cache) {
        List<LoadedRevision> revisions = new ArrayList<>(sources.size());
        Map<String, SourceFile> byId = new HashMap<>();
        for (SourceFile source : sources) {
            LoadedRevision revision = cache.revision(source)
                    .map(cached -> new LoadedRevision(cached.node(), source, cached.created(), cached.transactional(),
                            this))
                    .orElseGet(() -> load(source));
            SourceFile other = byId.putIfAbsent(revision.id(), source);
            if (other != null) {
                throw new MigrationException("Duplicate revision id " + revision.id() + " in "
                        + other.path().getFileName() + " and " + source.path().getFileName()
                        + "; give one of them a new id (and update revisions that name it as parent).");
            }
            cache.checked(revision);
            revisions.add(revision);
        }
        return revisions;
    }

    /** The migration class of {@code source}, checked: it is a migration with its metadata. */
    Class<? extends Migration> migrationClass(SourceFile source) {
        compile.complete();
        Class<?> type;
        try {
            type = Class.forName(source.className(), false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrationException("Migration file " + source.path().getFileName()
                    + " does not declare class " + source.className()
                    + "; the class name and package must match the file name and directory.");
        }
        if (!Migration.class.isAssignableFrom(type)) {
            throw new MigrationException("Class " + type.getName() + " in " + source.path().getFileName()
                    + " does not implement dev.migrations.api.Migration; implement upgrade() and downgrade().");
        }
        return type.asSubclass(Migration.class);
    }

    private LoadedRevision load(SourceFile source) {
        Class<? extends Migration> type = migrationClass(source);
        String file = source.path().getFileName().toString();
        Revision revision = type.getAnnotation(Revision.class);
        if (revision == null) {
            throw new MigrationException("Class " + type.getName() + " in " + file
                    + " has no @Revision annotation; add @Revision(id = ..., parents = ...).");
        }
        if (!instantiable(type)) {
            throw new MigrationException("Class " + type.getName() + " in " + file + " cannot be created by the "
                    + "plugin; make it a public, non-abstract class with a public no-argument constructor.");
        }
        checkId(revision.id(), file, "id");
        for (String parent : revision.parents()) {
            checkId(parent, file, "parent");
        }
        for (String dependency : revision.dependsOn()) {
            checkId(dependency, file, "dependsOn");
        }
        for (String label : revision.branchLabels()) {
            RevisionGraph.requireUsableLabel(label, revision.id());
        }
        RevisionNode node = new RevisionNode(revision.id(), List.of(revision.parents()),
                List.of(revision.dependsOn()), List.of(revision.branchLabels()), revision.message());
        return new LoadedRevision(node, source, revision.created(), revision.transactional(), this);
    }

    /** Checked when the class is first loaded, so that the run stops before anything is written. */
    private static boolean instantiable(Class<?> type) {
        int modifiers = type.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || type.isInterface()
                || (type.isMemberClass() && !Modifier.isStatic(modifiers))) {
            return false;
        }
        try {
            type.getConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void checkId(String id, String file, String what) {
        if (!RevisionId.isWellFormed(id)) {
            throw new MigrationException("Revision " + what + " '" + id + "' in " + file
                    + " is not a revision id; use " + RevisionId.RULE_TEXT + " (12 hex characters as generated).");
        }
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }
}
