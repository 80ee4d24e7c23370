package dev.migrations.engine;

/** Where the engine reports progress; the Maven goals pass Maven's log. */
public interface EngineLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** Discards everything; for callers that only want the returned results. */
    EngineLog SILENT = new EngineLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };
}
