package dev.migrations.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a run finds its revisions: the migration sources of a project, which the engine
 * compiles itself (the Maven goals), or the classes an application ships in its jar together
 * with their index (the command line, a startup check). Everything after that, the graph, the
 * plan, the lock and the version table, is the same for both.
 */
public sealed interface RevisionSource {

    String DEFAULT_PACKAGE = "db.migrations";

    /** The package of the migration classes. */
    String packageName();

    /** Where a revision of this source would be, for messages: "in src/main/migrations". */
    String where();

    /** The sources in {@code directory} ({@code src/main/migrations}), compiled on demand. */
    static RevisionSource directory(Path directory, String packageName) {
        return new SourceTree(directory, packageName);
    }

    /** The revisions shipped on the class path of {@code classLoader}, listed by their index. */
    static RevisionSource classpath(ClassLoader classLoader, String packageName) {
        return new Shipped(classLoader, packageName);
    }

    /**
     * As {@link #classpath(ClassLoader, String)}, with the calling thread's context class loader:
     * the application's, also where a launcher (Spring Boot's) opens nested jars.
     */
    static RevisionSource classpath(String packageName) {
        return new Shipped(Thread.currentThread().getContextClassLoader(), packageName);
    }

    record SourceTree(Path directory, String packageName) implements RevisionSource {
        public SourceTree {
            Objects.requireNonNull(directory, "directory");
            packageName = packageName == null ? DEFAULT_PACKAGE : packageName;
        }

        @Override
        public String where() {
            return "in " + directory;
        }
    }

    record Shipped(ClassLoader classLoader, String packageName) implements RevisionSource {
        public Shipped {
            Objects.requireNonNull(classLoader, "classLoader");
            packageName = packageName == null ? DEFAULT_PACKAGE : packageName;
        }

        @Override
        public String where() {
            return "on the class path (package " + packageName + ")";
        }
    }
}
