package dev.migrations.engine.internal;

import dev.migrations.engine.EngineLog;
/** The engine's progress in the application's own logging, through {@link System.Logger}. */
public final class SystemLoggerLog implements EngineLog {

    private final System.Logger logger;

    public SystemLoggerLog(System.Logger logger) {
        this.logger = logger;
    }

    @Override
    public void info(String message) {
        logger.log(System.Logger.Level.INFO, message);
    }

    @Override
    public void warn(String message) {
        logger.log(System.Logger.Level.WARNING, message);
    }

    @Override
    public void debug(String message) {
        logger.log(System.Logger.Level.DEBUG, message);
    }
}
