package dev.migrations.cli;

import dev.migrations.engine.EngineLog;
import java.io.PrintStream;

/** The engine's progress on standard output; warnings on standard error, where deploy logs keep them apart. */
final class ConsoleLog implements EngineLog {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;

    ConsoleLog(PrintStream out, PrintStream err, boolean verbose) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void info(String message) {
        out.println(message);
    }

    @Override
    public void warn(String message) {
        err.println("warning: " + message);
    }

    @Override
    public void debug(String message) {
        if (verbose) {
            out.println(message);
        }
    }
}
