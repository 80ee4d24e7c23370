package dev.migrations.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Settings of the whole JVM that a library's chatter is turned down with, changed only while a
 * piece of work runs and put back when it ends: Maven's JVM (and an IDE's, or a test's) goes on
 * after a goal with the settings it had before. A setting the user made is left as it is.
 *
 * <ul>
 * <li>System properties such as {@code org.slf4j.simpleLogger.log.<logger>}: Maven's SLF4J
 *     logging reads them when a logger is created, which libraries do as their classes load,
 *     so they must be set before the library's first use and may go once it has begun.</li>
 * <li>java.util.logging levels: consulted at every message, so they hold for the work's whole
 *     duration; the loggers are held here meanwhile, as java.util.logging keeps them only
 *     weakly and would forget a level set on one nobody holds.</li>
 * </ul>
 *
 * <p>Two goals of a parallel build that change the same setting at once may put it back while
 * the other still runs: that costs log lines, never a result.
 */
public final class ScopedJvmSettings implements AutoCloseable {

    /** What to do on close, newest first. */
    private final List<Runnable> restores = new ArrayList<>();

    /** Sets {@code key} to {@code value} until {@link #close()}, unless it is set already. */
    public ScopedJvmSettings systemPropertyUnlessSet(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
            restores.add(0, () -> System.clearProperty(key));
        }
        return this;
    }

    /**
     * Sets the java.util.logging level of logger {@code name} until {@link #close()}, unless the
     * logging configuration names a level for it.
     */
    public ScopedJvmSettings loggerLevelUnlessConfigured(String name, Level level) {
        if (LogManager.getLogManager().getProperty(name + ".level") == null) {
            Logger logger = Logger.getLogger(name);
            Level before = logger.getLevel();
            logger.setLevel(level);
            restores.add(0, () -> logger.setLevel(before));
        }
        return this;
    }

    /** Puts back every setting changed here, the last first. */
    @Override
    public void close() {
        restores.forEach(Runnable::run);
        restores.clear();
    }
}
