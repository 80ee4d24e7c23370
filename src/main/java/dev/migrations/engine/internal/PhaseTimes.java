package dev.migrations.engine.internal;

import dev.migrations.engine.EngineLog;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a goal's time went, phase by phase (compile, graph, lock, apply, version table, ...),
 * so that users and the benchmark see what dominates without a profiler. Phases keep the order
 * in which they first ran; a phase that runs many times (apply, once per revision) adds up.
 * Phases may run on other threads at the same time, so their sum can exceed the total.
 */
public final class PhaseTimes {

    private final long start = System.nanoTime();
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    public synchronized void add(String phase, long elapsedNanos) {
        nanos.merge(phase, elapsedNanos, Long::sum);
    }

    public <T> T time(String phase, Supplier<T> work) {
        long begin = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(phase, System.nanoTime() - begin);
        }
    }

    public void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    public synchronized long millis(String phase) {
        return nanos.getOrDefault(phase, 0L) / 1_000_000;
    }

    /** Logs the summary: at info when the user asked for it ({@code -Dverbose}), else at debug. */
    public void report(EngineLog log, boolean verbose) {
        if (verbose) {
            log.info(summary());
        } else {
            log.debug(summary());
        }
    }

    /** {@code Engine time: 1750 ms (compile 412 ms, graph 5 ms, ...)}, from creation until now. */
    public synchronized String summary() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Engine time: %d ms (",
                (System.nanoTime() - start) / 1_000_000));
        String separator = "";
        for (Map.Entry<String, Long> phase : nanos.entrySet()) {
            line.append(separator).append(phase.getKey()).append(' ').append(phase.getValue() / 1_000_000).append(" ms");
            separator = ", ";
        }
        return line.append(')').toString();
    }
}
