package dev.migrations.maven;

import dev.migrations.engine.EngineLog;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * The engine's progress lines, written to Maven's log. In a reactor with several services each
 * line starts with the service's module ({@code [billing] Database: ...}), so that the output says
 * which service a line is about even when a parallel build ({@code -T}) interleaves the modules.
 */
final class MavenEngineLog implements EngineLog {

    private final Log log;
    private final String prefix;

    private MavenEngineLog(Log log, String prefix) {
        this.log = log;
        this.prefix = prefix;
    }

    /** The lines as the engine writes them: a build of one service. */
    static MavenEngineLog of(Log log) {
        return new MavenEngineLog(log, "");
    }

    /** Each line prefixed by {@code [service] }: one of several services in the build. */
    static MavenEngineLog ofService(Log log, String service) {
        return new MavenEngineLog(log, "[" + service + "] ");
    }

    @Override
    public void info(String message) {
        log.info(prefixed(message));
    }

    @Override
    public void warn(String message) {
        log.warn(prefixed(message));
    }

    @Override
    public void debug(String message) {
        log.debug(prefixed(message));
    }

    /** A line that says why the build fails, shown even by {@code mvn -q}. */
    void error(String message) {
        log.error(prefixed(message));
    }

    /** Every line of a message, so that none of a multi-line one is left without its service. */
    private String prefixed(String message) {
        if (prefix.isEmpty() || message == null) {
            return message;
        }
        return message.lines().map(line -> prefix + line).collect(Collectors.joining(System.lineSeparator()));
    }
}
