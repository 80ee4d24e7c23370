package dev.migrations.engine.internal;

import dev.migrations.engine.EngineLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Says that a revision is still running when it takes long. A deploy that prints nothing for
 * minutes while a data migration runs looks hung, and gets killed; so a revision that has run
 * for {@link #FIRST} gets a line, and another every {@link #EVERY} until it ends. A revision
 * that ends sooner prints nothing more than before. This costs one daemon thread per run that
 * applies revisions, which only waits and logs; the engine's own work stays on the caller's
 * thread.
 */
public final class SlowRevisionWatch implements AutoCloseable {

    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration EVERY = Duration.ofSeconds(30);

    private final EngineLog log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "migrations-progress");
        thread.setDaemon(true);
        return thread;
    });
    /** The revision being watched, null between revisions; guarded by this. */
    private String watched;
    private ScheduledFuture<?> reports;

    public SlowRevisionWatch(EngineLog log) {
        this.log = log;
    }

    /** Starts watching the revision about to run; a revision still watched is let go. */
    public synchronized void watch(String id, String message) {
        stop();
        long begin = System.nanoTime();
        watched = id;
        reports = timer.scheduleAtFixedRate(() -> report(id, message, begin), FIRST.toMillis(), EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stops watching {@code id} if it is the one watched. Called before its "applied" line, so that
     * no "running" line about it can follow that.
     */
    public synchronized void finished(String id) {
        if (id.equals(watched)) {
            stop();
        }
    }

    private synchronized void report(String id, String message, long begin) {
        if (!id.equals(watched)) {
            return;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
        if (elapsed.compareTo(FIRST.plus(EVERY)) < 0) {
            log.info("  running  " + id + "  " + message + "  (" + elapsed.toSeconds() + " s so far)");
        } else {
            log.info("  still running  " + id + "  (" + format(elapsed) + ")");
        }
    }

    private void stop() {
        if (reports != null) {
            reports.cancel(false);
        }
        reports = null;
        watched = null;
    }

    private static String format(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    @Override
    public synchronized void close() {
        stop();
        timer.shutdownNow();
    }
}
