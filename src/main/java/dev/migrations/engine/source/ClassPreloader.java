package dev.migrations.engine.source;

import java.util.List;

/**
 * Loads and links the classes of a run's revisions on a thread of its own, ahead of the run.
 *
 * <p>Each revision's class is loaded when it runs; in a fresh JVM that is most of the client's
 * time per revision (reading, defining and verifying the class), spent while the database,
 * which has the other core, waits. Done ahead, it overlaps with the database executing the
 * revisions before it, and the run finds each class ready. Classes are loaded and linked, never
 * initialized: a migration's static code still runs when, and on the thread where, it runs now.
 * A class that fails to load is skipped here; the run meets the failure and reports it.
 */
public final class ClassPreloader implements AutoCloseable {

    private final Thread thread;
    private volatile boolean stopped;

    private ClassPreloader(List<LoadedRevision> revisions) {
        this.thread = new Thread(() -> {
            for (LoadedRevision revision : revisions) {
                if (stopped) {
                    return;
                }
                revision.preload();
            }
        }, "migrations-preload");
        thread.setDaemon(true);
    }

    /** Starts loading {@code revisions} in their order, the order the run needs them. */
    public static ClassPreloader start(List<LoadedRevision> revisions) {
        ClassPreloader preloader = new ClassPreloader(revisions);
        preloader.thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        preloader.thread.start();
        return preloader;
    }

    /** Waits until every class is loaded (or skipped). */
    void awaitLoaded() throws InterruptedException {
        thread.join();
    }

    /** Stops after the class being loaded, before the class loader it uses is closed. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
