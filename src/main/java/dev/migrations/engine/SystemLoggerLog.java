package dev.migrations.engine;

/** The engine's progress in the application's own logging, through {@link System.Logger}. */
final class SystemLoggerLog implements EngineLog {

    private final System.Logger logger;

    SystemLoggerLog(System.Logger logger) {
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
